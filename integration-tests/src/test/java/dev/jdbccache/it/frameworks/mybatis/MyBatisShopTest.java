package dev.jdbccache.it.frameworks.mybatis;

import static dev.jdbccache.it.frameworks.RepeatedReads.assertRepeatsServedFromCacheOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jdbccache.it.frameworks.ShopPool;
import dev.jdbccache.it.frameworks.ShopSuite;
import dev.jdbccache.it.frameworks.Wiring;
import dev.jdbccache.it.frameworks.mybatis.ShopMapper.ProductRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** MyBatis 3.5 with an XML mapper on a HikariCP pool (docs/recipes.md, "MyBatis"). */
class MyBatisShopTest {

    private static final String MAPPER = "frameworks/mybatis/ShopMapper.xml";

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
    class CacheDataSourceOverPool extends Suite {
        CacheDataSourceOverPool() {
            super(Wiring.CACHE_DATA_SOURCE_OVER_POOL);
        }
    }

    static SqlSessionFactory sessionFactory(DataSource dataSource) throws IOException {
        Configuration config = new Configuration(new Environment("shop", new JdbcTransactionFactory(), dataSource));
        try (InputStream xml = Resources.getResourceAsStream(MAPPER)) {
            new XMLMapperBuilder(xml, config, MAPPER, config.getSqlFragments()).parse();
        }
        return new SqlSessionFactoryBuilder().build(config);
    }

    abstract static class Suite extends ShopSuite {

        private SqlSessionFactory sessions;

        Suite(Wiring wiring) {
            super(wiring);
        }

        @Override
        protected ShopPool open(Wiring wiring) throws Exception {
            ShopPool shop = ShopPool.open(wiring, "mybatis");
            try {
                sessions = sessionFactory(shop.dataSource());
                return shop;
            } catch (IOException | RuntimeException e) {
                shop.close();
                throw e;
            }
        }

        /** One autocommit session: MyBatis' own session cache never serves a repeat across calls. */
        private <T> T mapper(Function<ShopMapper, T> work) {
            try (SqlSession session = sessions.openSession(true)) {
                return work.apply(session.getMapper(ShopMapper.class));
            }
        }

        private List<String> products(Long... ids) {
            return mapper(m -> m.productsByIds(List.of(ids)).stream().map(ProductRow::toString).toList());
        }

        @Test
        void foreachInList_isTheSameAndRepeatsComeFromTheCache() throws Exception {
            List<String> rows = assertRepeatsServedFromCacheOnly(pool, () -> products(1L, 3L, 4L), "product");
            assertEquals(List.of("1 BOOK-1 Dune 12.50", "3 MUG-1 Mug 6.25", "4 PEN-1 Pen 1.75"), rows);
        }

        @Test
        void insertWithGeneratedKey_isSeenByTheNextSelectHereAndElsewhere() throws Exception {
            assertEquals(List.of(), products(101L));
            assertEquals(List.of(List.of(4L)), pool.queryElsewhere("select count(*) from product"));

            ProductRow ink = new ProductRow("INK-1", "Ink", new BigDecimal("3.00"));
            assertEquals(1, mapper(m -> m.insertProduct(ink)).intValue());

            assertEquals(101L, ink.getId());
            assertEquals(List.of("101 INK-1 Ink 3.00"), products(101L));
            assertEquals(List.of(List.of(5L)), pool.queryElsewhere("select count(*) from product"));
        }

        @Test
        void lineQuantityCommittedInASession_isSeenThroughTheView() throws Exception {
            assertEquals(new BigDecimal("24.00"), mapper(m -> m.orderTotal(2)));
            assertEquals(List.of(List.of(new BigDecimal("24.00"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 2L));

            try (SqlSession session = sessions.openSession(false)) {
                session.getMapper(ShopMapper.class).updateLineQuantity(3, 1);
                session.commit();
            }

            assertEquals(new BigDecimal("8.00"), mapper(m -> m.orderTotal(2)));
            assertEquals(List.of(List.of(new BigDecimal("8.00"))),
                    pool.queryElsewhere("select total from order_total where order_id = ?", 2L));
        }

        @Test
        void deletingAnOrder_removesItsLinesThroughTheCascadingForeignKey() throws Exception {
            assertEquals(2L, mapper(m -> m.countLines(1)).longValue());
            assertEquals(new BigDecimal("31.25"), mapper(m -> m.orderTotal(1)));
            assertEquals(List.of(List.of(7L)), pool.queryElsewhere("select count(*) from order_line"));

            assertEquals(1, mapper(m -> m.deleteOrder(1)).intValue());

            assertEquals(0L, mapper(m -> m.countLines(1)).longValue());
            assertNull(mapper(m -> m.orderTotal(1)));
            assertEquals(List.of(List.of(5L)), pool.queryElsewhere("select count(*) from order_line"));
        }

        @Test
        void writesOfARolledBackSession_areSeenInsideItAndNowhereAfter() throws Exception {
            List<String> before = products(1L, 101L);
            assertEquals(List.of("1 BOOK-1 Dune 12.50"), before);
            assertEquals(List.of(List.of(new BigDecimal("12.50"))),
                    pool.queryElsewhere("select price from product where id = ?", 1L));

            try (SqlSession session = sessions.openSession(false)) {
                ShopMapper mapper = session.getMapper(ShopMapper.class);
                mapper.updatePrice(1, new BigDecimal("99.00"));
                ProductRow ink = new ProductRow("INK-1", "Ink", new BigDecimal("3.00"));
                mapper.insertProduct(ink);
                assertEquals(List.of("1 BOOK-1 Dune 99.00", "101 INK-1 Ink 3.00"),
                        mapper.productsByIds(List.of(1L, 101L)).stream().map(ProductRow::toString).toList());
                assertEquals(1, mapper.deleteProduct(ink.getId()));
                assertEquals(List.of("1 BOOK-1 Dune 99.00"),
                        mapper.productsByIds(List.of(1L, 101L)).stream().map(ProductRow::toString).toList());
                session.rollback();
            }

            assertEquals(before, products(1L, 101L));
            assertEquals(List.of(List.of(new BigDecimal("12.50"))),
                    pool.queryElsewhere("select price from product where id = ?", 1L));
        }
    }
}
