package dev.jdbccache.driver.jdbc;

import java.sql.SQLException;

/** A call into the real driver. */
@FunctionalInterface
interface SqlCall<T> {
    T run() throws SQLException;
}
