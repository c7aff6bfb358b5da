package dev.benchdeck.server.target;

import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Targets in the {@code targets} table; credentials go in and out only as ciphertext. */
@Repository
public class TargetRepository {

    private static final String COLUMNS = "id, name, kind, url, options::text as options, credentials is not null as has_credentials, created_at, updated_at,"
            + " created_by_id, (select u.username from users u where u.id = targets.created_by_id) as created_by";

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Target> findAll() {
        return jdbc.sql("select " + COLUMNS + " from targets order by id").query(TargetRepository::map).list();
    }

    public Optional<Target> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from targets where id = :id").param("id", id).query(TargetRepository::map).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from targets)").query(Boolean.class).single();
    }

    public Optional<byte[]> credentials(long id) {
        return jdbc.sql("select credentials from targets where id = :id and credentials is not null")
                .param("id", id).query(byte[].class).optional();
    }

    public long insert(String name, String kind, String url, Map<String, Object> options, byte[] credentials) {
        return jdbc.sql("""
                        insert into targets (name, kind, url, options, credentials, created_by_id)
                        values (:name, :kind, :url, cast(:options as jsonb), :credentials, :by) returning id""")
                .param("by", CurrentActor.userId())
                .param("name", name).param("kind", kind).param("url", url).param("options", Json.write(options))
                .param("credentials", credentials, java.sql.Types.BINARY)
                .query(Long.class).single();
    }

    /** Updates a target; {@code keepCredentials} leaves the stored credentials as they are. */
    public boolean update(long id, String name, String kind, String url, Map<String, Object> options,
                          boolean keepCredentials, byte[] credentials) {
        return jdbc.sql("""
                        update targets set name = :name, kind = :kind, url = :url, options = cast(:options as jsonb),
                          credentials = case when :keep then credentials else :credentials end, updated_at = now()
                        where id = :id""")
                .param("id", id).param("name", name).param("kind", kind).param("url", url)
                .param("options", Json.write(options)).param("keep", keepCredentials)
                .param("credentials", credentials, java.sql.Types.BINARY)
                .update() == 1;
    }

    /** Replaces a target's stored (encrypted) credentials. */
    public boolean updateCredentials(long id, byte[] credentials) {
        return jdbc.sql("update targets set credentials = :credentials, updated_at = now() where id = :id")
                .param("id", id).param("credentials", credentials, java.sql.Types.BINARY).update() == 1;
    }

    /** Points a target at another URL (the demo's mock LLM when its port changed). */
    public boolean updateUrl(long id, String url) {
        return jdbc.sql("update targets set url = :url, updated_at = now() where id = :id")
                .param("id", id).param("url", url).update() == 1;
    }

    /** Replaces a target's options and display URL, keeping its name, kind and secrets. */
    public boolean updateOptions(long id, String url, Map<String, Object> options) {
        return jdbc.sql("update targets set url = :url, options = cast(:options as jsonb), updated_at = now() where id = :id")
                .param("id", id).param("url", url).param("options", Json.write(options)).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from targets where id = :id").param("id", id).update() == 1;
    }

    private static Target map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        // a URL stored with user:password@ before the rule against it is never shown with them (a postgres one is made by the server: user@host, no secret)
        String url = TargetKinds.POSTGRES.equals(kind) ? rs.getString("url") : TargetInputRules.withoutUserInfo(rs.getString("url"));
        return new Target(rs.getLong("id"), rs.getString("name"), kind, url,
                Json.read(rs.getString("options"), OPTIONS), rs.getBoolean("has_credentials"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("created_by"), (Long) rs.getObject("created_by_id"));
    }

    private static final Class<Map<String, Object>> OPTIONS = optionsType();

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> optionsType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

}
