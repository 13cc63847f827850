package dev.jdbccache.invalidation;

import dev.jdbccache.parser.PinValue;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags a cacheable read depends on, per execution (DESIGN.md section 8): a fixed, sorted
 * part (the catalog tag, the table tag of every unbounded table, the rows and wide tags of every
 * bounded one) and, for each bounded occurrence, the bucket tags of the values bound this time.
 * An occurrence whose values are not all known depends on its table tag instead. Immutable.
 */
public final class ReadTags {

    /** One pinned occurrence: its column, where its values come from, and its table tag. */
    public record Bound(PartitionColumn column, List<PinValue> values, String tableTag) {
    }

    /** Beyond this many values one occurrence depends on its table: a lookup must stay small. */
    static final int MAX_BUCKETS_PER_OCCURRENCE = 256;

    private final String[] fixed;
    private final Bound[] bound;

    public ReadTags(String[] fixed, List<Bound> bound) {
        this.fixed = fixed;
        this.bound = bound.toArray(new Bound[0]);
    }

    /** The fixed part, sorted; every execution's tags start with it. Shared: do not modify. */
    public String[] fixed() {
        return fixed;
    }

    public List<Bound> bound() {
        return List.of(bound);
    }

    /** The tags of one execution with {@code parameters}. */
    public String[] tags(BoundValues parameters) {
        if (bound.length == 0) {
            return fixed;
        }
        Set<String> extra = new LinkedHashSet<>();
        for (Bound b : bound) {
            Set<String> buckets = b.column().bucketTags(PinnedValues.of(b.values(), parameters), MAX_BUCKETS_PER_OCCURRENCE);
            if (buckets == null) {
                extra.add(b.tableTag());
            } else {
                extra.addAll(buckets);
            }
        }
        for (String tag : fixed) {
            extra.remove(tag);
        }
        String[] all = Arrays.copyOf(fixed, fixed.length + extra.size());
        int i = fixed.length;
        for (String tag : extra) {
            all[i++] = tag;
        }
        return all;
    }
}
