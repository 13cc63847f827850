package dev.jdbccache.invalidation;

import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A writer's claim on tags between {@link TableVersions#beginWrite} and
 * {@link TableVersions#endWrite}. While it is live, readers of its tags bypass the cache.
 * Thread-safe: the connection that took it renews and ends it, and a thread aborting that
 * connection may abandon it meanwhile; ending happens once ({@link #end()}).
 */
public final class WriteLease {
    private final Set<String> tables;
    private final boolean unknownTables;
    private final String id;
    volatile long expiresAtNanos;
    private final AtomicBoolean ended = new AtomicBoolean();

    WriteLease(Set<String> tables, boolean unknownTables, long expiresAtNanos, String id) {
        this.tables = Set.copyOf(tables);
        this.unknownTables = unknownTables;
        this.expiresAtNanos = expiresAtNanos;
        this.id = id;
    }

    /**
     * A lease kept by a shared store (its expiry is the store's), named by a random id that the
     * store records with it; for implementations of {@link TableVersions} outside this package.
     */
    public static WriteLease shared(Collection<String> tags, boolean unknownTables) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        return new WriteLease(Set.copyOf(tags), unknownTables, Long.MAX_VALUE, id);
    }

    /** The id a shared store knows the lease by; {@code null} for a local lease. */
    public String id() {
        return id;
    }

    /** Marks the lease ended; true the first time only (ending is idempotent). */
    public boolean end() {
        return ended.compareAndSet(false, true);
    }

    /** The tags this lease covers. */
    public Set<String> tables() {
        return tables;
    }

    /** True when the write's tables are unknown and the lease covers every table. */
    public boolean unknownTables() {
        return unknownTables;
    }

    public boolean ended() {
        return ended.get();
    }

    boolean liveAt(long nowNanos) {
        return !ended.get() && nowNanos - expiresAtNanos < 0;
    }

    @Override
    public String toString() {
        return "WriteLease" + (unknownTables ? "[*]" : tables.toString());
    }
}
