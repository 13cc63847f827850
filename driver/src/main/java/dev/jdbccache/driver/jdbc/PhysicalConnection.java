package dev.jdbccache.driver.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The physical connection behind a pool's borrowed proxy: what state that outlives a borrow is kept by. */
public final class PhysicalConnection {

    private PhysicalConnection() {
    }

    /** What {@code real.unwrap(Connection.class)} answers (HikariCP: the physical connection), else {@code real}. */
    public static Connection of(Connection real) {
        try {
            Connection inner = real.unwrap(Connection.class);
            return inner != null ? inner : real;
        } catch (SQLException | RuntimeException e) {
            return real;
        }
    }
}
