package dev.jdbccache.driver.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Feeds a {@link VersionMirror} from the writers' channel on a dedicated connection and thread:
 * subscribes, synchronises the mirror once Redis confirms the subscription, applies each message,
 * and sends a heartbeat PING every quarter of the allowed lag. When the connection drops (or the
 * mirror loses track) it resubscribes after a short pause; meanwhile the local tier is skipped.
 * With Sentinel the mirror is trusted only while its subscription is on the master the gateway's
 * calls go to: after a failover, writers publish on the new master. Thread-safe; {@link #close()}
 * stops both threads.
 */
final class MirrorSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorSubscriber.class);

    private final String cacheName;
    private final RedisGateway gateway;
    private final VersionMirror mirror;
    private final UnifiedJedis client;
    private final Thread thread;
    private final ScheduledExecutorService heartbeat;
    private volatile Subscription current;
    /** Sentinel only: the master pool the current subscription's connection came from. */
    private volatile Object subscribedPool;
    private volatile boolean closed;
    private volatile boolean failureLogged;

    MirrorSubscriber(String cacheName, RedisGateway gateway, VersionMirror mirror, UnifiedJedis client, long heartbeatNanos) {
        this.cacheName = cacheName;
        this.gateway = gateway;
        this.mirror = mirror;
        this.client = client;
        this.thread = new Thread(this::run, "jdbc-cache-" + cacheName + "-mirror");
        this.thread.setDaemon(true);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jdbc-cache-" + cacheName + "-heartbeat");
            t.setDaemon(true);
            return t;
        });
        this.thread.start();
        this.heartbeat.scheduleWithFixedDelay(this::ping, heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
    }

    /** Resubscribe and synchronise again (the epoch changed). */
    void resync() {
        mirror.down();
        Subscription subscription = current;
        if (subscription != null) {
            subscription.stop();
        }
    }

    private void run() {
        long pauseMillis = 50;
        while (!closed) {
            Subscription subscription = new Subscription();
            current = subscription;
            subscribedPool = SentinelMaster.pool(client);
            try {
                client.subscribe(subscription, gateway.keys().channel());
                pauseMillis = 50;
            } catch (RuntimeException | LinkageError e) {
                if (!failureLogged && !closed) {
                    failureLogged = true;
                    LOG.warn("[{}] Redis subscription for the local tier failed; the local tier is skipped until it is back: {}",
                            cacheName, e.toString());
                }
                pauseMillis = Math.min(1_000, pauseMillis * 2);
            }
            mirror.down();
            current = null;
            if (!closed) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void ping() {
        Subscription subscription = current;
        if (subscription != null && subscription.isSubscribed()) {
            if (onGatewaysMaster()) {
                subscription.heartbeat();
            } else {
                subscription.stop(); // resubscribe where the writers publish now
            }
        }
    }

    /** Sentinel only can make this false: the subscription is on another master than the gateway's calls. */
    private boolean onGatewaysMaster() {
        return SentinelMaster.pool(client) == subscribedPool
                && Objects.equals(SentinelMaster.address(client), gateway.master());
    }

    private final class Subscription extends BinaryJedisPubSub {

        private boolean stopped; // guarded by this

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            if (stoppedBeforeConfirmed()) {
                return;
            }
            // messages queue on the socket while this runs: none is missed between sync and the next
            try {
                RedisGateway.Reply reply = gateway.run(RedisScript.SYNC, RedisGateway.call(
                        epoch -> List.of(gateway.keys().epoch(), gateway.keys().seq()),
                        epoch -> List.of()));
                if (!onGatewaysMaster()) {
                    stop();
                    return;
                }
                mirror.synced(RedisGateway.text(reply.get(1)), Long.parseLong(RedisGateway.text(reply.get(2))));
                failureLogged = false;
                heartbeat();
            } catch (RuntimeException | LinkageError e) {
                stop();
            }
        }

        @Override
        public void onMessage(byte[] channel, byte[] message) {
            String[] parts = new String(message, StandardCharsets.UTF_8).split("\0", -1);
            if (parts.length < 3 || !mirror.message(parts[0], parts[1], parts[2].equals("g"), Arrays.copyOfRange(parts, 3, parts.length))) {
                stop(); // lost track: resubscribe and synchronise
            }
        }

        @Override
        public void onPong(byte[] pattern) {
            if (pattern != null && pattern.length == Long.BYTES) {
                mirror.confirmed(ByteBuffer.wrap(pattern).getLong());
            }
        }

        /**
         * A {@link #stop} that came while Redis had not yet confirmed the subscription (a resync
         * right after subscribing) could not unsubscribe; without this the subscription would
         * stay, never sending a heartbeat, and the mirror would never be live again.
         */
        private synchronized boolean stoppedBeforeConfirmed() {
            if (stopped) {
                stop(); // subscribed now: this unsubscribes, and the loop subscribes afresh
            }
            return stopped;
        }

        synchronized void heartbeat() {
            if (stopped) {
                return; // a PING after UNSUBSCRIBE is answered outside pub/sub: Jedis would fail the subscription
            }
            try {
                ping(ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
            } catch (RuntimeException | LinkageError e) {
                // the subscription loop notices the broken connection
            }
        }

        synchronized void stop() {
            stopped = true;
            mirror.down();
            try {
                if (isSubscribed()) {
                    unsubscribe();
                }
            } catch (RuntimeException | LinkageError e) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        Subscription subscription = current;
        if (subscription != null) {
            subscription.stop();
        }
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
