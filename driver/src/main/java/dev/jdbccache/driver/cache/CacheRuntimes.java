package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caches an owner (the driver, or a data source) holds, by {@code cache.name}. Connections
 * configured with the same name and settings share one {@link CacheRuntime}; the same name with
 * different settings is an error rather than a silent choice. Thread-safe.
 */
public final class CacheRuntimes implements AutoCloseable {

    private final Map<String, CacheRuntime> byName = new ConcurrentHashMap<>();

    /** The runtime for {@code config}, created on first use. */
    public CacheRuntime obtain(CacheConfig config) throws ConfigException {
        CacheRuntime runtime = byName.computeIfAbsent(config.name(), n -> new CacheRuntime(config));
        if (runtime.config() != config && !runtime.config().sameSettings(config)) {
            String key = runtime.config().firstDifference(config);
            throw new ConfigException("cache '" + config.name() + "' is already running with other settings ("
                    + key + " differs: " + runtime.config().effective().get(key) + " vs "
                    + config.effective().get(key) + "); give this configuration its own cache.name");
        }
        return runtime;
    }

    public Optional<CacheRuntime> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every cache held now. */
    public Map<String, CacheRuntime> all() {
        return Map.copyOf(byName);
    }

    @Override
    public void close() {
        byName.values().forEach(CacheRuntime::close);
        byName.clear();
    }
}
