package dev.jdbccache.it.frameworks.spring;

import static dev.jdbccache.it.frameworks.RepeatedReads.assertRepeatsServedFromCacheOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jdbccache.it.frameworks.ShopPool;
import dev.jdbccache.it.frameworks.ShopSuite;
import dev.jdbccache.it.frameworks.Wiring;
import dev.jdbccache.it.frameworks.spring.OrderService.OrderRejected;
import dev.jdbccache.it.frameworks.spring.OrderService.OrderSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Spring's JdbcTemplate and NamedParameterJdbcTemplate with {@code @Transactional} through
 * DataSourceTransactionManager, on a HikariCP pool wired to jdbc-cache in every way a pool can
 * be (docs/recipes.md, "Spring" and "HikariCP").
 */
class SpringJdbcShopTest {

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
    class PoolOverCacheDataSource extends Suite {
        PoolOverCacheDataSource() {
            super(Wiring.POOL_OVER_CACHE_DATA_SOURCE);
        }
    }

    @Nested
    class PoolWithCacheDataSourceClassName extends Suite {
        PoolWithCacheDataSourceClassName() {
            super(Wiring.POOL_WITH_CACHE_DATA_SOURCE_CLASS);
        }
    }

    @Nested
    class CacheDataSourceOverPool extends Suite {
        CacheDataSourceOverPool() {
            super(Wiring.CACHE_DATA_SOURCE_OVER_POOL);
        }
    }

    abstract static class Suite extends ShopSuite {

        private AnnotationConfigApplicationContext context;
        private OrderService orders;

        Suite(Wiring wiring) {
            super(wiring);
        }

        @Override
        protected ShopPool open(Wiring wiring) throws Exception {
            ShopPool shop = ShopPool.open(wiring, "spring");
            try {
                context = new AnnotationConfigApplicationContext();
                context.registerBean(DataSource.class, shop::dataSource);
                context.register(ShopConfig.class);
                context.refresh();
                orders = context.getBean(OrderService.class);
                return shop;
            } catch (RuntimeException e) {
                shop.close();
                throw e;
            }
        }

        @AfterAll
        void closeContext() {
            if (context != null) {
                context.close();
            }
        }

        private static OrderSummary summary(long id, String status, String total) {
            return new OrderSummary(id, status, new BigDecimal(total));
        }

        @Test
        void readOnlyTransaction_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<OrderSummary> ada = assertRepeatsServedFromCacheOnly(pool, () -> orders.ordersOf(1),
                    "orders", "order_line");
            assertEquals(List.of(summary(1, "PAID", "31.25"), summary(2, "NEW", "24.00")), ada);
        }

        @Test
        void namedParameterInList_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<String> names = assertRepeatsServedFromCacheOnly(pool, () -> orders.productNames(List.of(3L, 1L)),
                    "product");
            assertEquals(List.of("Dune", "Mug"), names);
        }

        @Test
        void orderWithGeneratedKeyAndBatchedLines_isSeenByTheNextReadHereAndElsewhere() throws Exception {
            assertEquals(List.of(summary(3, "PAID", "32.00")), orders.ordersOf(2));
            assertEquals(List.of(List.of(0L)), pool.queryElsewhere("select count(*) from order_line where order_id = 101"));

            long id = orders.placeOrder(2, Map.of(1L, 2, 2L, 1));

            assertEquals(101, id);
            assertEquals(List.of(summary(3, "PAID", "32.00"), summary(101, "NEW", "33.00")), orders.ordersOf(2));
            assertEquals(List.of(List.of(2L)), pool.queryElsewhere("select count(*) from order_line where order_id = 101"));
        }

        @Test
        void failedTransactionRollsBack_leavingNeitherUncommittedNorStaleAnswers() throws Exception {
            List<OrderSummary> before = orders.ordersOf(3);
            assertEquals(List.of(summary(4, "NEW", "17.50")), before);
            assertEquals(1, orders.countOrders(3));

            OrderRejected rejected = assertThrows(OrderRejected.class, () -> orders.placeOrderThenFail(3, Map.of(4L, 1)));

            assertEquals(2, rejected.ordersSeen, "inside its transaction the service reads its own insert");
            assertEquals(1, orders.countOrders(3), "the uncommitted count was not kept");
            assertEquals(before, orders.ordersOf(3));
            assertEquals(List.of(List.of(1L)), pool.queryElsewhere("select count(*) from orders where customer_id = 3"));
        }

        @Test
        void quantityChangedWithJdbcTemplate_isSeenThroughTheView() throws Exception {
            assertEquals(List.of(summary(1, "PAID", "31.25"), summary(2, "NEW", "24.00")), orders.ordersOf(1));
            assertEquals(List.of(List.of(new BigDecimal("31.25"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 1L));

            orders.changeQuantity(2, 3);

            assertEquals(List.of(summary(1, "PAID", "43.75"), summary(2, "NEW", "24.00")), orders.ordersOf(1));
            assertEquals(List.of(List.of(new BigDecimal("43.75"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 1L));
        }
    }
}
