package dev.jdbccache.driver.redis;

import dev.jdbccache.driver.cache.ConsumerLease;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The change-capture consumer's lease in Redis ({@link RedisScript#CONSUMER_LEASE}): this node
 * (a random id) holds it while it renews it within the TTL. Thread-safe.
 */
final class RedisConsumerLease implements ConsumerLease {

    private final RedisGateway gateway;
    private final byte[] lease;
    private final byte[] fence;
    private final byte[] digest;
    private final String node;
    private final Duration ttl;

    RedisConsumerLease(RedisGateway gateway, String slot, Duration ttl) {
        this.gateway = gateway;
        this.lease = gateway.keys().consumerLease(slot);
        this.fence = gateway.keys().consumerFence(slot);
        this.digest = gateway.keys().consumerDigest(slot);
        this.node = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        this.ttl = ttl;
    }

    @Override
    public long acquire() {
        RedisGateway.Reply reply = gateway.run(RedisScript.CONSUMER_LEASE, call(Long.toString(ttl.toMillis())));
        if (reply.is('K')) {
            return Long.parseLong(RedisGateway.text(reply.get(1)));
        }
        if (reply.is('N')) {
            return HELD_ELSEWHERE;
        }
        throw new RedisUnavailableException("the consumer lease could not be written (Redis is out of memory)");
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String recordedDigest() {
        String recorded = RedisGateway.text(gateway.run(RedisScript.CONSUMER_DIGEST, digestCall("")).get(1));
        return recorded.isEmpty() ? null : recorded;
    }

    @Override
    public void recordDigest(String value) {
        gateway.run(RedisScript.CONSUMER_DIGEST, digestCall(value));
    }

    private RedisGateway.Call digestCall(String value) {
        return RedisGateway.call(epoch -> List.of(gateway.keys().epoch(), gateway.keys().seq(), digest),
                epoch -> List.of(RedisGateway.bytes(value)));
    }

    @Override
    public void close() {
        try {
            gateway.run(RedisScript.CONSUMER_RELEASE, call(""));
        } catch (RuntimeException e) {
            // it expires on its own
        }
    }

    private RedisGateway.Call call(String millis) {
        return RedisGateway.call(epoch -> List.of(gateway.keys().epoch(), gateway.keys().seq(), lease, fence),
                epoch -> List.of(RedisGateway.bytes(node), RedisGateway.bytes(millis))); // ARGV[1-2]: the gateway's
    }
}
