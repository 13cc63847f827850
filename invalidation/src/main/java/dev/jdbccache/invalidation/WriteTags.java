package dev.jdbccache.invalidation;

import dev.jdbccache.parser.PinValue;
import java.util.List;
import java.util.Set;

/**
 * The tags a keyed write bumps, per execution (DESIGN.md section 8): its table tag, the wide tag
 * of each partition column whose values it does not know before and after, and the bucket tags
 * of the values of the others. A column whose values turn out unknown at execution (a value of
 * the wrong type, a parameter that is not key material) bumps its wide tag. Immutable.
 */
public final class WriteTags {

    /** A partition column the write pins, and where the values come from. */
    public record Keyed(PartitionColumn column, List<PinValue> values) {
    }

    /** Beyond this many values a column bumps its wide tag: one write must stay a small call. */
    static final int MAX_BUCKETS_PER_COLUMN = 1000;

    private final List<Keyed> keyed;

    public WriteTags(List<Keyed> keyed) {
        this.keyed = List.copyOf(keyed);
    }

    public List<Keyed> keyed() {
        return keyed;
    }

    /** Adds to {@code tags} what one execution with {@code parameters} bumps for the keyed columns. */
    public void addTo(Set<String> tags, BoundValues parameters) {
        for (Keyed k : keyed) {
            Set<String> buckets = k.column().bucketTags(PinnedValues.of(k.values(), parameters), MAX_BUCKETS_PER_COLUMN);
            if (buckets == null) {
                tags.add(k.column().wideTag());
            } else {
                tags.addAll(buckets);
            }
        }
    }
}
