package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.VersionSnapshot;

/**
 * A stored result with the table versions it was read under. It may be served only while a fresh
 * capture shows the same versions. Immutable.
 */
record CacheEntry(Recording recording, VersionSnapshot versions, long ttlNanos, int weight) {
}
