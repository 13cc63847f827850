package dev.jdbccache.it.redis;

import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.redis.RedisStores;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.TableVersionsContract;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;

/** The {@link TableVersions} contract on the Redis store (the real server, a prefix per test). */
class RedisTableVersionsContractTest extends TableVersionsContract {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private final List<EntryStore> stores = new ArrayList<>();
    private final String prefix = Nodes.prefix();

    @Override
    protected TableVersions versions() {
        Properties p = Nodes.node("redis", REDIS, prefix, "cache.write-lease", LEASE.toMillis() + "ms");
        try {
            EntryStore store = RedisStores.redis(ConfigLoader.standard().load(p));
            stores.add(store);
            return store.versions();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        stores.forEach(EntryStore::close);
        Nodes.deleteKeys(REDIS, prefix);
    }
}
