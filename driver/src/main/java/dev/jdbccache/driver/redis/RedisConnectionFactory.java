package dev.jdbccache.driver.redis;

import dev.jdbccache.driver.config.CacheConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Builds Jedis clients from {@code cache.redis.*} (Jedis 8's, or Jedis 7's where a framework chose it;
 * see {@link Jedis8Clients}, {@link Jedis7Clients}): one server (TLS with
 * {@code rediss://}), a cluster, or a master that Sentinel monitors. Credentials, TLS and the database number come from {@code cache.redis.url} in every
 * case (Sentinels themselves are asked without them). TLS verifies the certificate chain, against
 * {@code cache.redis.truststore} or else the JVM's trust store, and the host name.
 * Every wait is bounded: connect and socket timeouts, and borrowing a pooled connection waits at most
 * the socket timeout. Stateless.
 */
final class RedisConnectionFactory {

    private final CacheConfig config;

    RedisConnectionFactory(CacheConfig config) {
        this.config = config;
    }

    /** The client for scripts: pool of {@code cache.redis.pool-size}, the configured timeouts. */
    UnifiedJedis commands() {
        return create(config.redisPoolSize(), config.redisSocketTimeout());
    }

    /**
     * A client for the pub/sub subscriber: its own small pool, and a socket timeout long enough
     * for an idle subscription between heartbeats (a silent connection is still noticed).
     */
    UnifiedJedis subscriber(Duration socketTimeout) {
        return create(2, socketTimeout);
    }

    boolean cluster() {
        return !config.redisCluster().isEmpty();
    }

    private UnifiedJedis create(int poolSize, Duration socketTimeout) {
        URI url = config.redisUrl();
        JedisClientConfig clientConfig = clientConfig(url, socketTimeout);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(socketTimeout); // an exhausted pool must not block a query longer than a call could
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        if (cluster()) {
            // one retry, on the node a MOVED names or after renewing the slot cache
            return new WatchedCluster(hostPorts(config.redisCluster()), clientConfig, pool, 2, socketTimeout.multipliedBy(2));
        }
        if (!config.redisSentinels().isEmpty()) {
            JedisClientConfig sentinelConfig = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(millis(config.redisConnectTimeout()))
                    .socketTimeoutMillis(millis(socketTimeout))
                    .protocol(RedisProtocol.RESP2) // else Jedis warns on every Sentinel connection
                    .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                    .build();
            if (!JedisGeneration.EIGHT) {
                throw new IllegalStateException("cache.redis.sentinels needs Jedis 8 (this class path has Jedis 7): "
                        + "following a failover safely needs its Sentinel client");
            }
            return Jedis8Clients.sentinel(config.redisSentinelMaster(), hostPorts(config.redisSentinels()), sentinelConfig,
                    clientConfig, pool);
        }
        HostAndPort server = JedisURIHelper.getHostAndPort(url);
        return JedisGeneration.EIGHT ? Jedis8Clients.single(server, clientConfig, pool)
                : Jedis7Clients.single(server, clientConfig, pool);
    }

    private JedisClientConfig clientConfig(URI url, Duration socketTimeout) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(config.redisConnectTimeout()))
                .socketTimeoutMillis(millis(socketTimeout))
                .protocol(RedisProtocol.RESP2)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED) // one round trip less per new connection
                .clientName(clientName(config.name()));
        if (JedisURIHelper.isRedisSSLScheme(url)) {
            builder.sslOptions(sslOptions());
        }
        String user = JedisURIHelper.getUser(url);
        String password = JedisURIHelper.getPassword(url);
        if (user != null && !user.isEmpty()) {
            builder.user(user);
        }
        if (password != null && !password.isEmpty()) {
            builder.password(password);
        }
        int database = databaseIndex(url);
        if (database >= 0 && !cluster()) {
            builder.database(database);
        }
        return builder.build();
    }

    /**
     * The database of {@code redis://host:port/3}, or -1 without one. Read here rather than with
     * {@code JedisURIHelper.hasDbIndex}, which Jedis 7 (the version Spring Boot 4.0 manages) lacks.
     */
    static int databaseIndex(URI url) {
        String path = url.getPath();
        if (path == null || path.length() < 2) {
            return -1;
        }
        String index = path.substring(1);
        int slash = index.indexOf('/');
        index = slash < 0 ? index : index.substring(0, slash);
        return index.matches("[0-9]{1,5}") ? Integer.parseInt(index) : -1;
    }

    /** Chain and host name verified (SslVerifyMode.FULL); Jedis reads the trust store for each new connection. */
    private SslOptions sslOptions() {
        if (config.redisTruststore() == null) {
            return SslOptions.defaults();
        }
        String password = config.redisTruststorePassword();
        return SslOptions.builder()
                .truststore(config.redisTruststore().toFile(), password.isEmpty() ? null : password.toCharArray())
                .trustStoreType(config.redisTruststoreType())
                .sslVerifyMode(SslVerifyMode.FULL)
                .build();
    }

    /**
     * {@code jdbc-cache:<cache name>}, so {@code CLIENT LIST} tells which cache a connection
     * serves; Redis refuses spaces and control characters in a name, so those become {@code _}.
     */
    static String clientName(String cacheName) {
        StringBuilder name = new StringBuilder("jdbc-cache:");
        cacheName.codePoints().limit(64).forEach(c -> name.appendCodePoint(c <= ' ' || c > '~' ? '_' : c));
        return name.toString();
    }

    private static Set<HostAndPort> hostPorts(Iterable<String> hostPorts) {
        Set<HostAndPort> result = new LinkedHashSet<>();
        hostPorts.forEach(h -> result.add(HostAndPort.from(h)));
        return result;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
