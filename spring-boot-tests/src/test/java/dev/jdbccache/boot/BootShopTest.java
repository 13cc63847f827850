package dev.jdbccache.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real Spring Boot application (the Boot generation of the module that runs this: 3.x or 4.x,
 * with its own managed Hibernate, HikariCP, Jedis and Micrometer) whose only change is
 * {@code spring.datasource.url=jdbc:cache:postgresql://...}. Repository reads repeat as hits;
 * writes through the repository are seen by the next read; the auto-configuration serves the
 * {@code jdbcCache} health and the {@code jdbc.cache.*} meters over actuator's HTTP endpoints.
 */
class BootShopTest {

    private static final String PG = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private static final String BOOT = System.getProperty("jdbccache.test.boot", "?");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void localStore() throws Exception {
        runShop("local", List.of());
    }

    @Test
    void redisStore_onTheJedisBootManages() throws Exception {
        String prefix = "jc:boot" + BOOT + "-" + UUID.randomUUID() + ":";
        try {
            runShop("redis", List.of("cache.redis.url=" + REDIS, "cache.redis.prefix=" + prefix));
        } finally {
            try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(URI.create(REDIS))) {
                // entries expire, counters and markers would not
                jedis.keys("{" + prefix + "}*").forEach(jedis::del);
            }
        }
    }

    @Test
    void aRedisThatDoesNotAnswer_leavesTheApplicationRight_andTheHealthSaysDegraded() throws Exception {
        String cacheName = "boot-down-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(cacheName, "redis",
                List.of("cache.redis.url=redis://127.0.0.1:" + freePort()))) {
            ProductRepository products = app.getBean(ProductRepository.class);
            Product saved = products.save(new Product("down-" + cacheName, 5));
            for (int i = 0; i < 5; i++) { // more failures than cache.redis.circuit.failures: the circuit opens
                assertEquals(5, products.findById(saved.getId()).orElseThrow().getPrice());
            }
            JdbcCache cache = JdbcCache.named(cacheName).orElseThrow();
            assertTrue(((Number) cache.statsSnapshot().get("bypasses.store_failure")).longValue() > 0,
                    cache.statsSnapshot().toString());
            String health = get(app, "/actuator/health/jdbcCache", 200);
            assertTrue(health.contains("\"status\":\"UP\""), health);
            assertTrue(health.contains("\"degraded\":true"), health);
            assertTrue(health.matches("(?s).*\"" + cacheName + "\":\\{\"store\":\"redis\",\"store_state\":\"(open|half-open)\".*"),
                    health);
        }
    }

    @Test
    void changeCapture_seesAWriteFromOutsideTheApplication_andTheHealthShowsTheStream() throws Exception {
        String pg = dev.jdbccache.testservices.LogicalPostgresql.url();
        String cacheName = "boot" + BOOT + "-capture-" + UUID.randomUUID();
        String publication = "boot_pub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (ConfigurableApplicationContext app = start(pg, cacheName, "local", List.of("cache.ttl=10m",
                "cache.change-capture=logical", "cache.change-capture.tables=boot_shop_product",
                "cache.change-capture.publication=" + publication))) {
            ProductRepository products = app.getBean(ProductRepository.class);
            Long id = products.save(new Product("plum-" + cacheName, 120)).getId();
            JdbcCache cache = JdbcCache.named(cacheName).orElseThrow();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"streaming".equals(cache.statsSnapshot().get("change_capture.state"))) {
                assertTrue(System.nanoTime() < deadline, "the consumer never streamed: " + cache.statsSnapshot());
                Thread.sleep(10);
            }
            assertEquals(120, products.findById(id).orElseThrow().getPrice());
            assertEquals(120, products.findById(id).orElseThrow().getPrice());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg);
                    java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("update boot_shop_product set price = 99 where id = " + id); // psql would do the same
            }
            while (products.findById(id).orElseThrow().getPrice() != 99) {
                assertTrue(System.nanoTime() < deadline, "the outside update was never seen: " + cache.statsSnapshot());
                Thread.sleep(5);
            }
            String health = get(app, "/actuator/health/jdbcCache", 200);
            assertTrue(health.matches("(?s).*\"" + cacheName + "\":\\{[^}]*\"change_capture\":\"streaming\".*"), health);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg);
                    java.sql.Statement s = c.createStatement()) {
                s.execute("drop publication if exists " + publication);
            }
        }
    }

    private void runShop(String store, List<String> more) throws Exception {
        String cacheName = "boot" + BOOT + "-" + store + "-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(cacheName, store, more)) {
            ProductRepository products = app.getBean(ProductRepository.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            String name = "pear-" + UUID.randomUUID();
            Long id = products.save(new Product(name, 225)).getId();

            JdbcCache cache = JdbcCache.named(cacheName).orElseThrow();
            assertEquals(225, products.findById(id).orElseThrow().getPrice());
            long hitsBefore = cache.stats().hits();
            assertEquals(225, products.findById(id).orElseThrow().getPrice());
            assertEquals(List.of(225), prices(products.findByNameOrderById(name)));
            assertEquals(List.of(225), prices(products.findByNameOrderById(name)));
            assertTrue(cache.stats().hits() >= hitsBefore + 2, "repeated repository reads are hits: " + cache.stats());

            tx.executeWithoutResult(status -> products.findById(id).orElseThrow().setPrice(199)); // dirty checking
            assertEquals(199, products.findById(id).orElseThrow().getPrice(), "the update is seen by the next read");
            assertEquals(List.of(199), prices(products.findByNameOrderById(name)));
            products.save(new Product(name, 300));
            assertEquals(List.of(199, 300), prices(products.findByNameOrderById(name)), "the insert is seen");
            products.deleteById(id);
            assertEquals(List.of(300), prices(products.findByNameOrderById(name)), "the delete is seen");
            assertEquals(0L, cache.statsSnapshot().get("bypasses.store_failure"), "the store works on Boot's libraries");

            String health = get(app, "/actuator/health/jdbcCache", 200);
            assertTrue(health.contains("\"status\":\"UP\""), health);
            assertTrue(health.contains("\"" + cacheName + "\":{\"store\":\"" + store + "\",\"store_state\":\"ok\""), health);
            String hits = get(app, "/actuator/metrics/jdbc.cache.requests?tag=cache:" + cacheName + "&tag=result:hit", 200);
            assertTrue(hits.contains("\"COUNT\""), hits);
            assertTrue(!hits.contains("\"value\":0.0"), "hits are counted: " + hits);
        }
    }

    private static ConfigurableApplicationContext start(String cacheName, String store, List<String> more) throws IOException {
        return start(PG, cacheName, store, more);
    }

    private static ConfigurableApplicationContext start(String pg, String cacheName, String store, List<String> more)
            throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=jdbc:cache:" + pg.substring("jdbc:".length()),
                "spring.datasource.hikari.data-source-properties.cache.name=" + cacheName,
                "spring.datasource.hikari.data-source-properties.cache.store=" + store,
                "spring.datasource.hikari.maximum-pool-size=4",
                "spring.jpa.hibernate.ddl-auto=update",
                "spring.jpa.open-in-view=false",
                "server.port=" + freePort(),
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always"));
        for (String setting : more) {
            properties.add("spring.datasource.hikari.data-source-properties." + setting);
        }
        return new SpringApplicationBuilder(ShopApplication.class).properties(properties.toArray(new String[0])).run();
    }

    private String get(ConfigurableApplicationContext app, String path, int status) throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static List<Integer> prices(List<Product> products) {
        return products.stream().map(Product::getPrice).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
