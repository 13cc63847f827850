package dev.jdbccache.it.footprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.it.holes.PgSchemaFixture;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random keyed reads and writes of the footprint shapes (DESIGN.md section 8), run one at a time
 * through the cache while a plain connection reads the same database: every read through the
 * cache must equal the plain read that follows it. One thread, every write through the cache:
 * any difference is a footprint that missed a write. The seed is printed; a failure names the
 * step, its statement and both answers.
 *
 * <p>{@code jdbccache.property.cases} sets the reads compared per database (10,000 on H2, a
 * fifth on PostgreSQL by default); {@code jdbccache.property.seed} replays one run.
 */
class FootprintPropertyTest {

    private static final int CASES = Integer.getInteger("jdbccache.property.cases", 10_000);
    private static final long SEED = Long.getLong("jdbccache.property.seed", System.nanoTime());
    private static final int IDS = 40;
    private static final int GROUPS = 6;

    @Test
    void onH2_cachedReadsEqualPlainReads() throws Exception {
        String url = "jdbc:h2:mem:property-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection plain = DriverManager.getConnection(url)) {
            create(plain);
            Properties p = settings("property-h2-" + UUID.randomUUID());
            try (Connection cached = DriverManager.getConnection("jdbc:cache:" + url.substring("jdbc:".length()), p)) {
                run("h2", plain, cached, CASES, "integer");
            }
            plain.createStatement().execute("shutdown");
        }
    }

    @Test
    void onPostgres_cachedReadsEqualPlainReads() throws Exception {
        try (PgSchemaFixture db = new PgSchemaFixture("property")) {
            create(db.admin);
            Properties p = settings("property-pg-" + db.schema);
            String url = "jdbc:cache:" + PgSchemaFixture.PG_URL.substring("jdbc:".length()) + "&currentSchema=" + db.schema;
            try (Connection cached = DriverManager.getConnection(url, p)) {
                run("postgresql", db.admin, cached, Math.max(1, CASES / 5), "int4");
            }
        }
    }

    private static Properties settings(String name) {
        Properties p = new Properties();
        p.setProperty("cache.name", name);
        p.setProperty("cache.ttl", "10m");
        return p;
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table grp_meta (grp int primary key, label varchar(20) not null)");
            s.execute("create table acct (id int primary key, grp int not null references grp_meta (grp), "
                    + "amount int not null, owner_id int)");
            s.execute("create index acct_grp on acct (grp)");
            s.execute("create index acct_owner on acct (owner_id)");
            for (int g = 1; g <= GROUPS + 1; g++) {
                s.execute("insert into grp_meta values (" + g + ", 'g" + g + "')");
            }
            for (int id = 1; id <= IDS / 2; id++) {
                s.execute("insert into acct values (" + id + ", " + (1 + id % GROUPS) + ", " + id * 10 + ", "
                        + (id % 4 == 0 ? "null" : String.valueOf(id % 5)) + ")");
            }
        }
    }

    /** A statement and its values; an {@code int[]} value is bound as an array. */
    private record Step(String sql, Object... values) {
        @Override
        public String toString() {
            List<Object> shown = new ArrayList<>();
            for (Object v : values) {
                shown.add(v instanceof int[] a ? java.util.Arrays.toString(a) : v);
            }
            return sql + " " + shown;
        }
    }

    private void run(String database, Connection plain, Connection cached, int cases, String arrayType) throws SQLException {
        Random random = new Random(SEED);
        System.out.println("footprint property test on " + database + ": seed " + SEED + " (-Djdbccache.property.seed)");
        int compared = 0;
        List<Step> recent = new ArrayList<>();
        for (int i = 0; compared < cases; i++) {
            if (random.nextInt(100) < 25) {
                write(cached, random, arrayType);
            } else {
                // half the reads repeat a recent one: cached, then checked after the writes since
                Step read = !recent.isEmpty() && random.nextInt(100) < 60 ? recent.get(random.nextInt(recent.size())) : read(random);
                recent.add(read);
                if (recent.size() > 24) {
                    recent.remove(0);
                }
                List<String> fromCache = rows(cached, read, arrayType);
                List<String> truth = rows(plain, read, arrayType);
                int step = i;
                assertEquals(truth, fromCache, () -> database + " step " + step + " (seed " + SEED + "): " + read);
                compared++;
            }
        }
        long hits = cached.unwrap(CachingConnection.class).runtime().stats().hits();
        System.out.printf("footprint property test on %s: %d reads compared, %d served from the cache, 0 differences%n",
                database, compared, hits);
        assertTrue(hits * 100 >= 15L * compared, "fewer than 15% of the reads hit: the comparison proved little (" + hits + ")");
    }

    private static Step read(Random r) {
        int id = 1 + r.nextInt(IDS);
        int grp = 1 + r.nextInt(GROUPS + 1);
        return switch (r.nextInt(12)) {
            case 0 -> new Step("select id, grp, amount from acct where id = ?", id);
            case 1 -> new Step("select id, amount from acct where grp = ? order by id", grp);
            case 2 -> new Step("select id, amount from acct where id in (?, ?, ?) order by id", id, 1 + r.nextInt(IDS), 1 + r.nextInt(IDS));
            case 3 -> new Step("select id, amount from acct where id = any(?) order by id",
                    new int[] {id, 1 + r.nextInt(IDS), 1 + r.nextInt(IDS), 1 + r.nextInt(IDS)});
            case 4 -> new Step("select a.id, a.amount, m.label from acct a join grp_meta m on m.grp = a.grp "
                    + "where a.grp = ? order by a.id", grp);
            case 5 -> new Step("select m.label, a.id, a.amount from grp_meta m left join acct a on a.grp = m.grp "
                    + "where m.grp = ? order by a.id", grp);
            case 6 -> new Step("select id, amount from acct where grp = ? or id = ? order by id", grp, id);
            case 7 -> new Step("select count(*), sum(amount) from acct where grp = ?", grp);
            case 8 -> new Step("select id from acct where owner_id = ? and grp = ? order by id", r.nextInt(5), grp);
            case 9 -> new Step("select a.id, b.id from acct a join acct b on b.grp = a.grp where a.id = ? order by b.id", id);
            case 10 -> new Step("select id, amount from acct where amount > ? order by id", r.nextInt(400));
            default -> new Step("select m.label, (select count(*) from acct a where a.grp = m.grp) from grp_meta m "
                    + "where m.grp = ?", grp);
        };
    }

    private static void write(Connection c, Random r, String arrayType) throws SQLException {
        int id = 1 + r.nextInt(IDS);
        int grp = 1 + r.nextInt(GROUPS);
        int op = r.nextInt(13);
        if ((op == 8 || op == 9 || op == 6) && r.nextInt(4) != 0) {
            op = 0; // table-level writes are rarer than keyed ones, or they would empty the cache all the time
        }
        if (op == 11) {
            batch(c, r);
            return;
        }
        if (op == 12) {
            c.setAutoCommit(false);
            try {
                execute(c, writeStep(r, 1 + r.nextInt(IDS), 1 + r.nextInt(GROUPS), r.nextInt(11)));
                execute(c, writeStep(r, 1 + r.nextInt(IDS), 1 + r.nextInt(GROUPS), r.nextInt(11)));
                if (r.nextBoolean()) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } finally {
                c.setAutoCommit(true);
            }
            return;
        }
        execute(c, writeStep(r, id, grp, op));
    }

    private static Step writeStep(Random r, int id, int grp, int op) {
        return switch (op) {
            case 0 -> new Step("update acct set amount = ? where id = ?", r.nextInt(1000), id);
            case 1 -> new Step("update acct set amount = ? where id = ? and grp = ?", r.nextInt(1000), id, grp);
            case 2 -> new Step("update acct set grp = ? where id = ?", grp, id);
            case 3 -> new Step("update acct set grp = ?, owner_id = ? where id in (?, ?)", grp, r.nextInt(5), id, 1 + r.nextInt(IDS));
            case 4 -> new Step("delete from acct where id = ?", id);
            case 5 -> new Step("delete from acct where grp = ? and amount < ?", grp, r.nextInt(300));
            case 6 -> new Step("insert into acct (id, grp, amount, owner_id) select ?, ?, ?, ? from grp_meta "
                    + "where grp = 1 and not exists (select 1 from acct where id = ?)", id, grp, r.nextInt(1000), r.nextInt(5), id);
            case 7 -> new Step("update grp_meta set label = ? where grp = ?", "l" + r.nextInt(100), grp);
            case 8 -> new Step("update acct set amount = amount + 1 where amount > ?", r.nextInt(900));
            case 9 -> new Step("update acct set owner_id = ? where owner_id = ?", r.nextInt(5), r.nextInt(5));
            default -> new Step("delete from acct where id = ? and grp = ?", id, grp);
        };
    }

    /** Inserts of new keys (their absence cached before), in a prepared batch. */
    private static void batch(Connection c, Random r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into acct (id, grp, amount, owner_id) values (?, ?, ?, ?)")) {
            List<Integer> free = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from acct")) {
                List<Integer> used = new ArrayList<>();
                while (rs.next()) {
                    used.add(rs.getInt(1));
                }
                for (int id = 1; id <= IDS; id++) {
                    if (!used.contains(id)) {
                        free.add(id);
                    }
                }
            }
            for (int i = 0; i < Math.min(2, free.size()); i++) {
                ps.setInt(1, free.get(r.nextInt(free.size())));
                ps.setInt(2, 1 + r.nextInt(GROUPS));
                ps.setInt(3, r.nextInt(1000));
                ps.setInt(4, r.nextInt(5));
                ps.addBatch();
            }
            try {
                ps.executeBatch();
            } catch (SQLException duplicate) {
                // two picks of one free key: the batch fails as a whole (autocommit), as it would on any driver
            }
        }
    }

    private static void execute(Connection c, Step step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(step.sql())) {
            bind(c, ps, step, "integer");
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Step step, String arrayType) throws SQLException {
        for (int i = 0; i < step.values().length; i++) {
            Object v = step.values()[i];
            if (v instanceof int[] ints) {
                Integer[] boxed = new Integer[ints.length];
                for (int k = 0; k < ints.length; k++) {
                    boxed[k] = ints[k];
                }
                Array array = c.createArrayOf(arrayType, boxed);
                ps.setArray(i + 1, array);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static List<String> rows(Connection c, Step step, String arrayType) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(step.sql())) {
            bind(c, ps, step, arrayType);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int k = 1; k <= columns; k++) {
                        row.append(rs.getString(k)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
