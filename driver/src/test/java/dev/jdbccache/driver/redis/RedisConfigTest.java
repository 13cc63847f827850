package dev.jdbccache.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigException;
import dev.jdbccache.driver.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aTrustStoreNeedsTls_aReadableFile_andAKnownType_andItsPasswordIsMasked(@TempDir Path dir) throws Exception {
        Path store = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        CacheConfig config = load("cache.redis.url", "rediss://redis.example:6380", "cache.redis.truststore", store.toString(),
                "cache.redis.truststore-password", "tru5tPw");
        assertEquals(store, config.redisTruststore());
        assertEquals("PKCS12", config.redisTruststoreType());
        assertEquals("****", config.effective().get("cache.redis.truststore-password"));
        assertFalse(config.toString().contains("tru5tPw"));
        assertEquals(null, load().redisTruststore());

        for (String[] bad : List.of(
                new String[] {"cache.redis.truststore", store.toString()}, // redis:// is not TLS
                new String[] {"cache.redis.url", "rediss://h:1", "cache.redis.truststore", dir.resolve("missing.p12").toString()},
                new String[] {"cache.redis.url", "rediss://h:1", "cache.redis.truststore", dir.toString()},
                new String[] {"cache.redis.url", "rediss://h:1", "cache.redis.truststore-password", "tru5tPw"},
                new String[] {"cache.redis.truststore-type", "PKCS13"})) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(bad), String.join(" ", bad));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains(bad[bad.length - 2] + "="), e.getMessage());
            assertFalse(e.getMessage().contains("tru5tPw"), e.getMessage());
        }
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
