package dev.jdbccache.driver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.TableName;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static ConfigLoader loader(String file, ClassLoader classLoader) {
        return new ConfigLoader(key -> ConfigLoader.FILE_PROPERTY.equals(key) ? file : null, key -> null, classLoader);
    }

    private static ConfigLoader plainLoader() {
        return loader(null, null);
    }

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static String errorFor(String key, String value) {
        return assertThrows(ConfigException.class, () -> plainLoader().load(props(key, value))).getMessage();
    }

    @Test
    void defaultsApplyWithoutAnySource() throws ConfigException {
        CacheConfig config = plainLoader().load(new Properties());
        assertTrue(config.enabled());
        assertEquals("default", config.name());
        assertEquals(Duration.ofSeconds(60), config.ttl());
        assertEquals(0.1, config.ttlJitter());
        assertEquals(10_000, config.maxEntryRows());
        assertEquals(1L << 20, config.maxEntryBytes());
        assertEquals(64L << 20, config.localMaxBytes());
        assertTrue(config.cacheEmptyResults());
        assertFalse(config.snapshotIsolationAllowed());
        assertEquals(Duration.ofSeconds(60), config.writeLease());
        assertNull(config.include());
    }

    @Test
    void connectionPropertiesBeatTheFileWhichBeatsTheClassPath() throws IOException, ConfigException {
        Path classpathDir = Files.createDirectories(dir.resolve("cp"));
        Files.writeString(classpathDir.resolve("jdbc-cache.properties"), "cache.ttl=10s\ncache.max-entry-rows=7\ncache.name=cp\n");
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "cache.ttl=20s\ncache.max-entry-rows=8\nunrelated.key=ignored\n");
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {classpathDir.toUri().toURL()}, null)) {
            CacheConfig config = loader(file.toString(), classLoader).load(props("cache.ttl", "30s"));
            assertEquals(Duration.ofSeconds(30), config.ttl(), "connection properties win");
            assertEquals(8, config.maxEntryRows(), "the file beats the class path");
            assertEquals("cp", config.name(), "the class path beats the defaults");
            assertEquals("connection properties", config.origins().get("cache.ttl"));
            assertEquals("file " + file + " line 2", config.origins().get("cache.max-entry-rows"));
        }
    }

    @Test
    void environmentVariableNamesTheFileWhenTheSystemPropertyDoesNot() throws IOException, ConfigException {
        Path file = dir.resolve("env.properties");
        Files.writeString(file, "cache.ttl = 5m\n");
        ConfigLoader loader = new ConfigLoader(key -> null, key -> ConfigLoader.FILE_ENV.equals(key) ? file.toString() : null, null);
        assertEquals(Duration.ofMinutes(5), loader.load(new Properties()).ttl());
    }

    @Test
    void everyDurationUnitAndSizeUnitParses() throws ConfigException {
        assertEquals(Duration.ofMillis(250), plainLoader().load(props("cache.ttl", "250ms")).ttl());
        assertEquals(Duration.ofHours(2), plainLoader().load(props("cache.ttl", "2h")).ttl());
        assertEquals(Duration.ofDays(1), plainLoader().load(props("cache.ttl", "1d")).ttl());
        assertEquals(Duration.ZERO, plainLoader().load(props("cache.ttl", "0")).ttl());
        assertEquals(512L << 10, plainLoader().load(props("cache.max-entry-bytes", "512KB")).maxEntryBytes());
        assertEquals(2L << 20, plainLoader().load(props("cache.max-entry-bytes", "2MiB")).maxEntryBytes());
        assertEquals(1L << 30, plainLoader().load(props("cache.local.max-bytes", "1GB")).localMaxBytes());
        assertEquals(1000, plainLoader().load(props("cache.max-entry-bytes", "1000")).maxEntryBytes());
    }

    @Test
    void unknownKeySuggestsTheClosestOne() {
        assertEquals("jdbc-cache configuration: unknown key cache.tll (connection properties); did you mean cache.ttl?",
                errorFor("cache.tll", "30s"));
    }

    @Test
    void malformedDurationNamesKeyValueAndOrigin() {
        assertEquals("jdbc-cache configuration: cache.ttl=30 seconds (connection properties) is not a duration; "
                + "write e.g. 500ms, 30s, 5m, 2h or 1d", errorFor("cache.ttl", "30 seconds"));
        assertEquals("jdbc-cache configuration: cache.ttl=30 (connection properties) has no unit; write e.g. 30s "
                + "(units: ms, s, m, h, d)", errorFor("cache.ttl", "30"));
    }

    @Test
    void negativeTtlIsRejected() {
        assertEquals("jdbc-cache configuration: cache.ttl=-5s (connection properties) must not be negative",
                errorFor("cache.ttl", "-5s"));
        assertEquals("jdbc-cache configuration: cache.table.orders.ttl=-1s (connection properties) must not be negative",
                errorFor("cache.table.orders.ttl", "-1s"));
    }

    @Test
    void malformedSizeIsRejected() {
        assertEquals("jdbc-cache configuration: cache.max-entry-bytes=lots (connection properties) is not a size; "
                + "write e.g. 1048576, 512KB, 64MB or 1GB", errorFor("cache.max-entry-bytes", "lots"));
    }

    @Test
    void invalidRegularExpressionIsRejected() {
        assertEquals("jdbc-cache configuration: cache.exclude=select ( (connection properties) is not a valid "
                + "regular expression: Unclosed group near index 8", errorFor("cache.exclude", "select ("));
    }

    @Test
    void otherInvalidValuesAreRejected() {
        assertEquals("jdbc-cache configuration: cache.enabled=yes (connection properties) must be true or false",
                errorFor("cache.enabled", "yes"));
        assertEquals("jdbc-cache configuration: cache.ttl.jitter=1.5 (connection properties) must be a fraction "
                + "from 0 (inclusive) to 1 (exclusive)", errorFor("cache.ttl.jitter", "1.5"));
        assertEquals("jdbc-cache configuration: cache.max-entry-rows=0 (connection properties) must be a positive "
                + "whole number", errorFor("cache.max-entry-rows", "0"));
        assertEquals("jdbc-cache configuration: cache.store=memcached (connection properties) must be one of local, redis, tiered",
                errorFor("cache.store", "memcached"));
        assertEquals("jdbc-cache configuration: cache.transactions.snapshot-isolation=maybe (connection properties) "
                + "must be one of bypass, allow", errorFor("cache.transactions.snapshot-isolation", "maybe"));
        assertEquals("jdbc-cache configuration: cache.table.orders.size=1 (connection properties) is not a table "
                + "setting; use cache.table.<table>.ttl, cache.table.<table>.invalidates or cache.table.<table>.partition-columns", errorFor("cache.table.orders.size", "1"));
    }

    @Test
    void fileErrorsNameTheFileAndLine() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "# comment\n\ncache.ttl=10s\ncache.max-entry-rows=many\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(file.toString(), null).load(new Properties()));
        assertEquals("jdbc-cache configuration: cache.max-entry-rows=many (file " + file + " line 4) must be a positive "
                + "whole number", e.getMessage());
        assertEquals("22023", e.getSQLState());
    }

    @Test
    void unreadableFileIsAnError() {
        Path missing = dir.resolve("missing.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(missing.toString(), null).load(new Properties()));
        assertTrue(e.getMessage().startsWith("jdbc-cache configuration: cannot read configuration file " + missing
                + " (named by system property jdbccache.config)"), e.getMessage());
    }

    @Test
    void tableTtlRulesFollowTheDialectsFolding() throws ConfigException {
        CacheConfig config = plainLoader().load(props(
                "cache.table.Orders.ttl", "10s",
                "cache.table.sales.items.ttl", "5s",
                "cache.table.\"Mixed Case\".ttl", "0"));
        TableRules rules = config.tableRules();
        assertEquals(Duration.ofSeconds(10), rules.ttlFor(TableName.of("orders"), SqlDialect.POSTGRESQL));
        assertEquals(Duration.ofSeconds(10), rules.ttlFor(TableName.of("ORDERS"), SqlDialect.H2));
        assertNull(rules.ttlFor(TableName.of("Orders"), SqlDialect.POSTGRESQL), "a quoted Orders is another table");
        assertEquals(Duration.ofSeconds(5), rules.ttlFor(TableName.of("sales", "items"), SqlDialect.POSTGRESQL));
        assertEquals(Duration.ofSeconds(5), rules.ttlFor(TableName.of("items"), SqlDialect.POSTGRESQL),
                "an unqualified read may be the qualified table: the shorter TTL applies");
        assertNull(rules.ttlFor(TableName.of("other", "items"), SqlDialect.POSTGRESQL));
        assertEquals(Duration.ZERO, rules.ttlFor(TableName.of("Mixed Case"), SqlDialect.POSTGRESQL));
    }

    @Test
    void declaredTriggerTargetsAreInvalidatedWithTheirTable() throws ConfigException {
        CacheConfig config = plainLoader().load(props("cache.table.orders.invalidates", "order_totals, audit.log"));
        assertEquals(java.util.Set.of("order_totals", "log"),
                config.tableRules().alsoInvalidated(TableName.of("orders"), SqlDialect.POSTGRESQL));
    }

    @Test
    void effectiveConfigurationMasksSecrets() throws ConfigException {
        Map<String, String> effective = plainLoader().load(props("cache.ttl", "5s")).effective();
        assertEquals("5s", effective.get("cache.ttl"));
        assertEquals("****", new ConfigEntry("cache.redis.password", "pw", "x").displayValue());
    }

    @Test
    void cacheKeysAreRemovedBeforeTheRealDriverSeesTheProperties() {
        Properties stripped = ConfigLoader.withoutCacheKeys(props("user", "u", "cache.ttl", "5s", "password", "p"));
        assertEquals(props("user", "u", "password", "p"), stripped);
    }
}
