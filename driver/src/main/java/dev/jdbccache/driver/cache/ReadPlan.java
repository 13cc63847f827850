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
    /** Where {@link DatabaseScope#CATALOG_TAG} is in {@link #tables}, or -1; and its version when the catalog was read. */
    private final int catalogIndex;
    private final long catalogVersion;
    private final ColumnsMemo columns = new ColumnsMemo();

    static ReadPlan bypass(BypassReason reason, String sql, long catalogGeneration) {
        return new ReadPlan(new String[0], 0, reason, sql, catalogGeneration, false, -1, 0);
    }

    /** A read that calls a function which may write: it bypasses the cache and invalidates every table. */
    static ReadPlan writing(String sql, long catalogGeneration) {
        return new ReadPlan(new String[0], 0, BypassReason.NOT_CACHEABLE, sql, catalogGeneration, true, -1, 0);
    }

    /**
     * @param catalogGeneration the {@link DatabaseScope}'s catalog generation the plan was derived
     *     in; the plan holds while it is current ({@code -1}: compute again next time)
     */
    ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration) {
        this(tables, ttlNanos, bypass, sqlFingerprint, catalogGeneration, false, -1, 0);
    }

    /** A cacheable plan whose tables hold the catalog tag at {@code catalogIndex}, read at {@code catalogVersion}. */
    ReadPlan(String[] tables, long ttlNanos, String sqlFingerprint, long catalogGeneration, int catalogIndex,
            long catalogVersion) {
        this(tables, ttlNanos, null, sqlFingerprint, catalogGeneration, false, catalogIndex, catalogVersion);
    }

    private ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration,
            boolean writesUnknown, int catalogIndex, long catalogVersion) {
        this.writesUnknown = writesUnknown;
        this.catalogIndex = catalogIndex;
        this.catalogVersion = catalogVersion;
        this.tables = tables;
        this.ttlNanos = ttlNanos;
        this.bypass = bypass;
        this.sqlFingerprint = sqlFingerprint;
        this.catalogGeneration = catalogGeneration;
    }

    long catalogGeneration() {
        return catalogGeneration;
    }

    int catalogIndex() {
        return catalogIndex;
    }

    long catalogVersion() {
        return catalogVersion;
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
