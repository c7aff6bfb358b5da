package dev.benchdeck.driver.jdbc.setup;

import dev.benchdeck.driver.jdbc.config.WorkloadReader;
import java.util.List;

/**
 * The benchmark table, shaped like pgbench_accounts: {@code id bigint primary key, balance bigint
 * not null, filler character(84) not null} (84 characters of filler per row, blank-padded by the
 * server, so loading sends only the numbers, as pgbench does). Benchdeck marks the tables it
 * creates with {@code COMMENT ON TABLE … IS 'benchdeck'} and never drops or empties one without it.
 */
public record BenchTable(String name) {

    public static final String COMMENT = "benchdeck";
    public static final int FILLER_LENGTH = 84;
    /** The filler every loaded and inserted row gets, as pgbench gives blank-padded filler. */
    public static final String FILLER = "x".repeat(FILLER_LENGTH);

    /** A column as the catalogue describes it. */
    public record Column(String name, String type, boolean notNull) {

        @Override
        public String toString() {
            return name + " " + type + (notNull ? " not null" : "");
        }
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("id", "bigint", true),
            new Column("balance", "bigint", true),
            new Column("filler", "character(84)", true));

    public BenchTable {
        if (!WorkloadReader.IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
    }

    /** The name as an SQL identifier (validated, then quoted anyway). */
    public String sqlName() {
        return '"' + name + '"';
    }

    /** Without the primary key, which is built after the load (faster than maintaining it row by row). */
    public String createSql() {
        return "CREATE TABLE " + sqlName() + " (id bigint NOT NULL, balance bigint NOT NULL, filler character(84) NOT NULL)";
    }

    public String commentSql() {
        return "COMMENT ON TABLE " + sqlName() + " IS '" + COMMENT + "'";
    }

    public String primaryKeySql() {
        return "ALTER TABLE " + sqlName() + " ADD CONSTRAINT " + '"' + constraintName() + '"' + " PRIMARY KEY (id)";
    }

    private String constraintName() {
        String suffix = "_pkey";
        return name.length() + suffix.length() > 63 ? name.substring(0, 63 - suffix.length()) + suffix : name + suffix;
    }

    public String dropSql() {
        return "DROP TABLE " + sqlName();
    }

    public String copySql(boolean freeze) {
        return "COPY " + sqlName() + " (id, balance, filler) FROM STDIN" + (freeze ? " WITH (FREEZE)" : "");
    }
}
