package dev.jdbccache.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigException;
import dev.jdbccache.driver.config.ConfigLoader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    @Test
    void defaults() throws Exception {
        CacheConfig config = load("cache.name", "orders");
        assertEquals("local", config.store());
        assertEquals("jc:orders:", config.redisPrefix());
        assertEquals(50, config.redisConnectTimeout().toMillis());
        assertEquals(50, config.redisSocketTimeout().toMillis());
        assertEquals(8, config.redisPoolSize());
        assertEquals(5, config.redisCircuitFailures());
        assertEquals(5_000, config.redisCircuitOpenFor().toMillis());
        assertTrue(config.tieredStrict());
    }

    @Test
    void passwordsInTheUrlAndTheHmacKeyAreMaskedEverywhere() throws Exception {
        CacheConfig config = load("cache.store", "redis", "cache.redis.url", "rediss://app:pa55word@redis.example:6380/2",
                "cache.redis.hmac-key", "k3y");
        assertEquals("rediss://****@redis.example:6380/2", config.effective().get("cache.redis.url"));
        assertEquals("****", config.effective().get("cache.redis.hmac-key"));
        assertFalse(config.toString().contains("pa55word") || config.toString().contains("k3y"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("cache.redis.url", "http://app:pa55word@host:1"));
        assertFalse(e.getMessage().contains("pa55word"), e.getMessage());
        assertTrue(e.getMessage().contains("cache.redis.url"), e.getMessage());
    }

    @Test
    void invalidValuesNameTheKey() {
        assertThrows(ConfigException.class, () -> load("cache.store", "memcached"));
        assertThrows(ConfigException.class, () -> load("cache.redis.cluster", "host-without-port"));
        assertThrows(ConfigException.class, () -> load("cache.redis.sentinel.master", "mymaster"));
        assertThrows(ConfigException.class, () -> load("cache.redis.prefix", "{x}"));
        assertThrows(ConfigException.class, () -> load("cache.redis.socket-timeout", "0"));
        assertThrows(ConfigException.class, () -> load("cache.tiered.consistency", "eventual"));
        assertThrows(ConfigException.class, () -> load("cache.store", "tiered", "cache.tiered.consistency", "relaxed",
                "cache.redis.cluster", "127.0.0.1:7000"));
    }

    private static CacheConfig load(String... keyValues) throws ConfigException {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.standard().load(p);
    }
}
