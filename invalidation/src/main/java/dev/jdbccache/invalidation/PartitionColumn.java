package dev.jdbccache.invalidation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/**
 * A partition column of a table (DESIGN.md section 8): its wide tag and its bucket tags, whose
 * names are made once per bucket and kept (a hit must not build strings). Thread-safe: a bucket
 * name written by two threads at once is the same string.
 */
public final class PartitionColumn {
    private final String table;
    private final String column;
    private final ColumnType type;
    private final String wideTag;
    private final String bucketPrefix;
    private final String[] bucketTags;

    public PartitionColumn(String table, String column, ColumnType type, int buckets) {
        this.table = table;
        this.column = column;
        this.type = type;
        this.wideTag = Tags.wide(table, column);
        this.bucketPrefix = Tags.bucketPrefix(table, column);
        this.bucketTags = new String[buckets];
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String wideTag() {
        return wideTag;
    }

    /** The bucket tag of {@code value}, or {@code null} when it is not a value of the column's type. */
    public String bucketTag(Object value) {
        String canonical = type.canonical(value);
        if (canonical == null) {
            return null;
        }
        int bucket = Tags.bucket(canonical, bucketTags.length);
        String tag = bucketTags[bucket];
        if (tag == null) {
            tag = bucketPrefix + bucket;
            bucketTags[bucket] = tag;
        }
        return tag;
    }

    /**
     * The bucket tags of {@code values} ({@link PinnedValues#of}): {@code null} when the pin is
     * unknown, has more than {@code max} values, or holds a value not of the column's type.
     */
    public Set<String> bucketTags(List<Object> values, int max) {
        if (values == PinnedValues.UNKNOWN || values.size() > max) {
            return null;
        }
        Set<String> buckets = new LinkedHashSet<>();
        for (Object value : values) {
            String tag = bucketTag(value);
            if (tag == null) {
                return null;
            }
            buckets.add(tag);
        }
        return buckets;
    }

    @Override
    public String toString() {
        return table + "." + column + " (" + type + ")";
    }
}
