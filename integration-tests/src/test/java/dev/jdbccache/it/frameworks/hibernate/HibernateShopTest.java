package dev.jdbccache.it.frameworks.hibernate;

import static dev.jdbccache.it.frameworks.RepeatedReads.assertRepeatsServedFromCacheOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jdbccache.it.frameworks.ShopDatabase;
import dev.jdbccache.it.frameworks.ShopPool;
import dev.jdbccache.it.frameworks.ShopSuite;
import dev.jdbccache.it.frameworks.Wiring;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hibernate ORM 7 without Spring, its HikariCP pool configured by {@code hibernate.connection.url}
 * alone (docs/recipes.md, "Hibernate"); Hibernate's second-level and query caches off, batch
 * fetching on (its array parameters are cached like any other).
 */
class HibernateShopTest {

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

    /** The configuration of docs/recipes.md: the URL is the only thing that differs. */
    static EntityManagerFactory entityManagerFactory(Wiring wiring, ShopDatabase db, String cacheName) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("shop")
                .managedClasses(Customer.class, Product.class, PurchaseOrder.class, OrderLine.class)
                .jdbcUrl(wiring.jdbcUrl(db))
                .property(AvailableSettings.CONNECTION_PROVIDER, "hikari")
                .property("hibernate.hikari.maximumPoolSize", String.valueOf(ShopPool.SIZE))
                .property(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .property(AvailableSettings.USE_QUERY_CACHE, false)
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 20)
                // batch fetches: on PostgreSQL Hibernate 7 binds the keys as one array, "id = any(?)"
                .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 16)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true);
        if (wiring.caches()) {
            config.property("hibernate.hikari.dataSource.cache.name", cacheName);
        }
        return config.createEntityManagerFactory();
    }

    abstract static class Suite extends ShopSuite {

        private EntityManagerFactory emf;

        Suite(Wiring wiring) {
            super(wiring);
        }

        @Override
        protected ShopPool open(Wiring wiring) throws Exception {
            ShopDatabase db = ShopDatabase.create("hibernate");
            String cacheName = ShopPool.cacheName("hibernate", wiring);
            try {
                emf = entityManagerFactory(wiring, db, cacheName);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            DataSource hikari = emf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(ConnectionProvider.class).unwrap(DataSource.class);
            return new ShopPool(wiring, db, cacheName, hikari, emf::close);
        }

        private <T> T read(Function<EntityManager, T> work) {
            try (EntityManager em = emf.createEntityManager()) {
                return work.apply(em);
            }
        }

        private long count(String jpql) {
            return read(em -> em.createQuery(jpql, Long.class).getSingleResult());
        }

        private long nativeCount(String sql) {
            return read(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
        }

        private BigDecimal viewTotal(long orderId) {
            return read(em -> (BigDecimal) em.createNativeQuery("select total from order_total where order_id = ?1")
                    .setParameter(1, orderId).getSingleResult());
        }

        @Test
        void jpqlAggregateOverJoins_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<String> revenue = assertRepeatsServedFromCacheOnly(pool, () -> read(em -> em.createQuery(
                    "select c.name, sum(l.quantity * l.unitPrice) from OrderLine l join l.order o join o.customer c"
                            + " group by c.name order by c.name", Object[].class)
                    .getResultStream().map(r -> r[0] + "=" + r[1]).toList()), "order_line", "orders", "customer");
            assertEquals(List.of("Ada=55.25", "Brian=32.00", "Chen=17.50"), revenue);
        }

        @Test
        void criteriaQueryPage_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<String> page = assertRepeatsServedFromCacheOnly(pool, () -> read(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Product> q = cb.createQuery(Product.class);
                Root<Product> p = q.from(Product.class);
                q.where(cb.gt(p.get("price"), new BigDecimal("2.00"))).orderBy(cb.asc(p.get("name")));
                return em.createQuery(q).setFirstResult(1).setMaxResults(2)
                        .getResultStream().map(Product::getName).toList();
            }), "product");
            assertEquals(List.of("Emma", "Mug"), page);
        }

        @Test
        void lazyLinesLoadOnFirstAccess_andRepeatedLoadsComeFromTheCache() throws Exception {
            List<String> lines = assertRepeatsServedFromCacheOnly(pool, () -> read(em -> {
                PurchaseOrder order = em.find(PurchaseOrder.class, 1L);
                assertFalse(Hibernate.isInitialized(order.getLines()), "lines are lazy");
                return order.getLines().stream().map(l -> l.getProduct().getSku() + " x" + l.getQuantity()).toList();
            }), "orders", "order_line", "product");
            assertEquals(List.of("BOOK-1 x2", "MUG-1 x1"), lines);
        }

        @Test
        void quantityChangedThroughTheEntity_isSeenThroughTheViewByNativeQueryAndElsewhere() throws Exception {
            assertEquals(new BigDecimal("31.25"), viewTotal(1));
            assertEquals(List.of(List.of(new BigDecimal("31.25"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 1L));

            emf.runInTransaction(em -> em.find(OrderLine.class, 2L).setQuantity(3));

            assertEquals(new BigDecimal("43.75"), viewTotal(1));
            assertEquals(List.of(List.of(new BigDecimal("43.75"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 1L));
        }

        @Test
        void batchedLineInserts_underAnIdentityOrder_areAllSeenAfterCommit() throws Exception {
            String linesOfBrian = "select count(l) from OrderLine l where l.order.customer.id = 2";
            assertEquals(3L, count(linesOfBrian));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));

            List<Long> ids = emf.callInTransaction(em -> {
                PurchaseOrder order = new PurchaseOrder(em.getReference(Customer.class, 2L), LocalDate.of(2024, 4, 1), "NEW");
                for (long product = 1; product <= 4; product++) {
                    order.addLine(em.find(Product.class, product), (int) product);
                }
                em.persist(order);
                em.flush();
                return Stream.concat(Stream.of(order.getId()),
                        order.getLines().stream().map(OrderLine::getId)).toList();
            });

            assertEquals(List.of(101L, 101L, 102L, 103L, 104L), ids, "order id, then line ids from the sequence");
            assertEquals(7L, count(linesOfBrian));
            assertEquals(new BigDecimal("54.25"), viewTotal(101));
            assertEquals(List.of(List.of(11L)), pool.queryElsewhere("select count(*) from order_line"));
        }

        @Test
        void bulkDeleteOfAnOrder_removesItsLinesThroughTheCascadingForeignKey() throws Exception {
            String linesOfOrder3 = "select count(*) from order_line where order_id = 3";
            assertEquals(3L, nativeCount(linesOfOrder3));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L)),
                    pool.queryElsewhere("select order_id from order_total order by order_id"));

            int deleted = emf.callInTransaction(em -> em.createQuery("delete from PurchaseOrder o where o.id = 3")
                    .executeUpdate());

            assertEquals(1, deleted);
            assertEquals(0L, nativeCount(linesOfOrder3));
            assertEquals(List.of(List.of(4L)), pool.queryElsewhere("select count(*) from order_line"));
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(4L)),
                    pool.queryElsewhere("select order_id from order_total order by order_id"));
        }

        @Test
        void staleVersionLosesTheOptimisticLock_andAFreshReadSeesTheWinner() {
            try (EntityManager first = emf.createEntityManager(); EntityManager second = emf.createEntityManager()) {
                first.getTransaction().begin();
                second.getTransaction().begin();
                Product mine = first.find(Product.class, 1L);
                Product theirs = second.find(Product.class, 1L);
                assertEquals(0, theirs.getVersion());

                mine.setPrice(new BigDecimal("13.00"));
                first.getTransaction().commit();
                theirs.setPrice(new BigDecimal("14.00"));
                RollbackException e = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
                assertInstanceOf(OptimisticLockException.class, e.getCause());
            }
            assertEquals(List.of("13.00", "1"), read(em -> {
                Product p = em.find(Product.class, 1L);
                return List.of(p.getPrice().toPlainString(), String.valueOf(p.getVersion()));
            }));
        }

        @Test
        void newCustomerOrderAndProduct_flushInForeignKeyOrder_andAreSeenAfterCommit() throws Exception {
            assertEquals(List.of(), pool.queryElsewhere("select name from customer where id = 101"));

            emf.runInTransaction(em -> {
                Customer dora = new Customer("Dora", "dora@example.com");
                Product ink = new Product("INK-1", "Ink", new BigDecimal("3.00"));
                PurchaseOrder order = new PurchaseOrder(dora, LocalDate.of(2024, 4, 2), "NEW");
                order.addLine(ink, 5);
                // the order's insert runs at once (identity); product and line wait for the flush,
                // where the line must come after the product it references
                em.persist(dora);
                em.persist(ink);
                em.persist(order);
            });

            assertEquals(List.of("Dora", new BigDecimal("15.00")), read(em -> Arrays.asList((Object[]) em.createNativeQuery(
                    "select c.name, t.total from customer c join order_total t on t.customer_id = c.id"
                            + " where t.order_id = 101").getSingleResult())));
            assertEquals(List.of(List.of("Dora")), pool.queryElsewhere("select name from customer where id = 101"));
        }

        @Test
        void queryInsideTheTransactionSeesItsOwnInserts_andRollbackLeavesNoTraceInLaterReads() throws Exception {
            String productCount = "select count(p) from Product p";
            assertEquals(4L, count(productCount));

            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Product("INK-1", "Ink", new BigDecimal("3.00")));
                assertEquals(5L, em.createQuery(productCount, Long.class).getSingleResult().longValue(), "auto-flush before the query");
                em.getTransaction().rollback();
            }

            assertEquals(4L, count(productCount));
            assertEquals(List.of(List.of(4L)), pool.queryElsewhere("select count(*) from product"));
        }
    }
}
