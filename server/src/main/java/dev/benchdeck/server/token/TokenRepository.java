package dev.benchdeck.server.token;

import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.TokenScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table. */
@Repository
class TokenRepository {

    private static final String COLUMNS = "id, name, prefix, scopes, created_at, expires_at, last_used_at";

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live token's owner as authentication needs it. */
    record Owner(long tokenId, long userId, String username, Role userRole, List<TokenScope> scopes, boolean mustChangePassword,
                 boolean totpEnabled, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {
    }

    long insert(long userId, String name, String prefix, byte[] hash, List<TokenScope> scopes, @Nullable Instant expiresAt) {
        return jdbc.sql("""
                        insert into api_tokens (user_id, name, prefix, token_hash, scopes, expires_at)
                        values (:user, :name, :prefix, :hash, :scopes, :expires) returning id""")
                .param("user", userId).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("scopes", scopes.stream().map(TokenScope::value).toArray(String[]::new))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    /** The owner of a token that is not revoked nor expired, whose user is enabled. */
    Optional<Owner> findLive(byte[] hash) {
        return jdbc.sql("""
                        select t.id, t.user_id, u.username, u.role, t.scopes, u.must_change_password, u.totp_enabled, t.expires_at, t.last_used_at
                        from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.enabled""")
                .param("hash", hash)
                .query((rs, row) -> new Owner(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                        Role.parse(rs.getString("role")).orElseThrow(), scopes(rs.getArray("scopes")),
                        rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"), instant(rs, "expires_at"),
                        instant(rs, "last_used_at")))
                .optional();
    }

    void touch(long id) {
        jdbc.sql("update api_tokens set last_used_at = now() where id = :id").param("id", id).update();
    }

    List<ApiToken> listLive(long userId) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where user_id = :user and revoked_at is null order by id")
                .param("user", userId).query(TokenRepository::map).list();
    }

    Optional<ApiToken> find(long userId, long id) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where user_id = :user and id = :id and revoked_at is null")
                .param("user", userId).param("id", id).query(TokenRepository::map).optional();
    }

    boolean revoke(long userId, long id) {
        return jdbc.sql("update api_tokens set revoked_at = now() where user_id = :user and id = :id and revoked_at is null")
                .param("user", userId).param("id", id).update() == 1;
    }

    void revokeAll(long userId) {
        jdbc.sql("update api_tokens set revoked_at = now() where user_id = :user and revoked_at is null").param("user", userId).update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), scopes(rs.getArray("scopes")),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"), instant(rs, "last_used_at"));
    }

    private static List<TokenScope> scopes(Array array) throws SQLException {
        List<TokenScope> scopes = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            TokenScope.parse(String.valueOf(value)).ifPresent(scopes::add);
        }
        return scopes;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
