package dev.jdbccache.driver.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counters by key (a table, a query fingerprint) in bounded memory: at most {@code maxKeys} keys
 * are tracked, and when more appear the least valuable (by Caffeine's frequency-based policy)
 * are forgotten, so counts of rare keys are approximate while frequent keys keep theirs. The top
 * keys are computed on demand.
 *
 * <p>Thread-safe. Counting a known key is a lock-free lookup and the counter's own increment; a
 * new key allocates its counter once.
 *
 * @param <C> the counter type (e.g. a {@link java.util.concurrent.atomic.LongAdder})
 */
public final class BoundedCounters<C> {

    private final Cache<String, C> counters;
    private final Supplier<C> factory;
    private final List<Consumer<String>> newKeyListeners = new CopyOnWriteArrayList<>();

    public BoundedCounters(int maxKeys, Supplier<C> factory) {
        this.factory = factory;
        this.counters = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .executor(Runnable::run) // maintenance on the caller: no pool threads
                .build();
    }

    /** The counter of {@code key}, created when the key is new. */
    public C counter(String key) {
        C counter = counters.getIfPresent(key);
        if (counter != null) {
            return counter;
        }
        C fresh = factory.get();
        C existing = counters.asMap().putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        newKeyListeners.forEach(listener -> listener.accept(key));
        return fresh;
    }

    /** Called with each key the first time it is counted (again after it was forgotten). */
    public void onNewKey(Consumer<String> listener) {
        newKeyListeners.add(listener);
    }

    /** The counter of {@code key} if it is tracked now. */
    public C find(String key) {
        return counters.getIfPresent(key);
    }

    /**
     * The {@code n} first keys in {@code order}, each as a snapshot of its counter (taken before
     * sorting, so counts changing meanwhile cannot upset the order).
     */
    public <S> List<S> top(int n, BiFunction<String, C, S> snapshot, Comparator<S> order) {
        return counters.asMap().entrySet().stream()
                .map(e -> snapshot.apply(e.getKey(), e.getValue()))
                .sorted(order)
                .limit(n)
                .toList();
    }

    /** Forgets every key. */
    public void clear() {
        counters.invalidateAll();
    }
}
