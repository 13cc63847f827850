package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caches of this JVM by {@code cache.name}, and who holds them. Connections configured with
 * the same name and settings share one {@link CacheRuntime}; the same name with different
 * settings is an error rather than a silent choice.
 *
 * <p>An owner (the registered driver, a {@code CacheDataSource}) holds each cache it opened a
 * connection on; {@link #release} lets go of them all. A cache closes (its store, its Redis
 * connections, its MBean) once no owner holds it and its last connection has closed, so that a
 * connection still in use never meets a closed cache, and a name never has two live caches
 * whose writes would not reach each other. Thread-safe.
 */
public final class CacheRuntimes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheRuntimes.class);

    private final Map<String, Held> byName = new HashMap<>(); // guarded by this
    private final List<Consumer<CacheRuntime>> watchers = new ArrayList<>(); // guarded by this

    private static final class Held {
        final CacheRuntime runtime;
        final Set<Object> owners = Collections.newSetFromMap(new IdentityHashMap<>());

        Held(CacheRuntime runtime) {
            this.runtime = runtime;
        }
    }

    /**
     * The runtime for a new connection configured by {@code config}, created on first use, now
     * held by {@code owner} as well. The connection is counted (under this lock, so that a
     * release cannot close the cache in between) until it calls {@link CacheRuntime#connectionClosed}.
     */
    public synchronized CacheRuntime openConnection(CacheConfig config, Object owner) throws ConfigException {
        Held held = byName.get(config.name());
        if (held == null) {
            CacheRuntime runtime = new CacheRuntime(config);
            held = new Held(runtime);
            Held created = held;
            runtime.whenIdle(() -> closeIfUnused(created));
            byName.put(config.name(), held);
            watchers.forEach(watcher -> tell(watcher, runtime));
        }
        CacheConfig running = held.runtime.config();
        if (running != config && !running.sameSettings(config)) {
            String key = running.firstDifference(config);
            throw new ConfigException("cache '" + config.name() + "' is already running with other settings ("
                    + key + " differs: " + running.effective().get(key) + " vs "
                    + config.effective().get(key) + "); give this configuration its own cache.name");
        }
        held.owners.add(owner);
        held.runtime.connectionOpened();
        return held.runtime;
    }

    /**
     * Calls {@code watcher} for every cache now open and for every cache opened later (under this
     * lock: none is missed or told twice), until the returned handle is closed. For binders
     * such as Micrometer's, which must also see the caches that start after them.
     */
    public synchronized AutoCloseable watch(Consumer<CacheRuntime> watcher) {
        byName.values().forEach(held -> tell(watcher, held.runtime));
        watchers.add(watcher);
        return () -> {
            synchronized (this) {
                watchers.remove(watcher);
            }
        };
    }

    private static void tell(Consumer<CacheRuntime> watcher, CacheRuntime runtime) {
        try {
            watcher.accept(runtime);
        } catch (RuntimeException e) {
            // an observer's failure must not fail the connection that opened the cache
            LOG.warn("[{}] a watcher of new caches failed: {}", runtime.config().name(), e.toString());
        }
    }

    /** {@code owner} holds none of its caches any more; those nobody else holds or uses close. */
    public synchronized void release(Object owner) {
        for (Held held : Map.copyOf(byName).values()) {
            if (held.owners.remove(owner)) {
                closeIfUnused(held);
            }
        }
    }

    private synchronized void closeIfUnused(Held held) {
        if (held.owners.isEmpty() && held.runtime.openConnections() == 0
                && byName.remove(held.runtime.config().name(), held)) {
            held.runtime.close();
        }
    }

    public synchronized Optional<CacheRuntime> get(String name) {
        Held held = byName.get(name);
        return held == null ? Optional.empty() : Optional.of(held.runtime);
    }

    /** Every cache held now. */
    public synchronized Map<String, CacheRuntime> all() {
        Map<String, CacheRuntime> all = new HashMap<>();
        byName.forEach((name, held) -> all.put(name, held.runtime));
        return Map.copyOf(all);
    }

    /** Closes every cache, whoever holds it. */
    @Override
    public synchronized void close() {
        byName.values().forEach(held -> held.runtime.close());
        byName.clear();
    }
}
