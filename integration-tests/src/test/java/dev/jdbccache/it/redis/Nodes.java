package dev.jdbccache.it.redis;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.redis.RedisEntryStore;
import dev.jdbccache.driver.redis.RedisHealth;
import dev.jdbccache.driver.redis.TieredEntryStore;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Fixtures for the Redis suite: "nodes" are caches with their own name (so their own runtime,
 * local tier and mirror) that share one Redis prefix, i.e. what two application instances are.
 * Public for the concurrency checker's two-node run.
 */
public final class Nodes {

    private Nodes() {
    }

    /** A fresh prefix, so tests never see each other's keys. */
    public static String prefix() {
        return "jc:it-" + UUID.randomUUID() + ":";
    }

    /** Deletes every key of {@code prefix} from the Redis at {@code redisUrl} (entries expire; counters would not). */
    public static void deleteKeys(String redisUrl, String prefix) {
        try (redis.clients.jedis.RedisClient jedis = redis.clients.jedis.RedisClient.create(redisUrl)) {
            java.util.Set<String> keys = jedis.keys("{" + prefix + "}*");
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(new String[0]));
            }
        }
    }

    public static Properties node(String store, String redisUrl, String prefix, String... more) {
        Properties p = new Properties();
        p.setProperty("cache.name", "node-" + UUID.randomUUID());
        p.setProperty("cache.store", store);
        p.setProperty("cache.redis.url", redisUrl);
        p.setProperty("cache.redis.prefix", prefix);
        for (int i = 0; i < more.length; i += 2) {
            p.setProperty(more[i], more[i + 1]);
        }
        return p;
    }

    static Connection connect(String h2Name, Properties node) throws SQLException {
        return DriverManager.getConnection("jdbc:cache:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1", node);
    }

    /** A plain H2 connection to the same database: the truth, and statement statistics. */
    static Connection plain(String h2Name) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1");
    }

    static void createItems(String h2Name, int rows) throws SQLException {
        try (Connection c = plain(h2Name); Statement s = c.createStatement()) {
            s.execute("create table items(id int primary key, v int not null)");
            for (int i = 1; i <= rows; i++) {
                s.execute("insert into items values (" + i + ", " + i * 10 + ")");
            }
        }
    }

    static final String READ = "select v from items where id = ?";

    static int read(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void increment(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update items set v = v + 1 where id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    static CacheRuntime runtime(Connection c) throws SQLException {
        return c.unwrap(CachingConnection.class).runtime();
    }

    /**
     * The Redis store's health. The runtime does not expose its store yet (the observability work
     * will), so the test reads the field.
     */
    static RedisHealth health(Connection c) throws Exception {
        Field field = CacheRuntime.class.getDeclaredField("store");
        field.setAccessible(true);
        EntryStore store = (EntryStore) field.get(runtime(c));
        if (store instanceof TieredEntryStore tiered) {
            return tiered.health();
        }
        return ((RedisEntryStore) store).health();
    }

    /** How often H2 executed the read statement (needs {@code SET QUERY_STATISTICS TRUE}). */
    static long executions(Connection plain) throws SQLException {
        try (Statement s = plain.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                        + " where sql_statement = '" + READ + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
