package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.result.ColumnsMemo;
import dev.jdbccache.invalidation.ReadTags;
import dev.jdbccache.invalidation.Tags;
import java.util.StringJoiner;

/**
 * What the cache does with one analysed read, decided once per statement text: the tags whose
 * versions guard it (invalidation keys: tables, and for a read pinned by its values the
 * partition columns' tags, see {@link ReadTags}) and its TTL, or why it bypasses the cache.
 * Immutable, apart from the column metadata it remembers ({@link #columns()}).
 */
public final class ReadPlan {
    private final String[] tables;
    private final ReadTags readTags;
    private final long ttlNanos;
    private final BypassReason bypass;
    private final String sqlFingerprint;
    private final long catalogGeneration;
    private final boolean writesUnknown;
    /** Where {@link DatabaseScope#CATALOG_TAG} is in {@link #tables}, or -1; and its version when the catalog was read. */
    private final int catalogIndex;
    private final long catalogVersion;
    private final ColumnsMemo columns = new ColumnsMemo();
    private volatile String footprintSummary; // computed once, on first use

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

    /**
     * A cacheable plan depending on {@code readTags}, whose fixed part holds the catalog tag at
     * {@code catalogIndex}, read at {@code catalogVersion}.
     */
    ReadPlan(ReadTags readTags, long ttlNanos, String sqlFingerprint, long catalogGeneration, int catalogIndex,
            long catalogVersion) {
        this(readTags.fixed(), ttlNanos, null, sqlFingerprint, catalogGeneration, false, catalogIndex, catalogVersion,
                readTags);
    }

    private ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration,
            boolean writesUnknown, int catalogIndex, long catalogVersion) {
        this(tables, ttlNanos, bypass, sqlFingerprint, catalogGeneration, writesUnknown, catalogIndex, catalogVersion,
                new ReadTags(tables, java.util.List.of()));
    }

    private ReadPlan(String[] tables, long ttlNanos, BypassReason bypass, String sqlFingerprint, long catalogGeneration,
            boolean writesUnknown, int catalogIndex, long catalogVersion, ReadTags readTags) {
        this.readTags = readTags;
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

    /** The tags every execution depends on, sorted (invalidation keys). Shared: do not modify. */
    public String[] tables() {
        return tables;
    }

    /**
     * The tags one execution with {@code parameters} ({@link BoundParameters#snapshot()}) depends
     * on: {@link #tables()} first (same positions), then the buckets of its pinned values.
     */
    public String[] tags(Object[] parameters) {
        return readTags.tags(BoundParameters.view(parameters));
    }

    ReadTags readTags() {
        return readTags;
    }

    /**
     * What the entries depend on, for the query rankings: "by key" when every table is bounded,
     * else the tables read whole (why: {@code jdbc_cache.explain}).
     */
    String footprintSummary() {
        String summary = footprintSummary;
        if (summary == null) {
            StringJoiner whole = new StringJoiner(", ", "whole table: ", "");
            whole.setEmptyValue("by key");
            for (String tag : tables) {
                if (Tags.kindOf(tag) == Tags.Kind.TABLE) {
                    whole.add(tag);
                }
            }
            summary = whole.toString();
            footprintSummary = summary;
        }
        return summary;
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
