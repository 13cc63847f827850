package dev.jdbccache.driver.capture;

import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.driver.cache.ChangedTable;
import dev.jdbccache.invalidation.PartitionColumn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tags one committed transaction of another writer bumps, collected change by change
 * (DESIGN.md section 8, as a keyed write through the driver would bump them): a row change bumps
 * the bucket tags of its partition columns' values before and after where the message tells
 * them, the wide tag of a column whose old or new value it does not tell, and the table's rows
 * tag when it tells none. A table with more than {@code maxRowTags} row tags in one transaction
 * is invalidated whole instead, so a bulk load holds a bounded set. Not thread-safe (the
 * consumer's thread).
 */
final class ChangeSet {

    private final Function<String, ChangedTable> tables;
    private final int maxRowTags;
    private final ChangeCaptureStats stats;

    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, Integer> rowTagsByTable = new HashMap<>();
    private final Set<String> wholeTables = new HashSet<>();
    private boolean everything;
    private long rows;

    ChangeSet(Function<String, ChangedTable> tables, int maxRowTags, ChangeCaptureStats stats) {
        this.tables = tables;
        this.maxRowTags = maxRowTags;
        this.stats = stats;
    }

    void insert(PgOutput.Relation relation, String[] after) {
        row(relation, (char) 0, null, after, false);
    }

    void update(PgOutput.Relation relation, char oldKind, String[] before, String[] after) {
        row(relation, oldKind, before, after, true);
    }

    void delete(PgOutput.Relation relation, char oldKind, String[] before) {
        row(relation, oldKind, before, null, true);
    }

    /** A TRUNCATE: the table goes whole. */
    void truncated(PgOutput.Relation relation) {
        rows++;
        if (everything) {
            return; // every entry goes anyway: no catalog lookup per change
        }
        ChangedTable changed = tables.apply(relation.name());
        everything |= changed.unknown();
        wholeTables.add(changed.table());
        tags.addAll(changed.whole());
    }

    /** True when the transaction must invalidate every entry (the catalog could not tell what it reaches). */
    boolean everything() {
        return everything;
    }

    Set<String> tags() {
        return tags;
    }

    long rows() {
        return rows;
    }

    /** Row tags held now, over every table (bounded by the tables times {@code maxRowTags}). */
    int rowTags() {
        int sum = 0;
        for (int n : rowTagsByTable.values()) {
            sum += n;
        }
        return sum;
    }

    void clear() {
        tags.clear();
        rowTagsByTable.clear();
        wholeTables.clear();
        everything = false;
        rows = 0;
    }

    private void row(PgOutput.Relation relation, char oldKind, String[] before, String[] after, boolean hadRow) {
        rows++;
        if (everything) {
            return; // every entry goes anyway: no catalog lookup per change
        }
        ChangedTable changed = tables.apply(relation.name());
        everything |= changed.unknown();
        if (wholeTables.contains(changed.table())) {
            return;
        }
        tags.addAll(changed.anyChange());
        if (changed.columns().isEmpty()) {
            whole(changed);
            return;
        }
        Set<String> rowTags = new LinkedHashSet<>();
        boolean anyKnown = false;
        for (PartitionColumn column : changed.columns()) {
            int index = relation.indexOf(column.column());
            Set<String> buckets = index < 0 ? null : buckets(column, relation, index, oldKind, before, after, hadRow);
            if (buckets == null) {
                rowTags.add(column.wideTag());
            } else {
                anyKnown = true;
                rowTags.addAll(buckets);
            }
        }
        if (!anyKnown) {
            whole(changed);
            return;
        }
        int added = 0;
        for (String tag : rowTags) {
            if (tags.add(tag)) {
                added++;
            }
        }
        int held = rowTagsByTable.merge(changed.table(), added, Integer::sum);
        if (held > maxRowTags) {
            stats.escalated();
            whole(changed);
        }
    }

    private void whole(ChangedTable changed) {
        wholeTables.add(changed.table());
        tags.addAll(changed.whole());
    }

    /**
     * The bucket tags of the column's values before and after the change, or {@code null} when
     * the message does not tell one of them. A NULL is no value: no equality read finds its row.
     */
    private static Set<String> buckets(PartitionColumn column, PgOutput.Relation relation, int index, char oldKind,
            String[] before, String[] after, boolean hadRow) {
        Set<String> result = new LinkedHashSet<>(2);
        if (after != null && !add(result, column, after[index])) {
            return null;
        }
        if (!hadRow) {
            return result; // an insert: no row before
        }
        boolean key = relation.columns().get(index).key();
        if (oldKind == 'O' || (oldKind == 'K' && key)) {
            return add(result, column, before[index]) ? result : null;
        }
        if (oldKind == 0 && key) {
            return result; // an update that left the replica identity as it was: before = after
        }
        return null; // the old value of a column outside the replica identity is not in the message
    }

    private static boolean add(Set<String> result, PartitionColumn column, String value) {
        if (value == null) {
            return true;
        }
        if (value == PgOutput.UNCHANGED) {
            return false;
        }
        String tag = column.bucketTag(value);
        if (tag == null) {
            return false;
        }
        result.add(tag);
        return true;
    }
}
