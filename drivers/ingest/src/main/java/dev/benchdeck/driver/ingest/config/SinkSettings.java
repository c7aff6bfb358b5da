package dev.benchdeck.driver.ingest.config;

/**
 * The PostgreSQL table the pipeline writes to: its JDBC URL, login (the password from an environment variable, or
 * written in the plan as the jdbc driver allows), and the names of the table and of its id and timestamp columns.
 */
public record SinkSettings(String jdbcUrl, String user, String inlinePassword, String passwordEnv, String table, String idColumn,
                           String timestampColumn) {

    public static final String DEFAULT_TABLE = "messages";
    public static final String DEFAULT_ID_COLUMN = "id";
    public static final String DEFAULT_TIMESTAMP_COLUMN = "inserted_at";

    /** The password, read when the driver opens; {@code null} without one. */
    public String password() {
        return passwordEnv == null ? inlinePassword : System.getenv(passwordEnv);
    }

    @Override
    public String toString() {
        return "SinkSettings[" + jdbcUrl + ", user=" + user + ", table=" + table + "]";
    }
}
