package dev.jdbccache.driver.metrics.micrometer;

import static dev.jdbccache.driver.admin.CacheFixture.rows;
import static dev.jdbccache.driver.admin.CacheFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.admin.CacheFixture;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Micrometer binder, read back through a SimpleMeterRegistry. */
class JdbcCacheMetricsTest {

    private static double counter(MeterRegistry registry, String name, String cache, String... tags) {
        return registry.get(name).tag("cache", cache).tags(tags).functionCounter().count();
    }

    @Test
    void metersFollowTheCachesCounters() throws Exception {
        try (CacheFixture f = new CacheFixture("cache.exclude", "from category")) {
            Connection c = f.open();
            MeterRegistry registry = new SimpleMeterRegistry();
            JdbcCache cache = JdbcCache.of(c);
            String name = cache.name();
            new JdbcCacheMetrics(cache).bindTo(registry);

            rows(c, "select * from product");
            rows(c, "select * from product");
            rows(c, "select * from product");
            rows(c, "select * from category");
            rows(c, "select id from product for update");
            run(c, "update product set price = 3 where id = 1");
            run(c, "delete from category");

            assertEquals(2, counter(registry, "jdbc.cache.requests", name, "result", "hit"));
            assertEquals(1, counter(registry, "jdbc.cache.requests", name, "result", "miss"));
            assertEquals(2, counter(registry, "jdbc.cache.requests", name, "result", "bypass"));
            assertEquals(1, counter(registry, "jdbc.cache.bypasses", name, "reason", "excluded"));
            assertEquals(1, counter(registry, "jdbc.cache.bypasses", name, "reason", "not_cacheable"));
            assertEquals(1, counter(registry, "jdbc.cache.uncacheable", name, "reason", "locking_clause"));
            assertEquals(1, counter(registry, "jdbc.cache.stores", name));
            assertEquals(2, counter(registry, "jdbc.cache.writes", name));
            assertEquals(1, counter(registry, "jdbc.cache.invalidations", name, "table", "PRODUCT"));
            assertEquals(1, counter(registry, "jdbc.cache.invalidations", name, "table", "CATEGORY"));
            assertEquals(0, counter(registry, "jdbc.cache.invalidations", name, "table", "_other"));
            assertEquals(1, registry.get("jdbc.cache.entries").tag("cache", name).tag("tier", "local").gauge().value(),
                    "invalidated, but held until a lookup finds it stale");
            assertTrue(registry.get("jdbc.cache.size").tag("tier", "local").gauge().value() > 0);
            assertEquals(1, registry.get("jdbc.cache.store.healthy").tag("cache", name).gauge().value());

            FunctionTimer hits = registry.get("jdbc.cache.latency").tag("cache", name).tag("result", "hit").functionTimer();
            assertEquals(2, hits.count());
            assertTrue(hits.totalTime(TimeUnit.NANOSECONDS) > 0);
            assertTrue(registry.get("jdbc.cache.latency.p99").tag("result", "miss").gauge().value() > 0);
        }
    }

    @Test
    void tableTagsAreBounded() throws Exception {
        try (CacheFixture f = new CacheFixture()) {
            Connection c = f.open();
            MeterRegistry registry = new SimpleMeterRegistry();
            JdbcCache cache = JdbcCache.of(c);
            new JdbcCacheMetrics(cache).bindTo(registry);
            for (int i = 0; i < JdbcCacheMetrics.MAX_TABLE_TAGS + 20; i++) {
                cache.invalidate("t" + i);
            }
            long tables = registry.find("jdbc.cache.invalidations").tag("cache", cache.name()).functionCounters().size();
            assertEquals(JdbcCacheMetrics.MAX_TABLE_TAGS + 1, tables, "the first tables and _other");
            assertEquals(20, counter(registry, "jdbc.cache.invalidations", cache.name(), "table", "_other"));
        }
    }
}
