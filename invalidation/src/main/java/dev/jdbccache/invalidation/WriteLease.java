package dev.jdbccache.invalidation;

import java.util.Set;

/**
 * A writer's claim on tables between {@link TableVersions#beginWrite} and
 * {@link TableVersions#endWrite}. While it is live, readers of its tables bypass the cache.
 * Not thread-safe; owned by one connection.
 */
public final class WriteLease {
    private final Set<String> tables;
    private final boolean unknownTables;
    volatile long expiresAtNanos;
    volatile boolean ended;

    WriteLease(Set<String> tables, boolean unknownTables, long expiresAtNanos) {
        this.tables = Set.copyOf(tables);
        this.unknownTables = unknownTables;
        this.expiresAtNanos = expiresAtNanos;
    }

    /** The tables this lease covers. */
    public Set<String> tables() {
        return tables;
    }

    /** True when the write's tables are unknown and the lease covers every table. */
    public boolean unknownTables() {
        return unknownTables;
    }

    public boolean ended() {
        return ended;
    }

    boolean liveAt(long nowNanos) {
        return !ended && nowNanos - expiresAtNanos < 0;
    }

    @Override
    public String toString() {
        return "WriteLease" + (unknownTables ? "[*]" : tables.toString());
    }
}
