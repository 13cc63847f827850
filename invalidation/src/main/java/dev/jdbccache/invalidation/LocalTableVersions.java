package dev.jdbccache.invalidation;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Table versions and leases in this JVM's memory (the local store).
 *
 * <p>Race-freedom rests on orders on volatile/atomic state: a writer adds its lease
 * <em>before</em> it increments a version and increments again <em>before</em> it removes the
 * lease; a reader reads the versions, then looks for leases, then reads the versions again and
 * trusts the capture only if they did not move. A writer that released its lease between the
 * reader's two reads has incremented before releasing, so the second read shows it; a lease that
 * is still there is seen. See {@code docs/consistency.md}.
 *
 * <p>Thread-safe. Time comes from an injected nano clock so tests control lease expiry.
 */
public final class LocalTableVersions implements TableVersions {

    private final ConcurrentHashMap<String, TableState> tables = new ConcurrentHashMap<>();
    private final TableState global = new TableState();
    private final long leaseNanos;
    private final LongSupplier nanoClock;

    public LocalTableVersions(Duration leaseDuration) {
        this(leaseDuration, System::nanoTime);
    }

    public LocalTableVersions(Duration leaseDuration, LongSupplier nanoClock) {
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("lease duration must be positive: " + leaseDuration);
        }
        this.leaseNanos = leaseDuration.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public VersionSnapshot capture(String[] names) {
        long globalVersion = global.version.get();
        long[] versions = new long[names.length];
        TableState[] states = new TableState[names.length];
        for (int i = 0; i < names.length; i++) {
            states[i] = state(names[i]);
            versions[i] = states[i].version.get();
        }
        boolean leased = anyLiveLease(states) || moved(globalVersion, versions, states);
        return new VersionSnapshot(names, globalVersion, versions, leased);
    }

    /**
     * True when a version changed since it was read: a writer may have incremented and released
     * its lease between the reader's version read and its lease check. Such a capture is treated
     * as leased (the reader bypasses).
     */
    private boolean moved(long globalVersion, long[] versions, TableState[] states) {
        if (global.version.get() != globalVersion) {
            return true;
        }
        for (int i = 0; i < states.length; i++) {
            if (states[i].version.get() != versions[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        String[] names = snapshot.tags();
        if (global.version.get() != snapshot.global()) {
            return false;
        }
        TableState[] states = new TableState[names.length];
        long[] versions = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            states[i] = state(names[i]);
            versions[i] = states[i].version.get();
            if (versions[i] != snapshot.version(i)) {
                return false;
            }
        }
        return !anyLiveLease(states) && !moved(snapshot.global(), versions, states);
    }

    @Override
    public WriteLease beginWrite(Collection<String> names, boolean unknownTables) {
        WriteLease lease = new WriteLease(Set.copyOf(names), unknownTables, nanoClock.getAsLong() + leaseNanos, null);
        for (TableState state : statesOf(lease)) {
            state.leases.add(lease);
            state.version.incrementAndGet();
        }
        return lease;
    }

    @Override
    public void renew(WriteLease lease) {
        if (!lease.ended()) {
            lease.expiresAtNanos = nanoClock.getAsLong() + leaseNanos;
            // an expired lease may have been purged by a reader: put it back
            for (TableState state : statesOf(lease)) {
                state.leases.add(lease);
            }
        }
    }

    @Override
    public void endWrite(WriteLease lease) {
        if (lease.ended()) {
            return;
        }
        List<TableState> states = statesOf(lease);
        for (TableState state : states) {
            state.version.incrementAndGet();
        }
        lease.end();
        for (TableState state : states) {
            state.leases.remove(lease);
        }
    }

    @Override
    public void invalidate(Collection<String> names) {
        for (String name : names) {
            state(name).version.incrementAndGet();
        }
    }

    @Override
    public void invalidateAll() {
        global.version.incrementAndGet();
    }

    private List<TableState> statesOf(WriteLease lease) {
        if (lease.unknownTables()) {
            return List.of(global);
        }
        return lease.tables().stream().map(this::state).toList();
    }

    private boolean anyLiveLease(TableState[] states) {
        long now = nanoClock.getAsLong();
        if (global.hasLiveLease(now)) {
            return true;
        }
        for (TableState state : states) {
            if (state.hasLiveLease(now)) {
                return true;
            }
        }
        return false;
    }

    private TableState state(String name) {
        TableState state = tables.get(name);
        return state != null ? state : tables.computeIfAbsent(name, n -> new TableState());
    }

    /** One table's version (starting at a random value) and its in-flight leases. */
    private static final class TableState {
        final AtomicLong version = new AtomicLong(ThreadLocalRandom.current().nextLong() >>> 1);
        final Set<WriteLease> leases = ConcurrentHashMap.newKeySet();

        boolean hasLiveLease(long now) {
            if (leases.isEmpty()) {
                return false;
            }
            boolean live = false;
            for (WriteLease lease : leases) {
                if (lease.liveAt(now)) {
                    live = true;
                } else {
                    // an expired lease belongs to a writer that crashed or hung: forget it
                    leases.remove(lease);
                }
            }
            return live;
        }
    }
}
