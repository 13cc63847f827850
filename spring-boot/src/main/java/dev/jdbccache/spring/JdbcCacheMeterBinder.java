package dev.jdbccache.spring;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.metrics.micrometer.JdbcCacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Binds {@link JdbcCacheMetrics} of every cache to each registry Boot gives it, the caches that
 * start later included (a cache starts with its first connection, which may come after the
 * registries are wired). Closed with the application context.
 */
public final class JdbcCacheMeterBinder implements MeterBinder, AutoCloseable {

    private final List<AutoCloseable> watches = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        watches.add(JdbcCache.watch(cache -> new JdbcCacheMetrics(cache).bindTo(registry)));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable watch : watches) {
            watch.close();
        }
        watches.clear();
    }
}
