package dev.jdbccache.driver.metrics.micrometer;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.cache.ChangeCaptureStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of one cache, every one tagged {@code cache=<cache.name>}:
 *
 * <ul>
 *   <li>{@code jdbc.cache.requests} (counter; {@code result=hit|miss|bypass})
 *   <li>{@code jdbc.cache.bypasses} (counter; {@code reason}: a {@link BypassReason}, lower case)
 *   <li>{@code jdbc.cache.uncacheable} (counter; {@code reason}: the parser's reason of a
 *       {@code not_cacheable} bypass, or {@code unresolved_view})
 *   <li>{@code jdbc.cache.stores}, {@code jdbc.cache.fills.dropped}, {@code jdbc.cache.writes},
 *       {@code jdbc.cache.evictions}, {@code jdbc.cache.expirations} (counters)
 *   <li>{@code jdbc.cache.invalidations} (counter; {@code table}: at most {@value #MAX_TABLE_TAGS}
 *       tables per cache, the first ones invalidated, then {@code _other}; {@code *} for writes to
 *       unknown tables and invalidate-all)
 *   <li>{@code jdbc.cache.entries} and {@code jdbc.cache.size} (gauges, entries and bytes;
 *       {@code tier})
 *   <li>{@code jdbc.cache.latency} (function timer; {@code result=hit|miss}) and
 *       {@code jdbc.cache.latency.p99} (gauge, seconds; {@code result})
 *   <li>{@code jdbc.cache.store.healthy} (gauge: 1 while the store reports {@code ok})
 *   <li>{@code jdbc.cache.warmup.statements} (counter; {@code outcome=ok|failed})
 * </ul>
 *
 * <p>Micrometer is an optional dependency of the driver: only this class uses it, and it is loaded
 * only when the application refers to it. Thread-safe.
 *
 * <pre>{@code
 * new JdbcCacheMetrics(JdbcCache.of(dataSource)).bindTo(meterRegistry);
 * }</pre>
 */
public final class JdbcCacheMetrics implements MeterBinder {

    /** Most {@code table} tag values of {@code jdbc.cache.invalidations} per cache (then {@code _other}). */
    public static final int MAX_TABLE_TAGS = 50;

    private final JdbcCache cache;

    public JdbcCacheMetrics(JdbcCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CacheStats stats = cache.stats();
        Tags tags = Tags.of("cache", cache.name());

        counter(registry, "jdbc.cache.requests", "Reads through the cache, by outcome", tags.and("result", "hit"), stats, CacheStats::hits);
        counter(registry, "jdbc.cache.requests", "Reads through the cache, by outcome", tags.and("result", "miss"), stats, CacheStats::misses);
        counter(registry, "jdbc.cache.requests", "Reads through the cache, by outcome", tags.and("result", "bypass"), stats, CacheStats::bypasses);
        for (BypassReason reason : BypassReason.values()) {
            counter(registry, "jdbc.cache.bypasses", "Reads that went to the database without the cache, by reason",
                    tags.and("reason", reason.name().toLowerCase(Locale.ROOT)), stats, s -> s.bypasses(reason));
        }
        for (String reason : stats.notCacheableByReason().keySet()) {
            counter(registry, "jdbc.cache.uncacheable", "Reads the parser found not cacheable, by its reason",
                    tags.and("reason", reason), stats, s -> s.notCacheableByReason().getOrDefault(reason, 0L));
        }
        counter(registry, "jdbc.cache.stores", "Misses whose result was stored", tags, stats, CacheStats::stores);
        counter(registry, "jdbc.cache.fills.dropped", "Results not stored because a write intervened", tags, stats,
                CacheStats::droppedFills);
        counter(registry, "jdbc.cache.misses.not.recorded", "Misses not recorded: keys seen once while the local tier was full",
                tags, stats, CacheStats::missesNotRecorded);
        counter(registry, "jdbc.cache.writes", "Statements through the driver that wrote tables", tags, stats, CacheStats::writes);
        counter(registry, "jdbc.cache.evictions", "Entries dropped to stay within the byte budget", tags, stats,
                CacheStats::evictions);
        counter(registry, "jdbc.cache.expirations", "Entries dropped because their TTL ran out", tags, stats,
                CacheStats::expirations);
        counter(registry, "jdbc.cache.warmup.statements", "Warm-up statements, by outcome", tags.and("outcome", "ok"), stats,
                CacheStats::warmupStatements);
        counter(registry, "jdbc.cache.warmup.statements", "Warm-up statements, by outcome", tags.and("outcome", "failed"), stats,
                CacheStats::warmupFailures);

        Gauge.builder("jdbc.cache.entries", stats, CacheStats::entries).description("Entries held")
                .tags(tags.and("tier", stats.tier())).register(registry);
        Gauge.builder("jdbc.cache.size", stats, CacheStats::bytes).description("Estimated bytes held").baseUnit("bytes")
                .tags(tags.and("tier", stats.tier())).register(registry);
        Gauge.builder("jdbc.cache.store.healthy", stats, s -> "ok".equals(s.storeState()) ? 1 : 0)
                .description("1 while the store reports ok (0: e.g. its circuit is open)").tags(tags).register(registry);

        FunctionTimer.builder("jdbc.cache.latency", stats, CacheStats::hitTimeCount, CacheStats::hitTimeTotalNanos,
                TimeUnit.NANOSECONDS).description("Time of reads that used the cache: lookup and serving (hit), "
                + "lookup and execution (miss)").tags(tags.and("result", "hit")).register(registry);
        FunctionTimer.builder("jdbc.cache.latency", stats, CacheStats::missTimeCount, CacheStats::missTimeTotalNanos,
                TimeUnit.NANOSECONDS).description("Time of reads that used the cache: lookup and serving (hit), "
                + "lookup and execution (miss)").tags(tags.and("result", "miss")).register(registry);
        Gauge.builder("jdbc.cache.latency.p99", stats, s -> s.hitTimeP99Nanos() / 1e9).baseUnit("seconds")
                .description("99th percentile of read time, by outcome").tags(tags.and("result", "hit")).register(registry);
        Gauge.builder("jdbc.cache.latency.p99", stats, s -> s.missTimeP99Nanos() / 1e9).baseUnit("seconds")
                .description("99th percentile of read time, by outcome").tags(tags.and("result", "miss")).register(registry);

        bindInvalidations(registry, stats, tags);
        bindChangeCapture(registry, stats.changeCapture(), tags);
    }

    /** The change-capture consumer (cache.change-capture): zeros while it is off. */
    private static void bindChangeCapture(MeterRegistry registry, ChangeCaptureStats capture, Tags tags) {
        FunctionCounter.builder("jdbc.cache.change.capture.transactions", capture, ChangeCaptureStats::transactions)
                .description("Transactions of other writers applied from PostgreSQL's stream").tags(tags).register(registry);
        FunctionCounter.builder("jdbc.cache.change.capture.rows", capture, ChangeCaptureStats::rowChanges)
                .description("Row changes applied from the stream").tags(tags).register(registry);
        FunctionCounter.builder("jdbc.cache.change.capture.escalations", capture, ChangeCaptureStats::escalations)
                .description("Tables invalidated whole because one transaction changed too many of their rows")
                .tags(tags).register(registry);
        FunctionCounter.builder("jdbc.cache.change.capture.fallbacks", capture, ChangeCaptureStats::fallbacks)
                .description("Times the stream stopped and reads fell back to the TTL").tags(tags).register(registry);
        FunctionCounter.builder("jdbc.cache.change.capture.flushes", capture, ChangeCaptureStats::flushes)
                .description("Flushes because the stream could not vouch for the cache").tags(tags).register(registry);
        Gauge.builder("jdbc.cache.change.capture.lag", capture, c -> c.lagMillis() / 1e3).baseUnit("seconds")
                .description("Age of the last applied commit when it was applied").tags(tags).register(registry);
        Gauge.builder("jdbc.cache.change.capture.lag.bytes", capture, ChangeCaptureStats::lagBytes).baseUnit("bytes")
                .description("WAL the slot holds that the consumer has not confirmed").tags(tags).register(registry);
        Gauge.builder("jdbc.cache.change.capture.healthy", capture, c -> c.state() == ChangeCaptureStats.State.STREAMING
                || c.state() == ChangeCaptureStats.State.STANDBY ? 1 : 0)
                .description("1 while this node streams or another node does (0: off, starting or falling back)")
                .tags(tags).register(registry);
    }

    /** One counter per table, registered when the table is first invalidated, at most {@value #MAX_TABLE_TAGS}. */
    private static void bindInvalidations(MeterRegistry registry, CacheStats stats, Tags tags) {
        Set<String> tagged = ConcurrentHashMap.newKeySet();
        counter(registry, "jdbc.cache.invalidations", "Table invalidations by writes and explicit calls, by table",
                tags.and("table", "_other"), stats, s -> otherInvalidations(s, tagged));
        stats.onFirstInvalidation(table -> tagTable(registry, stats, tags, tagged, table));
        stats.invalidationsByTable(MAX_TABLE_TAGS).keySet().forEach(table -> tagTable(registry, stats, tags, tagged, table));
    }

    private static void tagTable(MeterRegistry registry, CacheStats stats, Tags tags, Set<String> tagged, String table) {
        synchronized (tagged) {
            if (tagged.size() >= MAX_TABLE_TAGS || tagged.contains(table)) {
                return;
            }
            counter(registry, "jdbc.cache.invalidations", "Table invalidations by writes and explicit calls, by table",
                    tags.and("table", table), stats, s -> s.invalidations(table));
            tagged.add(table);
        }
    }

    private static double otherInvalidations(CacheStats stats, Set<String> tagged) {
        long other = stats.invalidations();
        for (String table : tagged) {
            other -= stats.invalidations(table);
        }
        return Math.max(0, other);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, CacheStats stats,
            ToDoubleFunction<CacheStats> count) {
        FunctionCounter.builder(name, stats, count).description(description).tags(tags).register(registry);
    }
}
