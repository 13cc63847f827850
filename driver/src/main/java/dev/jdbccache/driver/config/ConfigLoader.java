package dev.jdbccache.driver.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Builds a {@link CacheConfig} from its sources, highest precedence first: {@code cache.*} keys
 * in the connection's {@link Properties}; the file named by system property
 * {@code jdbccache.config} or environment variable {@code JDBC_CACHE_CONFIG};
 * {@code jdbc-cache.properties} on the class path; built-in defaults. Every problem is a
 * {@link ConfigException} naming key, value and origin: nothing falls back silently.
 */
public final class ConfigLoader {

    /** System property naming a configuration file. */
    public static final String FILE_PROPERTY = "jdbccache.config";
    /** Environment variable naming a configuration file. */
    public static final String FILE_ENV = "JDBC_CACHE_CONFIG";
    /** Resource looked up on the class path. */
    public static final String CLASSPATH_RESOURCE = "jdbc-cache.properties";

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private final ClassLoader classLoader;

    /** A loader reading the real system properties, environment and context class loader. */
    public static ConfigLoader standard() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ConfigLoader(System::getProperty, System::getenv,
                loader != null ? loader : ConfigLoader.class.getClassLoader());
    }

    ConfigLoader(Function<String, String> systemProperties, Function<String, String> environment, ClassLoader classLoader) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.classLoader = classLoader;
    }

    /** The configuration for a connection whose properties are {@code connectionProperties}. */
    public CacheConfig load(Properties connectionProperties) throws ConfigException {
        return load(connectionProperties, null);
    }

    /**
     * As {@link #load(Properties)}, with {@code cache.*} settings the URL carried
     * ({@code urlSettings}): they take precedence over the connection properties, as a real
     * driver's URL parameters do over its properties.
     */
    public CacheConfig load(Properties connectionProperties, Properties urlSettings) throws ConfigException {
        Map<String, ConfigEntry> merged = new LinkedHashMap<>();
        for (CacheSetting setting : CacheSetting.values()) {
            merged.put(setting.key(), new ConfigEntry(setting.key(), setting.defaultValue(), "default"));
        }
        putAll(merged, classpathEntries());
        putAll(merged, fileEntries());
        putAll(merged, propertyEntries(connectionProperties));
        putAll(merged, entries(urlSettings, "URL"));

        Map<String, ConfigEntry> settings = new LinkedHashMap<>();
        List<ConfigEntry> tableEntries = new ArrayList<>();
        for (ConfigEntry entry : merged.values()) {
            if (entry.key().startsWith(TableRules.PREFIX)) {
                tableEntries.add(entry);
            } else if (CacheSetting.forKey(entry.key()).isPresent()) {
                settings.put(entry.key(), entry);
            } else {
                throw unknownKey(entry);
            }
        }
        settings.putAll(tableEntriesAsSettings(tableEntries));
        return new CacheConfig(settings, tableEntries);
    }

    /** Table rules are also shown among the effective settings. */
    private static Map<String, ConfigEntry> tableEntriesAsSettings(List<ConfigEntry> tableEntries) {
        Map<String, ConfigEntry> result = new LinkedHashMap<>();
        tableEntries.forEach(e -> result.put(e.key(), e));
        return result;
    }

    /** A copy of {@code properties} without the {@code cache.*} keys: what the real driver gets. */
    public static Properties withoutCacheKeys(Properties properties) {
        Properties result = new Properties();
        if (properties != null) {
            for (String key : properties.stringPropertyNames()) {
                if (!key.startsWith(CacheSetting.PREFIX)) {
                    result.setProperty(key, properties.getProperty(key));
                }
            }
            // non-string values (rare, but DriverManager passes Properties through untouched)
            properties.forEach((k, v) -> {
                if (!(k instanceof String key && key.startsWith(CacheSetting.PREFIX)) && !(v instanceof String)) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }

    private static void putAll(Map<String, ConfigEntry> merged, List<ConfigEntry> entries) {
        for (ConfigEntry entry : entries) {
            merged.put(entry.key(), entry);
        }
    }

    private static List<ConfigEntry> propertyEntries(Properties properties) {
        return entries(properties, "connection properties");
    }

    private static List<ConfigEntry> entries(Properties properties, String origin) {
        List<ConfigEntry> result = new ArrayList<>();
        if (properties != null) {
            properties.stringPropertyNames().stream().sorted()
                    .filter(k -> k.startsWith(CacheSetting.PREFIX))
                    .forEach(k -> result.add(new ConfigEntry(k, properties.getProperty(k), origin)));
        }
        return result;
    }

    private List<ConfigEntry> fileEntries() throws ConfigException {
        String file = systemProperties.apply(FILE_PROPERTY);
        String via = "system property " + FILE_PROPERTY;
        if (file == null || file.isBlank()) {
            file = environment.apply(FILE_ENV);
            via = "environment variable " + FILE_ENV;
        }
        if (file == null || file.isBlank()) {
            return List.of();
        }
        Path path = Path.of(file.strip());
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return cacheKeysOnly(PropertiesFileReader.read(reader, "file " + path));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + " (named by " + via + "): " + e, e);
        }
    }

    private List<ConfigEntry> classpathEntries() throws ConfigException {
        if (classLoader == null) {
            return List.of();
        }
        var url = classLoader.getResource(CLASSPATH_RESOURCE);
        if (url == null) {
            return List.of();
        }
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return cacheKeysOnly(PropertiesFileReader.read(reader, "class path " + url));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + url + ": " + e, e);
        }
    }

    /** A configuration file may hold other keys (e.g. an application's); only cache.* are ours. */
    private static List<ConfigEntry> cacheKeysOnly(List<ConfigEntry> entries) {
        return entries.stream().filter(e -> e.key().startsWith(CacheSetting.PREFIX)).toList();
    }

    private static ConfigException unknownKey(ConfigEntry entry) {
        String suggestion = Arrays.stream(CacheSetting.values())
                .map(CacheSetting::key)
                .min((a, b) -> Integer.compare(distance(a, entry.key()), distance(b, entry.key())))
                .filter(k -> distance(k, entry.key()) <= Math.max(3, entry.key().length() / 3))
                .map(k -> "; did you mean " + k + "?")
                .orElse("; see docs/configuration.md for the keys");
        return new ConfigException("unknown key " + entry.key() + " (" + entry.origin() + ")" + suggestion);
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
