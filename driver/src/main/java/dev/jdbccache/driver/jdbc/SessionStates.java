package dev.jdbccache.driver.jdbc;

import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The session state of each physical connection, so that a pool's borrows share it: a
 * {@code SET ROLE}, a setting or a temporary table left on a pooled connection by one borrower
 * is still in the key (or still bypasses) for the next. A borrowed proxy is resolved to the
 * physical connection behind it ({@code unwrap(Connection.class)}, which HikariCP answers).
 * Entries go with their connections. Thread-safe; each state is used by one borrower at a time.
 */
final class SessionStates {

    private static final Map<Connection, SessionState> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private SessionStates() {
    }

    /** The state of {@code real}'s physical connection, as a new borrower finds it. */
    static SessionState borrowed(Connection real) {
        SessionState state = BY_CONNECTION.computeIfAbsent(PhysicalConnection.of(real), c -> new SessionState());
        state.borrowed();
        return state;
    }
}
