package dev.jdbccache.bench.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * A review site's schema and one client of its workload, written for the row-footprint
 * benchmark: users, items, reviews and trust between users; reads by item, by user, and by item
 * and user (95%), keyed updates of each table (the rest, split evenly: a user's name, an item's
 * title, a review's rating, a trust value). Items and users are drawn from Zipf samplers.
 *
 * <p>Not thread-safe: one instance per worker thread.
 */
final class ReviewSite implements AutoCloseable {

    /** The reads and writes, each with its weight in a hundred operations at a 95% read ratio. */
    enum Operation {
        REVIEWS_OF_ITEM("select * from review r, item i where i.i_id = r.i_id and r.i_id = ? "
                + "order by r.rating desc, r.a_id limit 10"),
        REVIEWS_BY_USER("select * from review r, useracct u where u.u_id = r.u_id and r.u_id = ? "
                + "order by r.rating desc, r.a_id limit 10"),
        ITEM_AVERAGE("select avg(rating) from review r where r.i_id = ?"),
        TRUSTED_AVERAGE("select avg(rating) from review r, trust t where r.u_id = t.target_u_id and r.i_id = ? "
                + "and t.source_u_id = ?"),
        USER_BY_ID("select * from useracct where u_id = ?"),
        ITEM_BY_ID("select * from item where i_id = ?"),
        UPDATE_USER("update useracct set name = ? where u_id = ?"),
        UPDATE_ITEM("update item set title = ? where i_id = ?"),
        UPDATE_REVIEW("update review set rating = ? where i_id = ? and u_id = ?"),
        UPDATE_TRUST("update trust set trust = ? where source_u_id = ? and target_u_id = ?");

        final String sql;

        Operation(String sql) {
            this.sql = sql;
        }

        boolean isWrite() {
            return name().startsWith("UPDATE_");
        }
    }

    static final int USERS = 5_000;
    static final int ITEMS = 2_000;
    static final int REVIEWS_PER_ITEM = 10;
    static final int TRUST_PER_USER = 5;

    /** Creates and fills the tables on PostgreSQL (server-side, same rows every time). */
    static void loadOnPostgres(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table useracct (u_id int primary key, name varchar(128) not null)");
            s.execute("create table item (i_id int primary key, title varchar(128) not null)");
            s.execute("create table review (a_id int not null, u_id int not null references useracct (u_id), "
                    + "i_id int not null references item (i_id), rating int not null, rank int)");
            s.execute("create index review_u on review (u_id)");
            s.execute("create index review_i on review (i_id)");
            s.execute("create table trust (source_u_id int not null references useracct (u_id), "
                    + "target_u_id int not null references useracct (u_id), trust int not null)");
            s.execute("create index trust_s on trust (source_u_id)");
            s.execute("create index trust_t on trust (target_u_id)");
            s.execute("insert into useracct select g, 'user ' || g from generate_series(1, " + USERS + ") g");
            s.execute("insert into item select g, 'item ' || g from generate_series(1, " + ITEMS + ") g");
            // review g: item 1 + g % ITEMS, user from a hash; one review per (item, user) pair
            s.execute("insert into review select distinct on (i, u) g, u, i, 1 + (hashint4(g) & 2147483647) % 5, 0 from ("
                    + "select g, 1 + g % " + ITEMS + " as i, 1 + (hashint4(-g) & 2147483647) % " + USERS + " as u "
                    + "from generate_series(1, " + ITEMS * REVIEWS_PER_ITEM + ") g) x");
            s.execute("insert into trust select distinct on (s, t) s, t, (hashint4(s * 7 + t) & 1) from ("
                    + "select 1 + g % " + USERS + " as s, 1 + (hashint4(g) & 2147483647) % " + USERS + " as t "
                    + "from generate_series(1, " + USERS * TRUST_PER_USER + ") g) x where s <> t");
            s.execute("analyze");
        }
    }

    private final Connection connection;
    private final ZipfSampler items;
    private final ZipfSampler users;
    private final double writeShare;
    private final IdealHits ideal;
    private final Pairs pairs;
    private final Random random;
    private final PreparedStatement[] statements = new PreparedStatement[Operation.values().length];
    private long sink;

    ReviewSite(Connection connection, ZipfSampler items, ZipfSampler users, double writeShare, IdealHits ideal, Pairs pairs,
            long seed) throws SQLException {
        this.pairs = pairs;
        this.connection = connection;
        this.items = items;
        this.users = users;
        this.writeShare = writeShare;
        this.ideal = ideal;
        this.random = new Random(seed);
        for (Operation op : Operation.values()) {
            statements[op.ordinal()] = connection.prepareStatement(op.sql);
        }
    }

    /** One operation; returns which. */
    Operation step() throws SQLException {
        int item = items.next(random);
        int user = users.next(random);
        if (random.nextDouble() < writeShare) {
            Operation op = Operation.values()[Operation.UPDATE_USER.ordinal() + random.nextInt(4)];
            PreparedStatement ps = statements[op.ordinal()];
            switch (op) {
                case UPDATE_USER -> bind(ps, "user " + user + " v" + random.nextInt(1000), user);
                case UPDATE_ITEM -> bind(ps, "item " + item + " v" + random.nextInt(1000), item);
                case UPDATE_REVIEW -> bind(ps, 1 + random.nextInt(5), item, pick(pairs.reviewers()[item], user));
                default -> bind(ps, random.nextInt(2), user, pick(pairs.trusted()[user], item));
            }
            ps.executeUpdate();
            return op;
        }
        Operation op = Operation.values()[random.nextInt(Operation.UPDATE_USER.ordinal())];
        PreparedStatement ps = statements[op.ordinal()];
        long key;
        switch (op) {
            case REVIEWS_OF_ITEM, ITEM_AVERAGE, ITEM_BY_ID -> {
                bind(ps, item);
                key = item;
            }
            case REVIEWS_BY_USER, USER_BY_ID -> {
                bind(ps, user);
                key = user;
            }
            default -> {
                bind(ps, item, user);
                key = (long) item * (USERS + 1) + user;
            }
        }
        ideal.read(new IdealHits.Key(op, key), drain(ps));
        return op;
    }

    /** One of {@code candidates} (chosen by {@code salt}), or 0 (no row) when there are none. */
    private static int pick(int[] candidates, int salt) {
        return candidates == null || candidates.length == 0 ? 0 : candidates[Math.floorMod(salt, candidates.length)];
    }

    /** Who reviewed each item and whom each user trusts, read once after loading: updates then change real rows. */
    record Pairs(int[][] reviewers, int[][] trusted) {
        static Pairs read(Connection c) throws SQLException {
            return new Pairs(group(c, "select i_id, u_id from review", ITEMS), group(c, "select source_u_id, target_u_id from trust", USERS));
        }

        private static int[][] group(Connection c, String sql, int keys) throws SQLException {
            java.util.List<java.util.List<Integer>> lists = new java.util.ArrayList<>();
            for (int i = 0; i <= keys; i++) {
                lists.add(new java.util.ArrayList<>());
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    lists.get(rs.getInt(1)).add(rs.getInt(2));
                }
            }
            int[][] result = new int[keys + 1][];
            for (int i = 0; i <= keys; i++) {
                result[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            return result;
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private long drain(PreparedStatement ps) throws SQLException {
        long hash = 17;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    int h = value == null ? 0 : value.hashCode();
                    sink += h;
                    hash = hash * 1_000_003 + h;
                }
            }
        }
        return hash;
    }

    long sink() {
        return sink;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
