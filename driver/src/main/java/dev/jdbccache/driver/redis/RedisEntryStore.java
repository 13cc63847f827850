package dev.jdbccache.driver.redis;

import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.cache.QueryKey;
import dev.jdbccache.driver.result.CodecException;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.driver.result.RecordingCodec;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared tier: entries, versions and leases in Redis ({@code cache.store=redis}). A lookup is
 * one round trip: one {@code MGET} of the entry, the versions and the lease markers
 * ({@link DirectReads}), or the LOOKUP script when that cannot decide; the entry is served when
 * the versions it was stored under are the current ones. A fill is the check-and-set FILL
 * script. Entries carry their full key material and, with {@code cache.redis.hmac-key}, a
 * signature; anything that is not exactly ours (another key behind the same digest, foreign or
 * corrupt bytes) is a miss, never an error.
 *
 * <p>Thread-safe. Read-path failures throw (the runtime bypasses the cache); see
 * {@link RedisTableVersions} for the writer side.
 */
public final class RedisEntryStore implements EntryStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEntryStore.class);

    /** Reply positions of LOOKUP. */
    private static final int SEQ = 1;
    private static final int TTL = 2;
    private static final int PAYLOAD = 3;
    private static final int VERSIONS = 4;

    private final String cacheName;
    private final RedisGateway gateway;
    private final RedisTableVersions versions;
    private final EntryValue values;
    private final AtomicLong rejectedEntries = new AtomicLong();
    private volatile boolean rejectLogged;

    RedisEntryStore(String cacheName, RedisGateway gateway, RedisTableVersions versions, EntryValue values) {
        this.cacheName = cacheName;
        this.gateway = gateway;
        this.versions = versions;
        this.values = values;
    }

    /** What a lookup found in Redis, with the publish sequence it was valid at (for the local tier). */
    record Found(Lookup lookup, String epoch, long seq, long ttlMillis) {
    }

    @Override
    public TableVersions versions() {
        return versions;
    }

    @Override
    public dev.jdbccache.driver.cache.ConsumerLease consumerLease(String slot, java.time.Duration ttl) {
        return new RedisConsumerLease(gateway, slot, ttl);
    }

    @Override
    public boolean holdsEveryInvalidation() {
        return !gateway.dirty();
    }

    @Override
    public boolean agreesOnFootprints(String signature) {
        return gateway.agreesOn(signature);
    }

    @Override
    public void forgetFootprints() {
        gateway.forgetFootprints();
    }

    @Override
    public Lookup lookup(QueryKey key, String[] tags) {
        return find(key, tags, false).lookup();
    }

    /**
     * Looks {@code key} up in Redis; with {@code needTtl}, through the LOOKUP script, which also
     * reports how long a found entry has left (the tiered store keeps a hit locally that long).
     */
    Found find(QueryKey key, String[] tags, boolean needTtl) {
        byte[] material = key.keyMaterial();
        String digest = EntryValue.digest(material);
        Read read = read(gateway, digest, tags, needTtl);
        VersionSnapshot captured = read.captured();
        Found miss = new Found(new Lookup(null, captured), read.epoch(), read.seq(), 0);
        byte[] stored = read.entry();
        String versionText = ScriptKeys.text(captured);
        if (stored == null || !writtenAt(stored, versionText)) {
            return miss; // absent, or stored under other versions: out of date, never served
        }
        byte[] redisKey = gateway.keys().entry(read.epoch(), digest);
        byte[] codec = values.decode(stored, versionText.length() + 1, redisKey, versionText, material);
        Recording recording = null;
        if (codec != null) {
            try {
                recording = RecordingCodec.decode(codec);
            } catch (CodecException e) {
                recording = null; // corrupt: a miss, and deleted below
            }
        }
        if (recording == null) {
            rejected(redisKey);
            return miss;
        }
        return new Found(new Lookup(recording, captured), read.epoch(), read.seq(), read.ttlMillis());
    }

    /** What a read found: the captured versions and, unless a lease is live, the stored entry. */
    record Read(VersionSnapshot captured, String epoch, long seq, long ttlMillis, byte[] entry) {
    }

    /**
     * Reader steps 1-3: one {@link DirectReads MGET} when it can decide, else the LOOKUP script
     * (always with {@code needTtl}). With {@code digest == null}, captures versions only.
     */
    static Read read(RedisGateway gateway, String digest, String[] tables, boolean needTtl) {
        DirectReads.Seen seen = needTtl ? null : DirectReads.read(gateway, digest, tables);
        if (seen != null) {
            VersionSnapshot captured = VersionSnapshot.of(tables, seen.global(), seen.versions(), false);
            return new Read(captured, seen.epoch(), seen.seq(), 0, seen.entry());
        }
        RedisGateway.Reply reply = lookupScript(gateway, digest, tables, digest != null);
        VersionSnapshot captured = snapshot(tables, reply);
        byte[] entry = reply.is('F') ? (byte[]) reply.get(PAYLOAD) : null;
        return new Read(captured, reply.epoch(), number(reply.get(SEQ)), entry == null ? 0 : number(reply.get(TTL)), entry);
    }

    /** Does a stored entry start with {@code versions} and the newline FILL puts after them? */
    private static boolean writtenAt(byte[] stored, String versions) {
        int n = versions.length();
        if (stored.length <= n || stored[n] != '\n') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (stored[i] != versions.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean fill(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos) {
        return store(key, captured, recording, ttlNanos) != null;
    }

    /** A stored fill: the epoch and publish sequence at which Redis took it. */
    record Stored(String epoch, long seq) {
    }

    /** The fill; {@code null} when it was not stored. */
    Stored store(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos) {
        String[] tables = captured.tags();
        long ttlMillis = TimeUnit.NANOSECONDS.toMillis(ttlNanos);
        if (ttlMillis < 1) {
            return null;
        }
        byte[] material = key.keyMaterial();
        String digest = EntryValue.digest(material);
        String versionText = ScriptKeys.text(captured);
        byte[] codec = RecordingCodec.encode(recording);
        RedisGateway.Reply reply;
        try {
            reply = gateway.run(RedisScript.FILL, RedisGateway.call(
                    epoch -> entryKeys(gateway.keys(), epoch, digest, tables),
                    epoch -> List.of(RedisGateway.bytes(versionText), RedisGateway.bytes(Long.toString(ttlMillis)),
                            values.encode(gateway.keys().entry(epoch, digest), versionText, material, codec))));
        } catch (RedisUnavailableException e) {
            return null; // a fill that Redis cannot take (down, out of memory) is just dropped
        }
        return reply.is('S') ? new Stored(reply.epoch(), number(reply.get(1))) : null;
    }

    /** Runs LOOKUP for {@code tables}; with {@code digest == null}, captures versions only. */
    private static RedisGateway.Reply lookupScript(RedisGateway gateway, String digest, String[] tables, boolean fetch) {
        List<byte[]> starts = new ArrayList<>(tables.length + 1);
        for (int i = 0; i <= tables.length; i++) {
            // a counter Redis does not have yet starts at random: a lost counter cannot repeat a version
            starts.add(RedisGateway.bytes(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52))));
        }
        List<byte[]> args = new ArrayList<>(starts.size() + 1);
        args.add(RedisGateway.bytes(fetch ? "1" : "0"));
        args.addAll(starts);
        return gateway.run(RedisScript.LOOKUP, RedisGateway.call(
                epoch -> entryKeys(gateway.keys(), epoch, digest == null ? "-" : digest, tables),
                epoch -> args));
    }

    private static VersionSnapshot snapshot(String[] tables, RedisGateway.Reply reply) {
        if (reply.size() != VERSIONS + tables.length + 1) {
            throw new RedisUnavailableException("unexpected lookup reply");
        }
        long global = number(reply.get(VERSIONS));
        long[] versions = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            versions[i] = number(reply.get(VERSIONS + 1 + i));
        }
        return VersionSnapshot.of(tables, global, versions, reply.is('B'));
    }

    private static List<byte[]> entryKeys(RedisKeys keys, String epoch, String digest, String[] tables) {
        List<byte[]> result = new ArrayList<>(6 + 3 * tables.length);
        result.add(keys.epoch());
        result.add(keys.seq());
        result.add(keys.entry(epoch, digest));
        result.addAll(ScriptKeys.triples(keys, epoch, tables, true));
        return result;
    }

    private static long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        try {
            return Long.parseLong(RedisGateway.text(value));
        } catch (NumberFormatException e) {
            throw new RedisUnavailableException("not a number in a reply");
        }
    }

    private void rejected(byte[] redisKey) {
        rejectedEntries.incrementAndGet();
        if (!rejectLogged) {
            rejectLogged = true;
            LOG.warn("[{}] an entry in Redis was corrupt, unsigned or for another key; treated as a miss (logged once)", cacheName);
        }
        try {
            gateway.deleteEntry(redisKey);
        } catch (RuntimeException | LinkageError e) {
            // it expires by its TTL anyway
        }
    }

    /** Drops every entry by ending the epoch (when Redis cannot be reached now, as soon as it can). */
    @Override
    public void clear() {
        try {
            gateway.advanceEpoch();
        } catch (RuntimeException | LinkageError e) {
            gateway.markDirty();
        }
    }

    /** Not tracked for Redis (counting would scan the server): 0. */
    @Override
    public long entryCount() {
        return 0;
    }

    /** Not tracked for Redis: 0. */
    @Override
    public long weightedSize() {
        return 0;
    }

    /** {@code ok} while the circuit is closed, else {@code open} or {@code half-open}. */
    @Override
    public String state() {
        CircuitState circuit = gateway.circuit().state();
        return circuit == CircuitState.CLOSED ? "ok" : circuit.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The circuit breaker's state and the store's failure counters, for metrics. */
    public RedisHealth health() {
        CircuitBreaker circuit = gateway.circuit();
        return new RedisHealth(circuit.state(), circuit.consecutiveFailures(), circuit.failures(), circuit.rejected(),
                circuit.opened(), gateway.epochChanges(), gateway.dirty(), versions.degradedWrites(),
                rejectedEntries.get(), false);
    }


    RedisGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
