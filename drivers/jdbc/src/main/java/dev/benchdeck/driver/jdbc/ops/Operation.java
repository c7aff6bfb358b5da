package dev.benchdeck.driver.jdbc.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * One kind of database operation, run on a borrowed connection. Instances are shared by every
 * session of a run and keep no per-user state; {@code random} is the calling session's own.
 */
public interface Operation {

    void run(Connection connection, SplittableRandom random) throws SQLException;
}
