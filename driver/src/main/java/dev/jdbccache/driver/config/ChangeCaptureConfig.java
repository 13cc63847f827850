package dev.jdbccache.driver.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code cache.change-capture.*} settings (docs/configuration.md, "Change capture"), validated
 * once. Immutable.
 *
 * @param enabled        {@code cache.change-capture=logical}
 * @param slot           the replication slot's name (a temporary slot with the local store gets a suffix)
 * @param publication    the publication's name
 * @param tables         the tables of a publication the driver creates; empty for all tables
 * @param maxGap         how long the stream may be down or behind before the cache is flushed
 * @param keepSlot       keep a persistent slot when the cache closes
 * @param statusInterval how often the position is reported to PostgreSQL
 * @param maxRowTags     row tags per table and transaction before the table is invalidated whole
 * @param ddlCheck       how often the catalog digest is compared; zero for never
 * @param lease          the consumer's lease in a shared store
 */
public record ChangeCaptureConfig(boolean enabled, String slot, String publication, List<String> tables, Duration maxGap,
        boolean keepSlot, Duration statusInterval, int maxRowTags, Duration ddlCheck, Duration lease) {

    /** What PostgreSQL accepts as a slot name, and a plain identifier for the publication. */
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*\\.)?[A-Za-z_][A-Za-z0-9_$]*");

    public ChangeCaptureConfig {
        tables = List.copyOf(tables);
    }

    /** Reads the settings through {@code get} (every key has an entry, its default at least). */
    static ChangeCaptureConfig of(Function<CacheSetting, ConfigEntry> get, String cacheName) throws ConfigException {
        boolean enabled = "logical".equals(ConfigValues.oneOf(get.apply(CacheSetting.CHANGE_CAPTURE), "off", "logical"));
        String fallback = defaultName(cacheName);
        String slot = name(get.apply(CacheSetting.CHANGE_CAPTURE_SLOT), fallback, SLOT_NAME,
                "is not a slot name: lower-case letters, digits and _, at most 63");
        String publication = name(get.apply(CacheSetting.CHANGE_CAPTURE_PUBLICATION), fallback, IDENTIFIER,
                "is not a plain identifier: letters, digits and _, at most 63");
        List<String> tables = tables(get.apply(CacheSetting.CHANGE_CAPTURE_TABLES));
        Duration maxGap = atLeast(get.apply(CacheSetting.CHANGE_CAPTURE_MAX_GAP), Duration.ofMillis(100));
        boolean keepSlot = ConfigValues.bool(get.apply(CacheSetting.CHANGE_CAPTURE_KEEP_SLOT));
        Duration statusInterval = atLeast(get.apply(CacheSetting.CHANGE_CAPTURE_STATUS_INTERVAL), Duration.ofMillis(100));
        int maxRowTags = ConfigValues.positiveInt(get.apply(CacheSetting.CHANGE_CAPTURE_MAX_ROW_TAGS));
        Duration ddlCheck = ConfigValues.duration(get.apply(CacheSetting.CHANGE_CAPTURE_DDL_CHECK));
        Duration lease = atLeast(get.apply(CacheSetting.CHANGE_CAPTURE_LEASE), Duration.ofMillis(500));
        return new ChangeCaptureConfig(enabled, slot, publication, tables, maxGap, keepSlot, statusInterval, maxRowTags,
                ddlCheck, lease);
    }

    /** {@code jdbc_cache_<name>}, folded to what a slot name may hold. */
    static String defaultName(String cacheName) {
        String folded = cacheName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = "jdbc_cache_" + folded;
        return name.length() > 50 ? name.substring(0, 50) : name; // room for a temporary slot's suffix
    }

    private static String name(ConfigEntry entry, String fallback, Pattern allowed, String problem) throws ConfigException {
        String value = entry.value().strip();
        if (value.isEmpty()) {
            return fallback;
        }
        if (!allowed.matcher(value).matches()) {
            throw new ConfigException(entry, problem);
        }
        return value;
    }

    private static List<String> tables(ConfigEntry entry) throws ConfigException {
        List<String> result = new ArrayList<>();
        for (String part : entry.value().split(",")) {
            String table = part.strip();
            if (table.isEmpty()) {
                continue;
            }
            if (!TABLE.matcher(table).matches()) {
                throw new ConfigException(entry, "names '" + table + "', which is not a table name (schema.table or table)");
            }
            result.add(table);
        }
        return result;
    }

    private static Duration atLeast(ConfigEntry entry, Duration least) throws ConfigException {
        Duration value = ConfigValues.duration(entry);
        if (value.compareTo(least) < 0) {
            throw new ConfigException(entry, "must be at least " + least.toMillis() + "ms");
        }
        return value;
    }
}
