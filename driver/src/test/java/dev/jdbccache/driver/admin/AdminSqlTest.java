package dev.jdbccache.driver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin SQL through plain JDBC: answered by the driver, never by the database. */
class AdminSqlTest {

    private final String cacheName = "admin-sql-" + UUID.randomUUID();
    private Connection connection;
    private Statement statement;

    @BeforeEach
    void setUp() throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", cacheName);
        p.setProperty("user", "sa");
        p.setProperty("password", "Adm1n-Secret");
        p.setProperty("cache.admin.users", "someone, SA");
        connection = DriverManager.getConnection("jdbc:cache:h2:mem:" + cacheName + ";DB_CLOSE_DELAY=-1", p);
        statement = connection.createStatement();
        statement.execute("create table orders(id int primary key, total int)");
        statement.execute("insert into orders values (1, 10), (2, 20)");
    }

    @AfterEach
    void tearDown() throws SQLException {
        statement.execute("drop all objects");
        connection.close();
    }

    private long orderCount() throws SQLException {
        try (ResultSet rs = statement.executeQuery("select count(*) from orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, String> stats() throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.stats")) {
            while (rs.next()) {
                result.put(rs.getString("NAME"), rs.getString("VALUE"));
            }
        }
        return result;
    }

    private Map<String, String> explain(String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.explain('"
                + sql.replace("'", "''") + "')")) {
            while (rs.next()) {
                rows.merge(rs.getString("WHAT"), rs.getString("DETAIL"), (a, b) -> a + " | " + b);
            }
        }
        return rows;
    }

    @Test
    void explainTellsWhetherAReadIsCached_andEachTablesFootprint() throws SQLException {
        statement.execute("create table lines(id int primary key, order_id int references orders(id), qty int)");
        Map<String, String> keyed = explain("select * from lines l join orders o on o.id = l.order_id where o.id = ?");
        assertEquals("QUERY", keyed.get("statement"));
        assertTrue(keyed.get("cacheable").startsWith("yes, ttl"), keyed.toString());
        assertEquals("rows whose ORDER_ID is parameter 1", keyed.get("read LINES"), keyed.toString());
        assertEquals("rows whose ID is parameter 1", keyed.get("read ORDERS"), keyed.toString());

        Map<String, String> or = explain("select * from orders where id = 1 or total = 2");
        assertEquals("whole table: no equality on a column in the top-level AND", or.get("read ORDERS"), or.toString());
        Map<String, String> notKey = explain("select * from orders where total = 5");
        assertTrue(notKey.get("read ORDERS").contains("not partition columns [TOTAL]"), notKey.toString());
        Map<String, String> volatileRead = explain("select rand() from orders");
        assertTrue(volatileRead.get("cacheable").startsWith("no: NOT_CACHEABLE (VOLATILE_FUNCTION"), volatileRead.toString());

        statement.execute("create table codes(code varchar(10) primary key, label varchar(10))");
        Map<String, String> throughText = explain("select * from orders o join codes c on o.id = c.code where c.code = ?");
        assertTrue(throughText.get("read ORDERS").startsWith("whole table"),
                "a pin carried through a column that compares otherwise is not exact: " + throughText);

        Map<String, String> update = explain("update lines set qty = 2 where id = ?");
        assertTrue(update.get("write LINES").contains("reads bounded on ID for parameter 1"), update.toString());
        assertTrue(update.get("write LINES").contains("every read bounded on ORDER_ID"), update.toString());
        Map<String, String> unpinned = explain("update lines set qty = 2 where qty > 1");
        assertEquals("table-level: every cached read of the table", unpinned.get("write LINES"), unpinned.toString());
    }

    @Test
    void statsAreAnsweredAsAResultSet() throws SQLException {
        orderCount();
        orderCount();
        Map<String, String> stats = stats();
        assertEquals("1", stats.get("hits"));
        assertEquals("1", stats.get("misses"));
        assertEquals("0.5", stats.get("hit_ratio"));
        assertEquals("ok", stats.get("store_state"));
        assertEquals(JdbcCache.of(connection).statsSnapshot().keySet(), stats.keySet());
        assertEquals("1", stats().get("hits"), "admin statements are not reads: they change no counter");
    }

    @Test
    void theResultSetIsAnOrdinaryReadOnlyOne() throws SQLException {
        try (ResultSet rs = statement.executeQuery("  /*cache:ADMIN*/ select * from JDBC_CACHE.STATS;")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(2, md.getColumnCount());
            assertEquals("NAME", md.getColumnLabel(1));
            assertEquals(Types.VARCHAR, md.getColumnType(2));
            assertSame(statement, rs.getStatement());
            assertTrue(rs.next());
            assertEquals("hits", rs.getString(1));
        }
        assertTrue(statement.execute("/* cache:admin */ SELECT * FROM jdbc_cache.invalidations"));
        try (ResultSet rs = statement.getResultSet()) {
            assertEquals("INVALIDATIONS", rs.getMetaData().getColumnLabel(2));
            assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(2));
        }
        assertEquals(-1, statement.getUpdateCount());
    }

    @Test
    void configShowsEffectiveSettingsWithTheirOriginsAndNoConnectionSecrets() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.config")) {
            while (rs.next()) {
                values.put(rs.getString("KEY"), rs.getString("VALUE"));
                origins.put(rs.getString("KEY"), rs.getString("ORIGIN"));
                for (int i = 1; i <= 3; i++) {
                    assertFalse(String.valueOf(rs.getString(i)).contains("Adm1n-Secret"));
                }
            }
        }
        assertEquals(cacheName, values.get("cache.name"));
        assertEquals("connection properties", origins.get("cache.name"));
        assertEquals("60s", values.get("cache.ttl"));
        assertEquals("default", origins.get("cache.ttl"));
    }

    @Test
    void invalidateAndInvalidateAllAndResetStatsAreCalls() throws SQLException {
        JdbcCache.of(connection).resetStats(); // forget the set-up's writes
        assertEquals(2, orderCount());
        try (Statement plain = DriverManager.getConnection("jdbc:h2:mem:" + cacheName, "sa", "Adm1n-Secret").createStatement()) {
            plain.execute("insert into orders values (3, 30)"); // behind the driver's back
            assertEquals(2, orderCount(), "the cache cannot see that write");
            try (ResultSet rs = statement.executeQuery("/* cache:admin */ CALL jdbc_cache.invalidate('public.orders')")) {
                assertTrue(rs.next());
                assertEquals("invalidated 1 table(s)", rs.getString("RESULT"));
            }
            assertEquals(3, orderCount());
            plain.execute("insert into orders values (4, 40)");
            plain.getConnection().close();
        }
        assertTrue(statement.execute("/* cache:admin */ call jdbc_cache.invalidate_all();"));
        assertEquals(4, orderCount());
        assertEquals(String.valueOf(2), stats().get("invalidations"), "one explicit table, one invalidate-all");

        statement.execute("/* cache:admin */ CALL jdbc_cache.reset_stats()");
        assertEquals("0", stats().get("hits"));
        assertEquals("0", stats().get("misses"));
    }

    @Test
    void hotAndExpensiveQueriesShowFingerprints() throws SQLException {
        orderCount();
        orderCount();
        orderCount();
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.hot_queries")) {
            assertTrue(rs.next());
            assertEquals("select count(*) from orders", rs.getString("SQL"));
            assertEquals(3, rs.getLong("READS"));
            assertEquals(2, rs.getLong("HITS"));
            assertEquals(1, rs.getLong("MISSES"));
            assertEquals("whole table: ORDERS", rs.getString("FOOTPRINT"));
        }
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.expensive_queries")) {
            assertTrue(rs.next());
            assertTrue(rs.getLong("MISS_NANOS_TOTAL") > 0);
        }
    }

    @Test
    void literalsAreMaskedUnlessShowingThemIsAllowed() throws SQLException {
        statement.executeQuery("select total from orders where id = 2 and total > 1.5e1 and 'x''y' <> 'secret'").close();
        try (ResultSet rs = statement.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.hot_queries")) {
            assertTrue(rs.next());
            assertEquals("select total from orders where id = ? and total > ? and ? <> ?", rs.getString("SQL"));
            assertEquals("by key", rs.getString("FOOTPRINT"));
        }
        assertEquals("select t1.c2 from t1 where a = $1 and b = ? and c = ?",
                Literals.masked("select t1.c2 from t1 where a = $1 and b = E'it''s' and c = $q$dollar 'quoted'$q$"));
    }

    @Test
    void withoutTheOptInTheAdminSqlIsRefusedAndDoesNothing() throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", cacheName); // the same cache, through a user it does not list
        p.setProperty("cache.admin.users", "someone, SA");
        p.setProperty("user", "reader");
        p.setProperty("password", "r");
        statement.execute("create user reader password 'r'");
        statement.execute("grant select on orders to reader");
        orderCount();
        orderCount();
        try (Connection other = DriverManager.getConnection("jdbc:cache:h2:mem:" + cacheName, p);
             Statement s = other.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("/* cache:admin */ CALL jdbc_cache.invalidate_all()"));
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("cache.admin.enabled"), e.getMessage());
            assertEquals("42501", assertThrows(SQLException.class,
                    () -> s.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.hot_queries")).getSQLState());
        }
        long hits = Long.parseLong(stats().get("hits"));
        orderCount();
        assertEquals(hits + 1, Long.parseLong(stats().get("hits")), "the refused call emptied nothing");
    }

    @Test
    void withoutTheAdminCommentTheTextGoesToTheDatabase() {
        SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM jdbc_cache.stats"));
        assertTrue(e.getClass().getName().startsWith("org.h2."), "H2 answered: " + e);
        assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM jdbc_cache.stats /* cache:admin */"));
    }

    @Test
    void anUnknownAdminStatementFailsWithoutReachingTheDatabase() {
        SQLException e = assertThrows(SQLException.class,
                () -> statement.executeQuery("/* cache:admin */ DROP TABLE orders"));
        assertEquals("42000", e.getSQLState());
        assertTrue(e.getMessage().contains("jdbc_cache.stats"), "the message lists what is supported");
        assertEquals("42000", assertThrows(SQLException.class,
                () -> statement.execute("/* cache:admin */ CALL jdbc_cache.invalidate(orders)")).getSQLState());
        assertEquals("42000", assertThrows(SQLException.class,
                () -> statement.execute("/* cache:admin */ SELECT * FROM jdbc_cache.nothing")).getSQLState());
    }
}
