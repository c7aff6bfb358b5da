package dev.benchdeck.server.scenario;

import dev.benchdeck.server.security.CurrentActor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ScenarioRepository {

    private static final String SELECT = """
            select s.id, s.name, s.description, s.target_id, t.name as target_name, s.plan_yaml, s.created_at, s.updated_at,
              s.created_by_id, s.history_only, (select u.username from users u where u.id = s.created_by_id) as created_by
            from scenarios s join targets t on t.id = s.target_id""";

    private final JdbcClient jdbc;

    ScenarioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Scenario> findAll() {
        return jdbc.sql(SELECT + " order by s.id").query(ScenarioRepository::map).list();
    }

    public Optional<Scenario> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(ScenarioRepository::map).optional();
    }

    public long insert(String name, String description, long targetId, String planYaml) {
        return jdbc.sql("""
                        insert into scenarios (name, description, target_id, plan_yaml, created_by_id)
                        values (:name, :description, :target, :plan, :by) returning id""")
                .param("by", CurrentActor.userId())
                .param("name", name).param("description", description).param("target", targetId).param("plan", planYaml)
                .query(Long.class).single();
    }

    public long insertHistoryOnly(String name, String description, long targetId, String planYaml) {
        return jdbc.sql("""
                        insert into scenarios (name, description, target_id, plan_yaml, created_by_id, history_only)
                        values (:name, :description, :target, :plan, :by, true) returning id""")
                .param("by", CurrentActor.userId())
                .param("name", name).param("description", description).param("target", targetId).param("plan", planYaml)
                .query(Long.class).single();
    }

    public boolean update(long id, String name, String description, long targetId, String planYaml) {
        return jdbc.sql("""
                        update scenarios set name = :name, description = :description, target_id = :target,
                          plan_yaml = :plan, updated_at = now() where id = :id""")
                .param("id", id).param("name", name).param("description", description).param("target", targetId)
                .param("plan", planYaml).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from scenarios where id = :id").param("id", id).update() == 1;
    }

    private static Scenario map(ResultSet rs, int row) throws SQLException {
        return new Scenario(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("target_id"),
                rs.getString("target_name"), rs.getString("plan_yaml"), null,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("created_by"), (Long) rs.getObject("created_by_id"), rs.getBoolean("history_only"));
    }
}
