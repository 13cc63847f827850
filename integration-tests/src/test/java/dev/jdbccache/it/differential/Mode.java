package dev.jdbccache.it.differential;

/**
 * How the cache side of a run is configured. With the cache on, every read a scenario makes is
 * executed twice in a row on both sides, so the second answer on the cache side is a hit that is
 * compared with the real driver's second answer.
 */
enum Mode {
    CACHE_OFF("cache off", false, false),
    CACHE_ON_READS_REPEATED("cache on, reads repeated", true, true);

    private final String displayName;
    private final boolean cacheEnabled;
    private final boolean repeatReads;

    Mode(String displayName, boolean cacheEnabled, boolean repeatReads) {
        this.displayName = displayName;
        this.cacheEnabled = cacheEnabled;
        this.repeatReads = repeatReads;
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
