package dev.jdbccache.it.differential;

/**
 * How the cache side of a run is configured. With the cache on, every read a scenario makes is
 * executed twice in a row on both sides, so the second answer on the cache side is a hit that is
 * compared with the real driver's second answer; once per store, since a Redis hit comes through
 * the codec and the local one does not.
 */
enum Mode {
    CACHE_OFF("cache off", false, false, "local"),
    CACHE_ON_READS_REPEATED("cache on (local), reads repeated", true, true, "local"),
    REDIS_READS_REPEATED("cache on (redis), reads repeated", true, true, "redis"),
    TIERED_READS_REPEATED("cache on (tiered), reads repeated", true, true, "tiered");

    private final String displayName;
    private final boolean cacheEnabled;
    private final boolean repeatReads;
    private final String store;

    Mode(String displayName, boolean cacheEnabled, boolean repeatReads, String store) {
        this.displayName = displayName;
        this.cacheEnabled = cacheEnabled;
        this.repeatReads = repeatReads;
        this.store = store;
    }

    /** The {@code cache.store} of the cache side: every hit is also decoded from that store's form. */
    String store() {
        return store;
    }

    String displayName() {
        return displayName;
    }

    boolean cacheEnabled() {
        return cacheEnabled;
    }

    boolean repeatReads() {
        return repeatReads;
    }

    /**
     * Whether this run includes the mode: both by default; {@code -Djdbccache.differential.modes=cache-off}
     * runs the pass-through mode alone (quicker, when working on the suite).
     */
    boolean selected() {
        String modes = System.getProperty("jdbccache.differential.modes", "all");
        return this == CACHE_OFF || "all".equals(modes);
    }
}
