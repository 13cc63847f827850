package dev.jdbccache.driver.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Runs the protocol's scripts against one cache's Redis: through the circuit breaker, with
 * EVALSHA (loading a script on {@code NOSCRIPT}), in the current epoch (adopting a new one and
 * retrying once when a script reports it), and advancing the epoch first when this node wrote while
 * Redis was unreachable ({@link #markDirty()}) or Sentinel switched the master ({@link SentinelMaster}).
 * The client is created lazily, so a cache starts while Redis is down. Thread-safe.
 */
final class RedisGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisGateway.class);

    /** A script's reply and the epoch it ran in. */
    record Reply(List<Object> values, String epoch) {
        boolean is(char kind) {
            return isKind(values, kind);
        }

        Object get(int index) {
            return values.get(index);
        }

        int size() {
            return values.size();
        }
    }

    /** The keys and arguments of one call, for a given epoch (keys carry it). */
    interface Call {
        List<byte[]> keys(String epoch);

        List<byte[]> args(String epoch);
    }

    private final String cacheName;
    private final RedisKeys keys;
    private final CircuitBreaker circuit;
    private final Supplier<UnifiedJedis> clientFactory;
    private final List<Consumer<String>> epochListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong epochChanges = new AtomicLong();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final AtomicBoolean openLogged = new AtomicBoolean();
    /** Sentinel and cluster only: the primary the last call saw (see {@link #primary}). */
    private final AtomicReference<Object> masterPool = new AtomicReference<>();
    private volatile String epoch = "";
    private volatile UnifiedJedis client;
    private volatile boolean closed;
    /**
     * Until checked, the server may not be the one the epoch's data was recorded on: set at the
     * start and after every failed call (a restart drops the connections, so every node sees one).
     */
    private final AtomicBoolean serverUnchecked = new AtomicBoolean(true);

    RedisGateway(String cacheName, RedisKeys keys, CircuitBreaker circuit, Supplier<UnifiedJedis> clientFactory,
            boolean cluster) {
        this.cacheName = cacheName;
        this.keys = keys;
        this.circuit = circuit;
        this.clientFactory = clientFactory;
        this.cluster = cluster;
        this.slot = JedisClusterCRC16.getSlot(keys.epoch());
    }

    /** A Redis Cluster: the server check asks the run id of the primary that serves the cache's slot. */
    private final boolean cluster;
    /** The cluster slot of every key of this cache (they share one hash tag). */
    private final int slot;

    RedisKeys keys() {
        return keys;
    }

    String epoch() {
        return epoch;
    }

    /** Called with the new epoch whenever this node adopts one (the local tier must be dropped). */
    void onEpochChange(Consumer<String> listener) {
        epochListeners.add(listener);
    }

    /**
     * Runs {@code script} and returns its reply (never an {@code E} reply).
     *
     * @throws RedisUnavailableException when the circuit is open, Redis fails or times out, or
     *     replies with an error
     */
    Reply run(RedisScript script, Call call) {
        Object primary = observeMaster();
        checkServer();
        if (dirty.get()) {
            advanceEpoch();
        }
        Reply reply = attempt(script, call);
        if (reply.is('E')) {
            adopt(text(reply.get(1)));
            reply = attempt(script, call);
            if (reply.is('E')) {
                adopt(text(reply.get(1)));
                throw new RedisUnavailableException("the epoch changed twice during one call");
            }
        }
        if (primary != null && !Objects.equals(observeMaster(), primary)) {
            // the call may have run on the old primary or on the new one before the epoch ended
            throw new RedisUnavailableException(script + ": the primary of the cache's keys changed during the call");
        }
        return reply;
    }

    /**
     * Sentinel and cluster only: the primary of the cache's keys now; a switch since the last
     * call marks this node dirty.
     */
    private Object observeMaster() {
        Object now = primary(client);
        Object before = masterPool.get();
        if (now != null && !Objects.equals(before, now)) {
            if (before != null) {
                dirty.set(true); // before the new primary is published: whoever sees it also sees dirty
            }
            if (masterPool.compareAndSet(before, now) && before != null) {
                LOG.warn("[{}] the primary of the cache's keys moved (a Sentinel or cluster failover) to {}; the cache epoch"
                        + " will be advanced there (the new primary may lack writes the old one acknowledged)", cacheName,
                        now instanceof HostAndPort address ? address : SentinelMaster.address(client));
            }
        }
        return now;
    }

    /**
     * Which node the cache's keys are written to, as the client knows it now: Sentinel's master
     * pool, or the cluster primary of the cache's one slot (every key shares its hash tag);
     * {@code null} for one fixed server, or before the client exists.
     */
    private Object primary(UnifiedJedis current) {
        return current instanceof WatchedCluster cluster ? cluster.primaryOf(slot) : SentinelMaster.pool(current);
    }

    /** Sentinel only: the master this node's calls go to; {@code null} otherwise, or before the client exists. */
    HostAndPort master() {
        return SentinelMaster.address(client);
    }

    /** A writer step could not reach Redis: no entry stored before now may be served once it returns. */
    void markDirty() {
        if (dirty.compareAndSet(false, true)) {
            LOG.warn("[{}] a write could not be recorded in Redis; the cache epoch will be advanced when Redis returns", cacheName);
        }
    }

    boolean dirty() {
        return dirty.get();
    }

    /** See {@code FootprintAgreement}: records {@code signature} unless one is, and compares. */
    boolean agreesOn(String signature) {
        admit();
        try {
            UnifiedJedis jedis = client();
            byte[] key = keys.footprints();
            jedis.set(key, bytes(signature), redis.clients.jedis.params.SetParams.setParams().nx());
            byte[] stored = jedis.get(key);
            succeeded();
            return stored != null && signature.equals(text(stored));
        } catch (RuntimeException | LinkageError e) {
            throw failure("SET", e);
        }
    }

    /** Deletes the recorded footprint settings: the next node to ask records its own. */
    void forgetFootprints() {
        admit();
        try {
            client().del(keys.footprints());
            succeeded();
        } catch (RuntimeException | LinkageError e) {
            throw failure("DEL", e);
        }
    }

    /**
     * A server restarted from an older snapshot brings old versions back with the entries stored
     * under them, which would match again: when the server's {@code run_id} is not the one the
     * epoch was recorded on, the epoch ends. Costs two calls after each failure, none otherwise.
     * On a Redis Cluster the script itself reads the run id of the primary it runs on (the one
     * that holds the cache's slot): one call.
     */
    private void checkServer() {
        if (!serverUnchecked.get()) {
            return;
        }
        admit();
        String runId;
        try {
            UnifiedJedis jedis = client();
            runId = cluster ? "" : runId(jedis.info("server"));
        } catch (RuntimeException | LinkageError e) {
            throw failure("INFO", e);
        }
        succeeded();
        if (runId == null) {
            serverUnchecked.set(false); // a server that does not tell (a proxy): nothing to compare
            return;
        }
        serverUnchecked.set(false); // before the script: a failure from here on sets it again
        Reply reply;
        try {
            reply = attempt(RedisScript.SERVER, new Call() {
                @Override
                public List<byte[]> keys(String epoch) {
                    return List.of(keys.epoch(), keys.seq(), keys.server());
                }

                @Override
                public List<byte[]> args(String epoch) {
                    return List.of(keys.channel(), bytes(runId));
                }
            });
        } catch (RuntimeException | LinkageError e) {
            serverUnchecked.set(true);
            throw e;
        }
        if ("1".equals(text(reply.get(1)))) {
            LOG.warn("[{}] the Redis server is not the one the cache epoch was recorded on (a restart, perhaps from an "
                    + "older snapshot, or a failover); the epoch was advanced", cacheName);
            adopt("");
            if (reply.size() > 2) {
                sweep(text(reply.get(2)));
            }
        }
    }

    /**
     * Deletes, in the background, the keys of an epoch this node ended: entries expire by
     * themselves, but counters, lease sets and markers have no TTL (a lease must never expire
     * by eviction). Nobody reads them any more: every script and direct read checks the epoch
     * first. Stops at the first failure; what is left costs memory, never a wrong answer.
     */
    private void sweep(String oldEpoch) {
        if (oldEpoch.isEmpty()) {
            return;
        }
        String pattern = keys.epochPattern(oldEpoch);
        Thread sweeper = new Thread(() -> {
            try {
                UnifiedJedis jedis = client();
                ScanParams params = new ScanParams().match(pattern).count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                long removed = 0;
                do {
                    ScanResult<String> page = jedis.scan(cursor, params);
                    if (!page.getResult().isEmpty()) {
                        removed += jedis.unlink(page.getResult().toArray(new String[0]));
                    }
                    cursor = page.getCursor();
                } while (!closed && !ScanParams.SCAN_POINTER_START.equals(cursor));
                LOG.debug("[{}] removed {} keys of the ended epoch {}", cacheName, removed, oldEpoch);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("[{}] the keys of the ended epoch {} stay for now: {}", cacheName, oldEpoch, firstLine(e));
            }
        }, "jdbc-cache-epoch-sweep-" + cacheName);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    private static String runId(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring("run_id:".length()).strip();
            }
        }
        return null;
    }

    /** Ends the current epoch in Redis now (every node then drops what it stored before). */
    void advanceEpoch() {
        Object primary = primary(client);
        Reply reply = attempt(RedisScript.ADVANCE, new Call() {
            @Override
            public List<byte[]> keys(String epoch) {
                return List.of(keys.epoch(), keys.seq());
            }

            @Override
            public List<byte[]> args(String epoch) {
                return List.of(keys.channel());
            }
        });
        if (reply != null) {
            if (primary == null || Objects.equals(primary(client), primary)) { // else it may have run on the old primary: again
                dirty.set(false);
            }
            LOG.info("[{}] cache epoch advanced in Redis", cacheName);
            adopt("");
            if (reply.size() > 3) {
                sweep(text(reply.get(3)));
            }
        }
    }

    /** Deletes one key (a rejected entry), through the circuit; failures are ignored. */
    void deleteEntry(byte[] key) {
        if (!closed && circuit.tryAcquire()) {
            try {
                client().del(key);
                succeeded();
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    long epochChanges() {
        return epochChanges.get();
    }

    CircuitBreaker circuit() {
        return circuit;
    }

    private Reply attempt(RedisScript script, Call call) {
        admit();
        String current = epoch;
        List<byte[]> scriptKeys = call.keys(current);
        List<byte[]> args = new ArrayList<>();
        args.add(bytes(current));
        args.add(bytes(newEpochId()));
        args.addAll(call.args(current));
        Object reply;
        try {
            reply = evalsha(client(), script, scriptKeys, args);
        } catch (RuntimeException | LinkageError e) {
            throw failure(script.toString(), e);
        }
        succeeded();
        if (!(reply instanceof List<?> list) || list.isEmpty()) {
            throw new RedisUnavailableException(script + ": unexpected reply");
        }
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) list;
        if (isKind(result, 'O')) {
            throw new RedisUnavailableException(script + ": Redis is out of memory");
        }
        return new Reply(result, current);
    }

    /** The values of one direct read, and the epoch its keys were named in. */
    record Values(List<byte[]> values, String epoch) {
    }

    /**
     * One {@code MGET}, through the circuit, of keys named in the epoch this node believes in;
     * {@code null} when a script has to run instead: the epoch is not known yet, this node must
     * advance it first, or the client follows Sentinel. The caller checks that Redis still has
     * that epoch.
     *
     * @throws RedisUnavailableException as {@link #run}
     */
    Values mget(Function<String, List<byte[]>> keysOf) {
        if (observeMaster() != null) {
            // Sentinel: until Jedis learns of a failover it still talks to the old master, which
            // Sentinel turns into a replica. A replica answers an MGET with whatever it has
            // replicated so far, but refuses a script: only scripts keep those reads safe. Cluster:
            // a script's keys tell the client where to go, and the primary is compared around it.
            return null;
        }
        String current = epoch;
        if (current.isEmpty() || dirty.get() || serverUnchecked.get()) {
            return null;
        }
        admit();
        List<byte[]> names = keysOf.apply(current);
        List<byte[]> values;
        try {
            values = client().mget(names.toArray(new byte[0][]));
        } catch (RuntimeException | LinkageError e) {
            throw failure("MGET", e);
        }
        succeeded();
        if (values == null || values.size() != names.size()) {
            throw new RedisUnavailableException("MGET: unexpected reply");
        }
        return new Values(values, current);
    }

    /** Lets a call through to Redis, or throws when this gateway is closed or the circuit open. */
    private void admit() {
        if (closed) {
            throw new RedisUnavailableException("closed");
        }
        if (!circuit.tryAcquire()) {
            throw new RedisUnavailableException("circuit open");
        }
    }

    /** Counts a failed call against the circuit (unless Redis answered and is up) and wraps it. */
    /**
     * The exception a failed call becomes. A {@link LinkageError} is a Jedis of another version
     * than the driver was built for (a framework's managed version): a store failure like any
     * other, never a query failure, and it says what to do.
     */
    private RedisUnavailableException failure(String what, Throwable e) {
        if (e instanceof JedisDataException data && !redisUnhealthy(data)) {
            succeeded(); // Redis answered: it is up, even if this call failed
        } else {
            failed(e);
        }
        return new RedisUnavailableException(what + ": " + describe(e), e);
    }

    /** A failure in one line; for a class that is missing or of another version, what to do about it. */
    private static String describe(Throwable e) {
        return e instanceof LinkageError
                ? firstLine(e) + " (a class the Redis store needs is missing or of another version: jdbc-cache runs "
                        + "on Jedis 7 and 8 with their dependencies, commons-pool2 among them; a framework's dependency "
                        + "management may have picked others. Until that is fixed the cache runs without Redis and every "
                        + "query goes to the database)"
                : firstLine(e);
    }

    private static Object evalsha(UnifiedJedis jedis, RedisScript script, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(script.sha1(), keys, args);
        } catch (JedisNoScriptException e) {
            // first use on this server, or it restarted / flushed its scripts: load it where the keys live
            jedis.scriptLoad(script.source(), keys.get(0));
            return jedis.evalsha(script.sha1(), keys, args);
        }
    }

    private void succeeded() {
        if (circuit.onSuccess()) {
            LOG.info("[{}] Redis is reachable again; circuit closed", cacheName);
            failureLogged.set(false);
            openLogged.set(false);
        }
    }

    private void failed(Throwable e) {
        serverUnchecked.set(true);
        if (circuit.onFailure()) {
            if (openLogged.compareAndSet(false, true)) { // once per outage; failed trials only at debug
                LOG.warn("[{}] Redis failed {} times in a row; circuit open, queries go to the database: {}", cacheName,
                        circuit.consecutiveFailures(), describe(e));
            } else {
                LOG.debug("[{}] Redis trial call failed; circuit open again: {}", cacheName, firstLine(e));
            }
        } else if (failureLogged.compareAndSet(false, true)) {
            LOG.warn("[{}] Redis call failed; the query goes to the database: {}", cacheName, describe(e));
        }
    }

    /** Errors that mean Redis cannot serve us now (as opposed to one bad call). */
    private static boolean redisUnhealthy(JedisDataException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("LOADING") || message.startsWith("BUSY") || message.startsWith("MASTERDOWN")
                || message.startsWith("CLUSTERDOWN") || message.startsWith("TRYAGAIN") || message.startsWith("READONLY")
                || e instanceof JedisNoScriptException;
    }

    private UnifiedJedis client() {
        UnifiedJedis current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = clientFactory.get(); // cluster and sentinel clients connect here: may throw
                    masterPool.compareAndSet(null, primary(current));
                    client = current;
                }
            }
        }
        return current;
    }

    private synchronized void adopt(String newEpoch) {
        if (!newEpoch.equals(epoch)) {
            epoch = newEpoch;
            epochChanges.incrementAndGet();
            for (Consumer<String> listener : epochListeners) {
                listener.accept(newEpoch);
            }
        }
    }

    static boolean isKind(List<Object> reply, char kind) {
        Object first = reply.get(0);
        return first instanceof byte[] b && b.length == 1 && b[0] == kind;
    }

    static String text(Object value) {
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String newEpochId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String firstLine(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Functions of the epoch, for calls whose keys do not depend on anything else. */
    static Call call(Function<String, List<byte[]>> keys, Function<String, List<byte[]>> args) {
        return new Call() {
            @Override
            public List<byte[]> keys(String epoch) {
                return keys.apply(epoch);
            }

            @Override
            public List<byte[]> args(String epoch) {
                return args.apply(epoch);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        UnifiedJedis current = client;
        if (current != null) {
            current.close();
        }
    }
}
