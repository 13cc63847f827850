package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.config.CacheConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node may use row footprints with a shared store: every node must partition the
 * same columns into the same number of buckets, or one node's keyed write would miss another
 * node's bounded reads. The first node records the settings' signature in the store; a node
 * whose signature differs reads whole tables and makes every write invalidate everything (safe
 * with any other node), and says so once. While the store cannot be asked, the same holds, and
 * it is asked again after a second. Thread-safe.
 */
final class FootprintAgreement {

    private static final Logger LOG = LoggerFactory.getLogger(FootprintAgreement.class);
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private enum State { UNKNOWN, AGREED, DISAGREED }

    private final CacheConfig config;
    private final EntryStore store;
    private final String signature;
    private volatile State state = State.UNKNOWN;
    private volatile long askedAtNanos;

    FootprintAgreement(CacheConfig config, EntryStore store) {
        this.config = config;
        this.store = store;
        this.signature = "footprints v1; buckets=" + config.footprintBuckets() + "; " + config.tableRules().partitionSignature();
    }

    /** True when footprints are on and this node's settings are the shared store's. */
    boolean agreed() {
        if (!config.footprints()) {
            return false;
        }
        State now = state;
        if (now != State.UNKNOWN) {
            return now == State.AGREED;
        }
        if (askedAtNanos != 0 && System.nanoTime() - askedAtNanos < RETRY_NANOS) {
            return false;
        }
        synchronized (this) {
            if (state != State.UNKNOWN) {
                return state == State.AGREED;
            }
            askedAtNanos = System.nanoTime();
            try {
                state = store.agreesOnFootprints(signature) ? State.AGREED : State.DISAGREED;
            } catch (RuntimeException | LinkageError e) {
                return false; // asked again later; meanwhile whole tables, which is safe with any node
            }
            if (state == State.DISAGREED) {
                LOG.error("[{}] another node of this shared cache uses other footprint settings (cache.footprints.buckets, "
                        + "cache.table.<t>.partition-columns); this node reads whole tables and every write invalidates "
                        + "everything until they agree. Make them the same on every node, then run "
                        + "CALL jdbc_cache.invalidate_all() once", config.name());
            }
            return state == State.AGREED;
        }
    }

    /** False while the answer may still change (the store could not be asked yet): plans made now are not kept. */
    boolean settled() {
        return !config.footprints() || state != State.UNKNOWN;
    }

    /** Footprints are on here but not agreed: writes must invalidate everything. */
    boolean writesMustBeGlobal() {
        return config.footprints() && !agreed();
    }

    /** After {@code invalidate_all}: the settings are recorded again by whoever asks first. */
    void forget() {
        state = State.UNKNOWN;
        askedAtNanos = 0;
    }
}
