package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.result.ColumnsMemo;

/**
 * What the cache does with one analysed read, decided once per statement text: the tables whose
 * versions guard it (invalidation keys, sorted) and its TTL, or why it bypasses the cache.
 * Immutable.
 */
public final class ReadPlan {
    private final String[] tables;
    private final long ttlNanos;
    private final BypassReason bypass;
    private final String sqlFingerprint;
    private final long catalogGeneration;
    private final boolean writesUnknown;
    private final ColumnsMemo columns = new ColumnsMemo();

    static ReadPlan bypass(BypassReason reason, String sql, long catalogGeneration) {
        return new ReadPlan(new String[0], 0, reason, sql, catalogGeneration, false);
    }

    /** A read that calls a function which may write: it bypasses the cache and invalidates every table. */
    static ReadPlan writing(String sql, long catalogGeneration) {
        return new ReadPlan(new String[0], 0, BypassReason.NOT_CACHEABLE, sql, catalogGeneration, true);
    }

    /**
     * @param catalogGeneration the {@link DatabaseScope}'s catalog generation the plan was derived
     *     in; the plan holds while it is current ({@code -1}: compute again next time)
     */
    ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration) {
        this(tables, ttlNanos, bypass, sqlFingerprint, catalogGeneration, false);
    }

    private ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration,
            boolean writesUnknown) {
        this.writesUnknown = writesUnknown;
        this.tables = tables;
        this.ttlNanos = ttlNanos;
        this.bypass = bypass;
        this.sqlFingerprint = sqlFingerprint;
        this.catalogGeneration = catalogGeneration;
    }

    long catalogGeneration() {
        return catalogGeneration;
    }

    /** True when running the read may write any table: it goes through the write path. */
    public boolean writesUnknown() {
        return writesUnknown;
    }

    /** {@code null} when the read may use the cache. */
    public BypassReason bypass() {
        return bypass;
    }

    /** The tables the result depends on (invalidation keys). Shared: do not modify. */
    public String[] tables() {
        return tables;
    }

    long ttlNanos() {
        return ttlNanos;
    }

    /** The column metadata last recorded for this statement. */
    public ColumnsMemo columns() {
        return columns;
    }

    /** The normalized SQL, used as the key's text. */
    public String sql() {
        return sqlFingerprint;
    }
}
