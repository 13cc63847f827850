package dev.jdbccache.bench.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/**
 * One client of the read-mostly catalogue workload: a connection with its prepared statements,
 * executing one operation per {@link #step}, chosen by the {@link OperationMix}: product by
 * primary key (checked for stale reads), product joined with its category, average rating of a
 * product's reviews, the ten most expensive products of a category, or a write (autocommit): an
 * order, a review, or a price change ({@code update product set version = version + 1, ...}).
 * Products are drawn from the shared Zipf sampler; a category is that of a drawn product. Every
 * result is read to the end, as an application would.
 *
 * <p>Not thread-safe: one instance per worker thread.
 */
final class Workload implements AutoCloseable {
    private static final String PRODUCT_BY_ID = "select id, category_id, name, price, version from product where id = ?";
    private static final String PRODUCT_WITH_CATEGORY = "select p.id, p.name, p.price, c.id, c.name"
            + " from product p join category c on c.id = p.category_id where p.id = ?";
    private static final String AVERAGE_RATING = "select count(*), avg(rating) from review where product_id = ?";
    private static final String TOP_IN_CATEGORY = "select id, name, price from product"
            + " where category_id = ? order by price desc, id limit 10";
    private static final String CATEGORY_REPORT = "select c.id, c.name, count(*), avg(p.price), max(p.price)"
            + " from product p join category c on c.id = p.category_id group by c.id, c.name order by c.id";
    private static final String UPDATE_PRODUCT = "update product set version = version + 1, price = ? where id = ?";
    private static final String PLACE_ORDER = "insert into orders (product_id, quantity) values (?, ?)";
    private static final String ADD_REVIEW = "insert into review (product_id, rating, body) values (?, ?, 'new review')";

    private final Connection connection;
    private final OperationMix mix;
    private final ZipfSampler products;
    private final StaleReadChecker checker;
    private final IdealHits ideal;
    private final Random random;
    private final PreparedStatement productById;
    private final PreparedStatement productWithCategory;
    private final PreparedStatement averageRating;
    private final PreparedStatement topInCategory;
    private final PreparedStatement categoryReport;
    private final PreparedStatement updateProduct;
    private final PreparedStatement placeOrder;
    private final PreparedStatement addReview;
    private long sink;

    Workload(Connection connection, OperationMix mix, ZipfSampler products, StaleReadChecker checker, IdealHits ideal,
            long seed) throws SQLException {
        this.connection = connection;
        this.mix = mix;
        this.products = products;
        this.checker = checker;
        this.ideal = ideal;
        this.random = new Random(seed);
        connection.setAutoCommit(true);
        productById = connection.prepareStatement(PRODUCT_BY_ID);
        productWithCategory = connection.prepareStatement(PRODUCT_WITH_CATEGORY);
        averageRating = connection.prepareStatement(AVERAGE_RATING);
        topInCategory = connection.prepareStatement(TOP_IN_CATEGORY);
        categoryReport = connection.prepareStatement(CATEGORY_REPORT);
        updateProduct = connection.prepareStatement(UPDATE_PRODUCT);
        placeOrder = connection.prepareStatement(PLACE_ORDER);
        addReview = connection.prepareStatement(ADD_REVIEW);
    }

    /** Runs one operation and says which. */
    OperationMix.Operation step() throws SQLException {
        OperationMix.Operation operation = mix.pick(random);
        int product = products.next(random);
        switch (operation) {
            case PRODUCT_BY_ID -> readProductById(product);
            case PRODUCT_WITH_CATEGORY -> ideal.read(new IdealHits.Key(operation, product), drain(productWithCategory, product));
            case AVERAGE_RATING -> ideal.read(new IdealHits.Key(operation, product), drain(averageRating, product));
            case TOP_IN_CATEGORY -> ideal.read(new IdealHits.Key(operation, Catalogue.categoryOf(product)),
                    drain(topInCategory, Catalogue.categoryOf(product)));
            case CATEGORY_REPORT -> ideal.read(new IdealHits.Key(operation, 0), drainAll(categoryReport));
            case UPDATE_PRODUCT -> write(product);
            case PLACE_ORDER -> insert(placeOrder, product, 1 + random.nextInt(3));
            case ADD_REVIEW -> insert(addReview, product, 1 + random.nextInt(5));
        }
        return operation;
    }

    private void readProductById(int product) throws SQLException {
        long expected = checker.expectedVersion(product);
        productById.setInt(1, product);
        try (ResultSet rows = productById.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("product " + product + " is missing");
            }
            long hash = consume(rows, 17);
            checker.check(expected, rows.getLong(5));
            ideal.read(new IdealHits.Key(OperationMix.Operation.PRODUCT_BY_ID, product), hash);
        }
    }

    /** Reads every row; returns a hash of the whole result (for {@link IdealHits}). */
    private long drain(PreparedStatement query, int parameter) throws SQLException {
        query.setInt(1, parameter);
        return drainAll(query);
    }

    private long drainAll(PreparedStatement query) throws SQLException {
        long hash = 17;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                hash = consume(rows, hash);
            }
        }
        return hash;
    }

    private long consume(ResultSet rows, long hash) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
            Object value = rows.getObject(i);
            int h = value == null ? 0 : value.hashCode();
            sink += h;
            hash = hash * 1_000_003 + h;
        }
        return hash;
    }

    private void write(int product) throws SQLException {
        updateProduct.setBigDecimal(1, Catalogue.randomPrice(random));
        updateProduct.setInt(2, product);
        if (updateProduct.executeUpdate() != 1) {
            throw new IllegalStateException("update of product " + product + " changed no row");
        }
        checker.committed(product);
    }

    private static void insert(PreparedStatement insert, int product, int amount) throws SQLException {
        insert.setInt(1, product);
        insert.setInt(2, amount);
        if (insert.executeUpdate() != 1) {
            throw new IllegalStateException("insert for product " + product + " changed no row");
        }
    }

    Connection connection() {
        return connection;
    }

    /** A value derived from everything read, so that reading cannot be optimised away. */
    long sink() {
        return sink;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
