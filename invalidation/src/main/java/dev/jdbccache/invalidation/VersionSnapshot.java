package dev.jdbccache.invalidation;

import java.util.Arrays;

/**
 * Versions captured by a reader: the global version, one version per tag (in the order the tags
 * were given, {@link #tags()}), and whether a write lease was live on any of them at capture
 * time. Immutable (the tag array is the caller's and must not be changed after the capture).
 */
public final class VersionSnapshot {
    private final String[] tables;
    private final long global;
    private final long[] versions;
    private final boolean leased;

    VersionSnapshot(String[] tables, long global, long[] versions, boolean leased) {
        this.tables = tables;
        this.global = global;
        this.versions = versions.clone();
        this.leased = leased;
    }

    /**
     * A snapshot built by an implementation of {@link TableVersions} outside this package (the
     * Redis store, test doubles); the tags and versions are in the same order, {@code tags} is
     * kept, {@code versions} copied.
     */
    public static VersionSnapshot of(String[] tables, long global, long[] versions, boolean leased) {
        return new VersionSnapshot(tables, global, versions, leased);
    }

    public long global() {
        return global;
    }

    /** A copy of the per-table versions. */
    public long[] versions() {
        return versions.clone();
    }

    long version(int index) {
        return versions[index];
    }

    /** The tags captured, in the order of {@link #versions()}. Shared: do not modify. */
    public String[] tags() {
        return tables;
    }

    /** True when a writer held a live lease on one of the tables: the reader must bypass the cache. */
    public boolean leased() {
        return leased;
    }

    /** True when both snapshots hold the same versions (lease flags are not compared). */
    public boolean sameVersions(VersionSnapshot other) {
        return other != null && global == other.global && Arrays.equals(versions, other.versions);
    }

    @Override
    public String toString() {
        return "VersionSnapshot[global=" + global + ", versions=" + Arrays.toString(versions) + ", leased=" + leased + "]";
    }
}
