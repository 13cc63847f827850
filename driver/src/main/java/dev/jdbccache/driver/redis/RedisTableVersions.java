package dev.jdbccache.driver.redis;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Table versions and write leases in Redis (the protocol of {@code docs/consistency.md}, shared by
 * every node on the same Redis and prefix). Each writer step is one script: begin = add the lease
 * (expiring by Redis's clock), increment, publish; end = increment, remove the lease, publish.
 *
 * <p>A writer step never fails the write: when Redis cannot be reached the write runs against the
 * database anyway and the store is marked dirty, so the epoch is advanced (everything stored
 * before is orphaned) as soon as Redis answers again. Thread-safe.
 */
final class RedisTableVersions implements TableVersions {

    private final RedisGateway gateway;
    private final long leaseMillis;
    private final AtomicLong degraded = new AtomicLong();

    RedisTableVersions(RedisGateway gateway, Duration writeLease) {
        this.gateway = gateway;
        this.leaseMillis = writeLease.toMillis();
    }

    @Override
    public VersionSnapshot capture(String[] tables) {
        return RedisEntryStore.read(gateway, null, tables, false).captured();
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        return check(snapshot.tags(), snapshot);
    }

    /** True when the versions of {@code tables} are still those of {@code snapshot} and no lease is live. */
    boolean check(String[] tables, VersionSnapshot snapshot) {
        String versions = ScriptKeys.text(snapshot);
        Boolean current = DirectReads.current(gateway, tables, versions);
        if (current != null) {
            return current;
        }
        RedisGateway.Reply reply = gateway.run(RedisScript.CHECK, RedisGateway.call(
                epoch -> withEpochKeys(ScriptKeys.triples(gateway.keys(), epoch, tables, true)),
                epoch -> List.of(RedisGateway.bytes(versions))));
        return reply.is('Y');
    }

    @Override
    public WriteLease beginWrite(Collection<String> tables, boolean unknownTables) {
        WriteLease lease = WriteLease.shared(tables, unknownTables);
        writerStep(RedisScript.BEGIN, lease, lease.id());
        return lease;
    }

    @Override
    public void renew(WriteLease lease) {
        if (lease.id() != null && !lease.ended()) {
            writerStep(RedisScript.RENEW, lease, lease.id());
        }
    }

    @Override
    public void endWrite(WriteLease lease) {
        if (lease.end()) {
            writerStep(RedisScript.END, lease, lease.id() == null ? "" : lease.id());
        }
    }

    @Override
    public void invalidate(Collection<String> tables) {
        if (!tables.isEmpty()) {
            step(RedisScript.END, tables.toArray(new String[0]), false, "");
        }
    }

    @Override
    public void invalidateAll() {
        step(RedisScript.END, new String[0], true, "");
    }

    long degradedWrites() {
        return degraded.get();
    }

    private void writerStep(RedisScript script, WriteLease lease, String id) {
        step(script, lease.tables().toArray(new String[0]), lease.unknownTables(), id);
    }

    private void step(RedisScript script, String[] tables, boolean global, String leaseId) {
        String body = message(tables, global);
        try {
            RedisGateway.Reply reply = gateway.run(script, RedisGateway.call(
                    epoch -> withEpochKeys(ScriptKeys.triples(gateway.keys(), epoch, global ? new String[0] : tables, global)),
                    epoch -> List.of(RedisGateway.bytes(leaseId), RedisGateway.bytes(Long.toString(leaseMillis)),
                            gateway.keys().channel(), body.getBytes(StandardCharsets.UTF_8))));
            if (reply.size() > 2 && "0".equals(RedisGateway.text(reply.get(2)))) {
                degraded.incrementAndGet(); // out of memory: counters were deleted instead (still safe)
            }
        } catch (RuntimeException | LinkageError e) {
            // the write itself goes on: entries stored before it must not be served once Redis is back
            gateway.markDirty();
        }
    }

    /** What subscribers learn: {@code g} (global) or {@code t}, then the tables, NUL-separated. */
    static String message(String[] tables, boolean global) {
        StringBuilder body = new StringBuilder(global ? "g" : "t");
        for (String table : tables) {
            body.append('\0').append(table);
        }
        return body.toString();
    }

    private List<byte[]> withEpochKeys(List<byte[]> pairs) {
        List<byte[]> result = new ArrayList<>(pairs.size() + 2);
        result.add(gateway.keys().epoch());
        result.add(gateway.keys().seq());
        result.addAll(pairs);
        return result;
    }
}
