package dev.jdbccache.driver.admin;

import static dev.jdbccache.driver.admin.CacheFixture.rows;
import static dev.jdbccache.driver.admin.CacheFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.cache.LocalEntryStore;
import dev.jdbccache.driver.cache.QueryKey;
import dev.jdbccache.driver.cache.ReadPlan;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.LocalTableVersions;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.parser.NotCacheableReason;
import dev.jdbccache.parser.SqlDialect;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every counter of the stats, each provoked on purpose. */
class StatsCountersTest {

    private static final String BY_ID = "select name from product where id = ?";

    private static String nameOf(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void hitsMissesStoresTimingsAndTopQueriesAreCounted() throws SQLException {
        try (CacheFixture f = new CacheFixture()) {
            Connection c = f.open();
            nameOf(c, 1);
            nameOf(c, 1);
            nameOf(c, 1);
            rows(c, "select * from category");
            CacheStats stats = f.runtime.stats();
            assertEquals(2, stats.hits());
            assertEquals(2, stats.misses());
            assertEquals(2, stats.stores());
            assertEquals(0.5, stats.hitRatio());
            assertEquals(2, stats.hitTimeCount());
            assertEquals(2, stats.missTimeCount());
            assertTrue(stats.hitTimeAverageNanos() > 0 && stats.missTimeAverageNanos() > 0);
            assertTrue(stats.hitTimeP99Nanos() >= stats.hitTimeAverageNanos() / 2);
            assertTrue(stats.missTimeP99Nanos() > 0);

            CacheStats.QueryStats hottest = stats.hottestQueries(1).get(0);
            assertEquals(BY_ID, hottest.sql(), "the fingerprint is the SQL with its placeholders, never the values");
            assertEquals(3, hottest.reads());
            assertEquals(2, hottest.hits());
            assertEquals(1, hottest.misses());
            assertTrue(hottest.missNanosTotal() > 0);
            assertEquals(2, stats.mostExpensiveQueries(5).size());
            assertEquals(2, stats.entries());
            assertTrue(stats.bytes() > 0);
            assertEquals(2L, stats.snapshot().get("entries.local"));
        }
    }

    @Test
    void aTtlHintNeverOverridesATablesTtlZero() throws SQLException {
        try (CacheFixture f = new CacheFixture("cache.table.price_log.ttl", "0")) {
            run(f.plain(), "create table price_log(id int)");
            Connection c = f.open();
            CacheStats stats = f.runtime.stats();
            rows(c, "/* cache:ttl=60s */ select * from price_log");
            rows(c, "/* cache:ttl=60s */ select * from price_log");
            assertEquals(2, stats.bypasses(BypassReason.TTL_ZERO));
            rows(c, "/* cache:ttl=60s */ select * from product");
            rows(c, "/* cache:ttl=60s */ select * from product");
            assertEquals(1, stats.hits(), "a table without a rule takes the hint");
        }
    }

    @Test
    void everyBypassReasonIsCountedWithTheParsersReasonForNotCacheable() throws SQLException {
        try (CacheFixture f = new CacheFixture("cache.exclude", "from category", "cache.table.price_log.ttl", "0")) {
            run(f.plain(), "create table price_log(id int)");
            Connection c = f.open();
            CacheStats stats = f.runtime.stats();

            rows(c, "select id from product for update");
            assertEquals(1, stats.bypasses(BypassReason.NOT_CACHEABLE));
            assertEquals(1, stats.notCacheable(NotCacheableReason.LOCKING_CLAUSE));
            rows(c, "select * from information_schema.tables where 1 = 0");
            assertEquals(1, stats.notCacheable(NotCacheableReason.SYSTEM_CATALOG));
            assertEquals(2, stats.bypasses(BypassReason.NOT_CACHEABLE));
            assertEquals(1L, stats.snapshot().get("not_cacheable.system_catalog"));

            rows(c, "/* cache:off */ select * from product");
            assertEquals(1, stats.bypasses(BypassReason.HINT_OFF));
            rows(c, "select * from category");
            assertEquals(1, stats.bypasses(BypassReason.EXCLUDED));
            rows(c, "select * from price_log");
            assertEquals(1, stats.bypasses(BypassReason.TTL_ZERO));

            try (PreparedStatement ps = c.prepareStatement("select * from product where name = ?")) {
                ps.setAsciiStream(1, new ByteArrayInputStream("apple".getBytes()), 5);
                ps.executeQuery().close();
            }
            assertEquals(1, stats.bypasses(BypassReason.PARAMETERS));

            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                 ResultSet rs = s.executeQuery("select * from product")) {
                rs.next();
            }
            assertEquals(1, stats.bypasses(BypassReason.RESULT_SET_TYPE));

            Connection writer = f.open();
            writer.setAutoCommit(false);
            run(writer, "insert into product values (9, 'fig', 3.00)");
            rows(writer, "select * from product");
            assertEquals(1, stats.bypasses(BypassReason.WRITE_TRANSACTION), "read-your-writes goes to the database");
            rows(c, "select * from product where id > 0");
            assertEquals(1, stats.bypasses(BypassReason.LEASE_IN_FLIGHT), "another connection's write is in flight");
            writer.rollback();

            Connection snapshot = f.open();
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            rows(snapshot, "select * from product");
            assertEquals(1, stats.bypasses(BypassReason.SNAPSHOT_ISOLATION));
            snapshot.rollback();

            Connection session = f.open();
            session.setAutoCommit(false);
            Savepoint savepoint = session.setSavepoint();
            run(session, "set schema public");
            session.rollback(savepoint);
            rows(session, "select * from product");
            assertEquals(1, stats.bypasses(BypassReason.SESSION_STATE), "a SET undone by a rollback to a savepoint");
            session.rollback();

            Connection noCatalog = f.open(SqlDialect.POSTGRESQL); // the PostgreSQL catalog query fails on H2
            rows(noCatalog, "select * from product");
            assertEquals(1, stats.bypasses(BypassReason.CATALOG_UNAVAILABLE));

            assertEquals(0, stats.hits() + stats.misses(), "nothing above used the cache");
            assertEquals(stats.bypasses(), stats.bypassesByReason().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void aFailingStoreCountsStoreFailureAndReportsItsState() throws SQLException {
        FlakyStore[] store = new FlakyStore[1];
        try (CacheFixture f = new CacheFixture(config -> store[0] = new FlakyStore(config.writeLease()))) {
            Connection c = f.open();
            store[0].failing = true;
            rows(c, "select * from product");
            CacheStats stats = f.runtime.stats();
            assertEquals(1, stats.bypasses(BypassReason.STORE_FAILURE));
            assertEquals("open", stats.storeState());
            assertEquals("open", stats.snapshot().get("store_state"));
        }
    }

    @Test
    void aFillOvertakenByAWriteIsDroppedAndCounted() throws SQLException {
        try (CacheFixture f = new CacheFixture()) {
            Connection reader = f.open();
            Connection writer = f.open();
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("select * from product")) {
                rs.next();
                run(writer, "update product set price = 2 where id = 1"); // after the capture, before the fill
                while (rs.next()) {
                    // to the end: the recording completes and its fill is attempted
                }
            }
            CacheStats stats = f.runtime.stats();
            assertEquals(1, stats.droppedFills());
            assertEquals(0, stats.stores());
            assertEquals(1, stats.writes());
        }
    }

    @Test
    void entriesBeyondTheByteBudgetAreEvicted() throws SQLException {
        try (CacheFixture f = new CacheFixture("cache.local.max-bytes", "8KB", "cache.local.admission", "always")) {
            Connection c = f.open();
            for (int i = 0; i < 60; i++) {
                rows(c, "select id, name, price, " + i + " as n from product");
            }
            CacheStats stats = f.runtime.stats();
            assertEquals(60, stats.stores());
            assertTrue(stats.entries() < 60);
            assertTrue(stats.evictions() > 0);
            assertEquals(stats.evictions(), 60 - stats.entries());
            assertEquals(0, stats.expirations());
        }
    }

    @Test
    void entriesWhoseTtlRunsOutExpire() throws SQLException {
        try (CacheFixture f = new CacheFixture("cache.ttl", "10s")) {
            Connection c = f.open();
            rows(c, "select * from product");
            rows(c, "select * from category");
            f.nanos.addAndGet(Duration.ofSeconds(11).toNanos());
            CacheStats stats = f.runtime.stats();
            assertEquals(0, stats.entries());
            assertEquals(2, stats.expirations());
            assertEquals(0, stats.evictions());
        }
    }

    @Test
    void invalidationsAreCountedByTable() throws SQLException {
        try (CacheFixture f = new CacheFixture()) {
            Connection c = f.open();
            run(c, "insert into product values (7, 'kiwi', 1.00)");
            c.setAutoCommit(false);
            run(c, "insert into category values (2, 'nut')");
            run(c, "insert into category values (3, 'berry')");
            c.commit();
            c.setAutoCommit(true);
            CacheStats stats = f.runtime.stats();
            assertEquals(1, stats.invalidations("PRODUCT"), "an autocommit write");
            assertEquals(1, stats.invalidations("CATEGORY"), "a transaction invalidates its tables once, when it ends");
            assertEquals(3, stats.writes(), "every write statement counts");

            JdbcCache cache = JdbcCache.of(c);
            cache.invalidate("public.product");
            assertEquals(1, stats.invalidations("product"), "an explicit invalidation counts the name as written");
            cache.invalidateAll();
            assertEquals(1, stats.invalidations(CacheStats.ALL_TABLES));
            assertEquals(4, stats.invalidations());
            Map<String, Long> top = stats.invalidationsByTable(10);
            assertEquals(Map.of("PRODUCT", 1L, "CATEGORY", 1L, "product", 1L, "*", 1L), top);
        }
    }

    @Test
    void resetSetsEveryCounterBackToZero() throws SQLException {
        try (CacheFixture f = new CacheFixture()) {
            Connection c = f.open();
            nameOf(c, 1);
            nameOf(c, 1);
            rows(c, "/* cache:off */ select * from product");
            run(c, "delete from category");
            JdbcCache cache = JdbcCache.of(c);
            cache.resetStats();
            Map<String, Object> snapshot = cache.statsSnapshot();
            snapshot.forEach((key, value) -> {
                if (value instanceof Long n && !key.startsWith("entries.") && !key.startsWith("bytes.")) {
                    assertEquals(0L, n, key);
                }
            });
            assertEquals(1L, snapshot.get("entries.local"), "entries stay");
            assertTrue(cache.stats().hottestQueries(5).isEmpty());
        }
    }

    /** The local store, failing on demand and then reporting its circuit open. */
    private static final class FlakyStore implements EntryStore {
        private final LocalEntryStore local;
        volatile boolean failing;

        FlakyStore(Duration lease) {
            this.local = new LocalEntryStore(1 << 20, Ticker.systemTicker(), new LocalTableVersions(lease));
        }

        @Override
        public TableVersions versions() {
            return local.versions();
        }

        @Override
        public Lookup lookup(QueryKey key, String[] tags) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            return local.lookup(key, tags);
        }

        @Override
        public boolean fill(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos) {
            return local.fill(key, captured, recording, ttlNanos);
        }

        @Override
        public void clear() {
            local.clear();
        }

        @Override
        public long entryCount() {
            return local.entryCount();
        }

        @Override
        public long weightedSize() {
            return local.weightedSize();
        }

        @Override
        public String state() {
            return failing ? "open" : "ok";
        }

        @Override
        public void close() {
            local.close();
        }
    }
}
