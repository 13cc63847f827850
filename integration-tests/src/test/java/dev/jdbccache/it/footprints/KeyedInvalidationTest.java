package dev.jdbccache.it.footprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.it.holes.PgSchemaFixture;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row footprints on real PostgreSQL, through each store (two connections of a shared store are
 * two nodes): a keyed write invalidates the results that read its rows and leaves the others
 * cached. That a result stayed cached is proven on the database side: the row is changed behind
 * the cache's back, and the cached (old) value still comes back, so the database did not run the
 * read again. That a result was invalidated is proven by the new value coming back.
 */
class KeyedInvalidationTest {

    private PgSchemaFixture db;

    @BeforeEach
    void schema() throws SQLException {
        db = new PgSchemaFixture("footprints",
                "create table item (id int primary key, title text, price int)",
                "create table review (id int primary key, item_id int not null references item (id), "
                        + "user_id int not null, rating int)",
                "create index review_user on review (user_id)",
                "insert into item select g, 'item ' || g, 10 * g from generate_series(1, 5) g",
                "insert into review select g, 1 + g % 5, 100 + g % 3, g % 5 from generate_series(1, 30) g");
    }

    @AfterEach
    void drop() throws SQLException {
        db.close();
    }

    private static long one(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, values)) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, values)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        return ps;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis", "tiered"})
    void anUpdateByPrimaryKey_leavesOtherKeysCached_andInvalidatesItsOwn(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String byId = "select price from item where id = ?";
            assertEquals(10, one(reader, byId, 1));
            assertEquals(20, one(reader, byId, 2));
            db.outside("update item set price = 999 where id = 2"); // behind the cache's back

            assertEquals(1, update(writer, "update item set price = ? where id = ?", 11, 1));

            assertEquals(11, one(reader, byId, 1), "the written key");
            assertEquals(20, one(reader, byId, 2), "another key, still served from the cache");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis", "tiered"})
    void anUpdateThatMovesARowToAnotherForeignKey_invalidatesBothValuesReaders(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String count = "select count(*) from review where item_id = ?";
            long onTwo = one(reader, count, 2);
            long onThree = one(reader, count, 3);
            long review = one(reader, "select id from review where item_id = ? order by id limit 1", 2);

            update(writer, "update review set item_id = ? where id = ?", 3, review);

            assertEquals(onTwo - 1, one(reader, count, 2), "the old value's readers lose the row");
            assertEquals(onThree + 1, one(reader, count, 3), "the new value's readers gain it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis", "tiered"})
    void insertsOfNewKeys_andDeletesByForeignKey_turnEmptyResultsAndBack(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String byId = "select rating from review where id = ?";
            String byUser = "select count(*) from review where user_id = ?";
            assertEquals(-1, one(reader, byId, 500));
            assertEquals(0, one(reader, byUser, 777));
            assertEquals(10, one(reader, byUser, 100));

            update(writer, "insert into review (id, item_id, user_id, rating) values (?, ?, ?, ?)", 500, 1, 777, 4);
            assertEquals(4, one(reader, byId, 500), "an empty result became non-empty");
            assertEquals(1, one(reader, byUser, 777));

            update(writer, "delete from review where user_id = ?", 777);
            assertEquals(-1, one(reader, byId, 500), "deleted by a foreign-key-like column");
            assertEquals(0, one(reader, byUser, 777));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis", "tiered"})
    void inAndAnyLists_areCached_andInvalidatedByAnyOfTheirKeys(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String in = "select sum(price) from item where id in (?, ?)";
            String any = "select sum(price) from item where id = any(?)";
            assertEquals(30, one(reader, in, 1, 2));
            assertEquals(70, anySum(reader, any, 3, 4));
            db.outside("update item set price = 0 where id = 4"); // behind the cache's back
            assertEquals(70, anySum(reader, any, 3, 4), "an array parameter is cached");

            update(writer, "update item set price = ? where id = ?", 12, 2);
            assertEquals(22, one(reader, in, 1, 2));
            assertEquals(70, anySum(reader, any, 3, 4), "no key of the list was written");

            update(writer, "update item set price = ? where id = ?", 31, 3);
            assertEquals(31, anySum(reader, any, 3, 4));
        }
    }

    private static long anySum(Connection c, String sql, Integer... ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("int4", ids);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis", "tiered"})
    void joinsPinnedThroughEqualities_andOuterJoins_followBothTables(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String join = "select i.title, count(r.id) from item i join review r on r.item_id = i.id "
                    + "where i.id = ? group by i.title";
            String outer = "select i.title, count(r.id) from item i left join review r on r.item_id = i.id "
                    + "where i.id = ? group by i.title";
            List<String> before2 = rows(reader, join, 2);
            List<String> outer5 = rows(reader, outer, 5);
            rows(reader, join, 3);
            db.outside("update item set title = 'changed behind' where id = 3");

            update(writer, "update item set title = ? where id = ?", "two", 2);
            List<String> after2 = rows(reader, join, 2);
            assertNotEquals(before2, after2);
            assertTrue(after2.stream().allMatch(r -> r.startsWith("two|")), after2::toString);
            List<String> still3 = rows(reader, join, 3);
            assertTrue(still3.stream().allMatch(r -> r.startsWith("item 3|")), () -> "item 3 untouched: cached " + still3);

            update(writer, "insert into review (id, item_id, user_id, rating) values (?, ?, ?, ?)", 600, 5, 101, 1);
            assertNotEquals(outer5, rows(reader, outer, 5));
        }
    }

    private static List<String> rows(Connection c, String sql, Object value) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = prepared(c, sql, value)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void setIntSetLongAndSetBigDecimal_nameOneKey(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String byId = "select price from item where id = ?";
            try (PreparedStatement ps = reader.prepareStatement(byId)) {
                ps.setInt(1, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(40, rs.getLong(1));
                }
            }
            try (PreparedStatement ps = writer.prepareStatement("update item set price = ? where id = ?")) {
                ps.setInt(1, 41);
                ps.setLong(2, 4L);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = reader.prepareStatement(byId)) {
                ps.setInt(1, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(41, rs.getLong(1));
                }
            }
            update(writer, "update item set price = ? where id = ?", 42, new java.math.BigDecimal("4"));
            assertEquals(42, one(reader, byId, 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void insideATransaction_onlyTheKeysItWroteBypass(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            String byId = "select price from item where id = ?";
            one(c, byId, 1);
            one(c, byId, 2);
            db.outside("update item set price = 777 where id = 2");
            c.setAutoCommit(false);
            update(c, "update item set price = ? where id = ?", 13, 1);
            assertEquals(13, one(c, byId, 1), "its own write, read from the database");
            assertEquals(20, one(c, byId, 2), "a key it did not write: still the cache's");
            c.rollback();
            assertEquals(10, one(c, byId, 1));
        }
    }

    @org.junit.jupiter.api.Test
    void aNodeWithOtherFootprintSettings_stillInvalidatesTheOtherNodesKeyedEntries() throws SQLException {
        try (Connection a = db.open("redis"); Connection b = db.open("redis", "cache.footprints.buckets", "1024")) {
            String byId = "select price from item where id = ?";
            for (int id = 1; id <= 5; id++) {
                assertEquals(10L * id, one(a, byId, id)); // node a records its settings first
            }
            assertEquals(30, one(b, byId, 3)); // node b finds other settings
            for (int id = 1; id <= 5; id++) {
                // with other buckets, a keyed write would bump another tag (3 in 4 keys): it invalidates everything
                update(b, "update item set price = ? where id = ?", 10 * id + 1, id);
                assertEquals(10L * id + 1, one(a, byId, id), "node b's write of key " + id + " reached node a's entry");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aVarcharWithALength_isNoPartitionColumn_forItTrimsTheSpacesOfAnInsertedValue() throws SQLException {
        db.outside("create table login (id int primary key, username varchar(8) unique)");
        try (Connection c = db.open("local")) {
            String byName = "select id from login where username = ?";
            assertEquals(-1, one(c, byName, "bob     ")); // 8 characters: cached as empty
            assertEquals(-1, one(c, byName, "bob     "));
            update(c, "insert into login (id, username) values (?, ?)", 1, "bob      "); // 9: stored as the 8 above
            assertEquals(1, one(c, byName, "bob     "));
        }
    }

    @org.junit.jupiter.api.Test
    void truncateCascade_invalidatesTheTablesThatReferToTheTruncatedOne() throws SQLException {
        try (Connection c = db.open("local")) {
            String count = "select count(*) from review where item_id = ?";
            assertTrue(one(c, count, 1) > 0);
            assertTrue(one(c, count, 1) > 0);
            PgSchemaFixture.run(c, "truncate item cascade"); // review refers to item with no ON DELETE rule
            assertEquals(0, one(c, count, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void writesWithoutPins_andBatches_stillInvalidateWhatTheyTouch(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            String byId = "select price from item where id = ?";
            assertEquals(50, one(reader, byId, 5));
            update(writer, "update item set price = price + 1 where title = ?", "item 5");
            assertEquals(51, one(reader, byId, 5), "no pin: table-level");

            assertEquals(30, one(reader, byId, 3));
            try (PreparedStatement ps = writer.prepareStatement("update item set price = ? where id = ?")) {
                ps.setInt(1, 33);
                ps.setInt(2, 3);
                ps.addBatch();
                ps.setInt(1, 44);
                ps.setInt(2, 4);
                ps.addBatch();
                ps.executeBatch();
            }
            assertEquals(33, one(reader, byId, 3), "a batch's keys");
            assertEquals(44, one(reader, byId, 4));

            assertTrue(one(reader, "select count(*) from review where item_id = ?", 1) > 0);
            writer.createStatement().execute("delete from review where id in (5, 10, 15, 20, 25, 30)");
            assertEquals(0, one(reader, "select count(*) from review where item_id = ?", 1));
        }
    }
}
