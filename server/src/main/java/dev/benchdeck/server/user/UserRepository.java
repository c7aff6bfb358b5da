package dev.benchdeck.server.user;

import dev.benchdeck.server.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table; usernames match case-insensitively. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, role, enabled, totp_enabled, must_change_password, created_at, last_sign_in_at";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with what sign-in needs besides the public fields. */
    record Credentials(User user, String passwordHash, byte @Nullable [] totpSecret, @Nullable Long totpLastStep) {
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public long insert(String username, String passwordHash, Role role, boolean mustChangePassword) {
        return jdbc.sql("""
                        insert into users (username, password_hash, role, must_change_password)
                        values (:username, :hash, :role, :must) returning id""")
                .param("username", username).param("hash", passwordHash).param("role", role.value()).param("must", mustChangePassword)
                .query(Long.class).single();
    }

    public Optional<User> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    public Optional<User> findByName(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where lower(username) = lower(:name)").param("name", username)
                .query(UserRepository::map).optional();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select " + COLUMNS + ", password_hash, totp_secret, totp_last_step from users where lower(username) = lower(:name)")
                .param("name", username).query(UserRepository::credentials).optional();
    }

    Optional<Credentials> credentials(long id) {
        return jdbc.sql("select " + COLUMNS + ", password_hash, totp_secret, totp_last_step from users where id = :id")
                .param("id", id).query(UserRepository::credentials).optional();
    }

    List<User> findAll() {
        return jdbc.sql("select " + COLUMNS + " from users order by lower(username)").query(UserRepository::map).list();
    }

    void setPassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("update users set password_hash = :hash, must_change_password = :must where id = :id")
                .param("id", id).param("hash", passwordHash).param("must", mustChange).update();
    }

    void setRole(long id, Role role) {
        jdbc.sql("update users set role = :role where id = :id").param("id", id).param("role", role.value()).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update users set enabled = :enabled where id = :id").param("id", id).param("enabled", enabled).update();
    }

    void signedIn(long id) {
        jdbc.sql("update users set last_sign_in_at = now() where id = :id").param("id", id).update();
    }

    /** A pending (not yet confirmed) TOTP secret, encrypted; null removes TOTP. */
    void setTotp(long id, byte @Nullable [] secret, boolean enabled) {
        jdbc.sql("update users set totp_secret = :secret, totp_enabled = :enabled, totp_last_step = null where id = :id")
                .param("id", id).param("secret", secret).param("enabled", enabled).update();
    }

    /** Records the time step of a used code, unless one as late was used already (a code works once). */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("update users set totp_last_step = :step where id = :id and (totp_last_step is null or totp_last_step < :step)")
                .param("id", id).param("step", step).update() == 1;
    }

    /** The local user an OIDC identity (issuer, subject) is linked to. */
    Optional<User> findLinked(String issuer, String subject) {
        return jdbc.sql("select " + COLUMNS + " from users where id = (select user_id from user_identities where issuer = :issuer and subject = :subject)")
                .param("issuer", issuer).param("subject", subject).query(UserRepository::map).optional();
    }

    void link(String issuer, String subject, long userId) {
        jdbc.sql("insert into user_identities (issuer, subject, user_id) values (:issuer, :subject, :user)")
                .param("issuer", issuer).param("subject", subject).param("user", userId).update();
    }

    long countAdmins() {
        return jdbc.sql("select count(*) from users where role = 'admin' and enabled").query(Long.class).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_sign_in_at");
        return new User(rs.getLong("id"), rs.getString("username"), Role.parse(rs.getString("role")).orElseThrow(),
                rs.getBoolean("enabled"), rs.getBoolean("totp_enabled"), rs.getBoolean("must_change_password"),
                rs.getTimestamp("created_at").toInstant(), last == null ? null : last.toInstant());
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        long step = rs.getLong("totp_last_step");
        return new Credentials(map(rs, row), rs.getString("password_hash"), rs.getBytes("totp_secret"), rs.wasNull() ? null : step);
    }
}
