package dev.jdbccache.invalidation;

/**
 * The names of invalidation tags (DESIGN.md section 8). Versions and leases are kept per tag,
 * whatever its kind; only what a read depends on and what a write bumps differ:
 * <ul>
 *   <li>{@code t}: the table tag, bumped by every write to {@code t}; reads that no column
 *       bounds depend on it;</li>
 *   <li>{@code t#*}: the rows tag, bumped by writes to {@code t} that pin no row (table-level);
 *       every read bounded on a column of {@code t} depends on it;</li>
 *   <li>{@code t#c*}: the wide tag of partition column {@code c}, bumped by a write to
 *       {@code t} that does not know {@code c}'s values before and after;</li>
 *   <li>{@code t#c#b}: bucket {@code b} of {@code c}, bumped by a write whose rows have a value of
 *       {@code c} in that bucket.</li>
 * </ul>
 * A table named like another's tag only shares counters with it: an extra miss, never a stale
 * read. Stateless.
 */
public final class Tags {

    private Tags() {
    }

    /** The kinds of tag, for stats. */
    public enum Kind { TABLE, ROWS, WIDE, BUCKET, OTHER }

    public static String rows(String table) {
        return table + "#*";
    }

    public static String wide(String table, String column) {
        return table + "#" + column + "*";
    }

    /** The prefix of {@code column}'s bucket tags: append the bucket number. */
    public static String bucketPrefix(String table, String column) {
        return table + "#" + column + "#";
    }

    /**
     * The bucket of a canonical value among {@code buckets}: a hash that is the same in every JVM
     * (nodes sharing a store must agree on it), spread by a 64-bit finalizer.
     */
    public static int bucket(String canonicalValue, int buckets) {
        long h = 1125899906842597L;
        for (int i = 0; i < canonicalValue.length(); i++) {
            h = 31 * h + canonicalValue.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, buckets);
    }

    /** What kind of tag {@code tag} is, by its shape. */
    public static Kind kindOf(String tag) {
        int hash = tag.indexOf('#');
        if (hash < 0) {
            return tag.startsWith("jdbc-cache:") ? Kind.OTHER : Kind.TABLE;
        }
        if (tag.endsWith("#*")) {
            return Kind.ROWS;
        }
        return tag.endsWith("*") ? Kind.WIDE : Kind.BUCKET;
    }

    /** The table a tag belongs to. */
    public static String tableOf(String tag) {
        int hash = tag.indexOf('#');
        return hash < 0 ? tag : tag.substring(0, hash);
    }
}
