package dev.jdbccache.it.frameworks.jooq;

import static dev.jdbccache.it.frameworks.RepeatedReads.assertRepeatsServedFromCacheOnly;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jdbccache.it.frameworks.ShopPool;
import dev.jdbccache.it.frameworks.ShopSuite;
import dev.jdbccache.it.frameworks.Wiring;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** jOOQ 3.19, {@code DSL.using(dataSource, SQLDialect.POSTGRES)} on a HikariCP pool (docs/recipes.md, "jOOQ"). */
class JooqShopTest {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Table<?> CUSTOMER = table(name("customer"));
    private static final Field<Long> CUSTOMER_ID = field(name("customer", "id"), Long.class);
    private static final Field<String> CUSTOMER_NAME = field(name("customer", "name"), String.class);
    private static final Field<String> CUSTOMER_EMAIL = field(name("customer", "email"), String.class);
    private static final Table<?> ORDERS = table(name("orders"));
    private static final Field<Long> ORDER_ID = field(name("orders", "id"), Long.class);
    private static final Field<Long> ORDER_CUSTOMER = field(name("orders", "customer_id"), Long.class);
    private static final Table<?> LINE = table(name("order_line"));
    private static final Field<Long> LINE_ORDER = field(name("order_line", "order_id"), Long.class);
    private static final Field<Long> LINE_PRODUCT = field(name("order_line", "product_id"), Long.class);
    private static final Field<Integer> LINE_QUANTITY = field(name("order_line", "quantity"), Integer.class);
    private static final Field<BigDecimal> LINE_PRICE = field(name("order_line", "unit_price"), BigDecimal.class);
    private static final Table<?> ORDER_TOTAL = table(name("order_total"));
    private static final Field<Long> TOTAL_ORDER = field(name("order_total", "order_id"), Long.class);
    private static final Field<BigDecimal> TOTAL = field(name("order_total", "total"), BigDecimal.class);

    @Nested
    class PlainUrl extends Suite {
        PlainUrl() {
            super(Wiring.PLAIN_URL);
        }
    }

    @Nested
    class CacheUrl extends Suite {
        CacheUrl() {
            super(Wiring.CACHE_URL);
        }
    }

    @Nested
    class PoolWithCacheDataSourceClassName extends Suite {
        PoolWithCacheDataSourceClassName() {
            super(Wiring.POOL_WITH_CACHE_DATA_SOURCE_CLASS);
        }
    }

    abstract static class Suite extends ShopSuite {

        private DSLContext dsl;

        Suite(Wiring wiring) {
            super(wiring);
        }

        @Override
        protected ShopPool open(Wiring wiring) throws Exception {
            ShopPool shop = ShopPool.open(wiring, "jooq");
            dsl = DSL.using(shop.dataSource(), SQLDialect.POSTGRES);
            return shop;
        }

        private BigDecimal total(long orderId) {
            return dsl.select(TOTAL).from(ORDER_TOTAL).where(TOTAL_ORDER.eq(orderId)).fetchOne(TOTAL);
        }

        private long linesOf(long orderId) {
            return dsl.fetchCount(LINE, LINE_ORDER.eq(orderId));
        }

        @Test
        void joinWithAggregate_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<String> orderCounts = assertRepeatsServedFromCacheOnly(pool, () -> dsl
                    .select(CUSTOMER_NAME, count(ORDER_ID)).from(CUSTOMER)
                    .leftJoin(ORDERS).on(ORDER_CUSTOMER.eq(CUSTOMER_ID))
                    .groupBy(CUSTOMER_NAME).orderBy(CUSTOMER_NAME)
                    .fetch(r -> r.value1() + "=" + r.value2()), "customer", "orders");
            assertEquals(List.of("Ada=2", "Brian=1", "Chen=1"), orderCounts);
        }

        @Test
        void insertReturningTheId_isSeenByTheNextReadHereAndElsewhere() throws Exception {
            assertEquals(List.of(), dsl.select(CUSTOMER_NAME).from(CUSTOMER)
                    .where(CUSTOMER_EMAIL.eq("dora@example.com")).fetch(CUSTOMER_NAME));
            assertEquals(List.of(List.of(3L)), pool.queryElsewhere("select count(*) from customer"));

            Long id = dsl.insertInto(CUSTOMER, CUSTOMER_NAME, CUSTOMER_EMAIL).values("Dora", "dora@example.com")
                    .returningResult(CUSTOMER_ID).fetchOne().value1();

            assertEquals(101L, id);
            assertEquals(List.of("Dora"), dsl.select(CUSTOMER_NAME).from(CUSTOMER)
                    .where(CUSTOMER_EMAIL.eq("dora@example.com")).fetch(CUSTOMER_NAME));
            assertEquals(List.of(List.of(4L)), pool.queryElsewhere("select count(*) from customer"));
        }

        @Test
        void updateWithAnExpression_isSeenThroughTheView() throws Exception {
            assertEquals(new BigDecimal("17.50"), total(4));
            assertEquals(List.of(List.of(new BigDecimal("17.50"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 4L));

            assertEquals(1, dsl.update(LINE).set(LINE_QUANTITY, LINE_QUANTITY.plus(1)).where(LINE_ORDER.eq(4L)).execute());

            assertEquals(new BigDecimal("19.25"), total(4));
            assertEquals(List.of(List.of(new BigDecimal("19.25"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 4L));
        }

        @Test
        void batchOfInserts_isSeenInFull() throws Exception {
            assertEquals(1, linesOf(2));
            assertEquals(new BigDecimal("24.00"), total(2));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));

            int[] counts = dsl.batch(dsl.insertInto(LINE, LINE_ORDER, LINE_PRODUCT, LINE_QUANTITY, LINE_PRICE)
                            .values((Long) null, null, null, null))
                    .bind(2L, 1L, 1, new BigDecimal("12.50"))
                    .bind(2L, 3L, 2, new BigDecimal("6.25"))
                    .bind(2L, 4L, 4, new BigDecimal("1.75"))
                    .execute();

            assertArrayEquals(new int[] {1, 1, 1}, counts);
            assertEquals(4, linesOf(2));
            assertEquals(new BigDecimal("56.00"), total(2));
            assertEquals(List.of(List.of(10L)), pool.queryElsewhere("select count(*) from order_line"));
        }

        @Test
        void cascadingDeleteInsideAFailedTransaction_isSeenInsideAndUndoneAfter() throws Exception {
            assertEquals(1, linesOf(4));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));

            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> dsl.transaction(trx -> {
                assertEquals(1, trx.dsl().deleteFrom(ORDERS).where(ORDER_ID.eq(4L)).execute());
                throw new IllegalStateException("lines left: " + trx.dsl().fetchCount(LINE, LINE_ORDER.eq(4L)));
            }));

            assertEquals("lines left: 0", failure.getMessage(), "inside, the cascade removed the lines");
            assertEquals(1, linesOf(4));
            assertEquals(new BigDecimal("17.50"), total(4));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));
        }
    }
}
