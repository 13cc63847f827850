package dev.jdbccache.driver.jdbc;

import java.util.Set;

/**
 * The part of a connection's session state that can change what a query returns, as key
 * material: catalog, schema, and the {@code SET} statements executed through the connection. Two
 * connections whose state reads the same share cache entries. Not thread-safe.
 */
final class SessionState {

    /** Settings that never change a result's values (timeouts, names, planner knobs). */
    private static final Set<String> HARMLESS = Set.of(
            "application_name", "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout",
            "idle_session_timeout", "client_min_messages", "log_statement", "log_min_duration_statement",
            "work_mem", "maintenance_work_mem", "temp_buffers", "jit", "random_page_cost", "seq_page_cost",
            "effective_cache_size", "effective_io_concurrency", "max_parallel_workers_per_gather",
            "query_timeout", "trace_level_system_out", "max_memory_rows");

    /** Past this length the state is not worth keying on: the connection bypasses the cache. */
    private static final int MAX_SETTINGS_LENGTH = 4096;

    private String catalog;
    private String schema;
    private boolean loaded;
    private final StringBuilder settings = new StringBuilder();
    private String fingerprint;
    private boolean unknown;
    private boolean temporaryObjects;

    /** True when the state has to be read from the connection before it can be keyed on. */
    boolean needsLoad() {
        return !loaded;
    }

    void load(String catalog, String schema) {
        this.catalog = catalog;
        this.schema = schema;
        this.loaded = true;
        this.fingerprint = null;
    }

    /** The catalog or schema changed: read them again before the next cached read. */
    void reload() {
        loaded = false;
        fingerprint = null;
    }

    /**
     * A {@code SET} executed in autocommit mode: it becomes part of the key. One executed inside
     * a transaction (which a rollback or {@code SET LOCAL} may undo) makes the state unknown.
     */
    void settingChanged(String setting, String normalizedSql, boolean inTransaction) {
        if (setting != null && HARMLESS.contains(setting)) {
            return;
        }
        if (inTransaction || settings.length() + normalizedSql.length() > MAX_SETTINGS_LENGTH) {
            unknown = true;
        } else {
            settings.append(normalizedSql).append('\n');
        }
        reload(); // a search_path or schema change moves the current schema
    }

    /** The session created a temporary object; it lives until the session ends or discards it. */
    void temporaryObjectCreated() {
        temporaryObjects = true;
    }

    /**
     * True while the session may own temporary objects: {@code DISCARD ALL} and {@code DISCARD TEMP}
     * drop them (a {@code DROP} of one table may leave others, so it does not count).
     */
    boolean ownsTemporaryObjects() {
        return temporaryObjects;
    }

    /** {@code DISCARD ALL} / {@code DISCARD TEMP} ran: the session's temporary objects are gone. */
    void temporaryObjectsDiscarded() {
        temporaryObjects = false;
    }

    /** True when the state cannot be keyed on: reads bypass the cache. */
    boolean unknown() {
        return unknown;
    }

    /** The key material; {@link #load} must have been called. */
    String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = catalog + '\u0000' + schema + '\u0000' + settings;
            fingerprint = f;
        }
        return f;
    }
}
