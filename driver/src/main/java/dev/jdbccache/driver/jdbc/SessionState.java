package dev.jdbccache.driver.jdbc;

import dev.jdbccache.parser.SessionChange;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of a connection's session state that can change what a query returns, as key
 * material: catalog, schema, and the current value of each setting changed through the
 * connection. Two connections whose state reads the same share cache entries. Not thread-safe.
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
    /** Where changes the parser cannot name ({@code DISCARD PLANS}, ...) are kept, in order. */
    private static final String UNNAMED = "*";

    private String catalog;
    private String schema;
    private boolean loaded;
    /** Each setting that matters, with the text of the statement that gave it its current value. */
    private TreeMap<String, String> settings = new TreeMap<>();
    private int settingsLength;
    /** The settings when the current transaction first changed one; {@code null} when it changed none. */
    private TreeMap<String, String> atTransactionStart;
    /** The current transaction changed a setting for the session ({@code SET}, not {@code SET LOCAL}). */
    private boolean sessionChangedInTransaction;
    /** Until the transaction ends, which of its changes hold is not known (a rollback to a savepoint). */
    private boolean unknownUntilTransactionEnds;
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
     * A session statement ran. The key holds the current value of each setting that matters
     * (the text that set it), so a pooled connection that runs the same {@code SET search_path}
     * for every request keeps one key. Inside a transaction the settings as they were are kept:
     * a rollback restores them, and so does the end of a transaction that changed them only with
     * {@code SET LOCAL}; one that changed them for the session and committed leaves them unknown
     * (PostgreSQL turns the {@code COMMIT} of a failed transaction into a rollback).
     */
    void settingChanged(String setting, SessionChange change, String normalizedSql, boolean inTransaction) {
        if (change == SessionChange.DISCARD_TEMP) {
            // inside a transaction a rollback brings the dropped objects back
            temporaryObjects &= inTransaction;
            return;
        }
        if (setting != null && HARMLESS.contains(setting)) {
            return;
        }
        if (change == SessionChange.SET_LOCAL && !inTransaction) {
            return; // no effect outside a transaction
        }
        if (inTransaction && atTransactionStart == null) {
            atTransactionStart = new TreeMap<>(settings);
        }
        sessionChangedInTransaction |= inTransaction && change != SessionChange.SET_LOCAL;
        switch (change == null ? SessionChange.OTHER : change) {
            case SET, SET_LOCAL -> put(setting, normalizedSql);
            case RESET -> settings.remove(setting == null ? UNNAMED : setting);
            case RESET_ALL -> {
                String authorization = settings.get("session_authorization");
                settings.clear();
                if (authorization != null) {
                    settings.put("session_authorization", authorization);
                }
            }
            case DISCARD_ALL -> {
                settings.clear();
                temporaryObjects = false;
                unknown = false; // the session is as new
            }
            default -> {
                if (inTransaction) {
                    unknown = true; // which effect such a change has on a rollback is not known
                }
                String before = settings.get(UNNAMED);
                put(UNNAMED, before == null ? normalizedSql : before + '\n' + normalizedSql);
            }
        }
        settingsLength = 0;
        settings.forEach((name, text) -> settingsLength += name.length() + text.length() + 2);
        if (settingsLength > MAX_SETTINGS_LENGTH) {
            unknown = true;
        }
        reload(); // a search_path or schema change moves the current schema
    }

    private void put(String setting, String text) {
        settings.put(setting == null ? UNNAMED : setting, text);
    }

    /**
     * A new borrower got the physical connection: the pool may have reset its catalog or schema
     * (read them again), and a transaction the last borrower left open ended in a way not seen.
     */
    void borrowed() {
        if (atTransactionStart != null) {
            unknown = true;
            atTransactionStart = null;
            sessionChangedInTransaction = false;
            unknownUntilTransactionEnds = false;
        }
        reload();
    }

    /** The state can no longer be followed (a string of statements failed midway): reads bypass. */
    void lost() {
        unknown = true;
    }

    /** {@code ROLLBACK TO SAVEPOINT}: the changes made since the savepoint are undone, and which they were is not known. */
    void rolledBackToSavepoint() {
        if (atTransactionStart != null) {
            unknownUntilTransactionEnds = true;
        }
    }

    /** The transaction ended: committed, or not (rolled back, or the connection closed). */
    void transactionEnded(boolean committed) {
        if (atTransactionStart == null) {
            return;
        }
        if (committed && sessionChangedInTransaction) {
            unknown = true;
        } else {
            settings = atTransactionStart;
        }
        atTransactionStart = null;
        sessionChangedInTransaction = false;
        unknownUntilTransactionEnds = false;
        reload();
    }

    /** The session created a temporary object; it lives until the session ends or discards it. */
    void temporaryObjectCreated() {
        temporaryObjects = true;
    }

    /**
     * True while the session may own temporary objects: {@code DISCARD ALL} and {@code DISCARD TEMP}
     * (see {@link #settingChanged}) drop them; a {@code DROP} of one table may leave others, so it
     * does not count.
     */
    boolean ownsTemporaryObjects() {
        return temporaryObjects;
    }

    /** True when the state cannot be keyed on: reads bypass the cache. */
    boolean unknown() {
        return unknown || unknownUntilTransactionEnds;
    }

    /** The key material; {@link #load} must have been called. */
    String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            StringBuilder key = new StringBuilder().append(catalog).append('\u0000').append(schema);
            settings.forEach((name, text) -> key.append('\u0000').append(text));
            f = key.toString();
            fingerprint = f;
        }
        return f;
    }
}
