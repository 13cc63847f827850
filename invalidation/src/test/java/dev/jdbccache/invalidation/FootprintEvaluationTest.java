package dev.jdbccache.invalidation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jdbccache.parser.PinValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Footprint evaluation, pure: canonical values, bucket tags, and what falls back to wider tags. */
class FootprintEvaluationTest {

    private final PartitionColumn id = new PartitionColumn("item", "id", ColumnType.INTEGER, 4096);

    @Test
    void integerSpellings_nameOneValue_andOthersNone() {
        assertEquals("5", ColumnType.INTEGER.canonical(5));
        assertEquals("5", ColumnType.INTEGER.canonical(5L));
        assertEquals("5", ColumnType.INTEGER.canonical((short) 5));
        assertEquals("5", ColumnType.INTEGER.canonical(new BigDecimal("5.000")));
        assertEquals("5", ColumnType.INTEGER.canonical("+05"));
        assertEquals("-7", ColumnType.INTEGER.canonical("-7"));
        assertNull(ColumnType.INTEGER.canonical(new BigDecimal("5.5")), "equals no integer");
        assertNull(ColumnType.INTEGER.canonical(" 5"), "the database may trim it: not decided here");
        assertNull(ColumnType.INTEGER.canonical(5.0d));
        assertNull(ColumnType.INTEGER.canonical(true));
        UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals(u.toString(), ColumnType.UUID_TYPE.canonical("123E4567-E89B-12D3-A456-426614174000"));
        assertNull(ColumnType.UUID_TYPE.canonical("{123e4567-e89b-12d3-a456-426614174000}"));
        assertEquals("a ", ColumnType.TEXT.canonical("a "), "text is exact: no trimming");
        assertNull(ColumnType.TEXT.canonical(5));
        assertNull(ColumnType.TEXT.canonical("a\uD800"), "an unpaired surrogate is sent as another character");
        assertEquals("\uD83D\uDE00", ColumnType.TEXT.canonical("\uD83D\uDE00"));
    }

    @Test
    void bucketsAreTheSameInEveryJvm() {
        // nodes sharing a store must agree: this pins the hash (changing it needs a new signature)
        assertEquals(Tags.bucket("5", 4096), Tags.bucket("5", 4096));
        assertEquals(3164, Tags.bucket("5", 4096));
        assertEquals("item#id#3164", id.bucketTag(5L));
        assertEquals(id.bucketTag(5), id.bucketTag("5"));
    }

    @Test
    void aReadDependsOnItsValuesBuckets_orOnItsTableWhenAValueIsNotKnown() {
        ReadTags tags = new ReadTags(new String[] {"item#*", "item#id*", "jdbc-cache:catalog"},
                List.of(new ReadTags.Bound(id, List.of(new PinValue.Parameter(1)), "item")));
        assertArrayEquals(new String[] {"item#*", "item#id*", "jdbc-cache:catalog", id.bucketTag(7)},
                tags.tags(i -> 7));
        assertArrayEquals(new String[] {"item#*", "item#id*", "jdbc-cache:catalog", "item"},
                tags.tags(BoundValues.NONE), "an unknown value: the whole table");
        assertArrayEquals(new String[] {"item#*", "item#id*", "jdbc-cache:catalog", "item"},
                tags.tags(i -> 7.5d), "a value of another type: the whole table");
        assertArrayEquals(new String[] {"item#*", "item#id*", "jdbc-cache:catalog", "item"}, tags.tags(i -> null),
                "= NULL may match rows (transform_null_equals): the whole table");
        ReadTags any = new ReadTags(new String[] {"item#*"},
                List.of(new ReadTags.Bound(id, List.of(new PinValue.ArrayParameter(1)), "item")));
        assertEquals(3, any.tags(i -> List.of(1, 2, 2)).length, "one bucket per distinct value");
        List<Integer> many = java.util.stream.IntStream.range(0, ReadTags.MAX_BUCKETS_PER_OCCURRENCE + 1).boxed().toList();
        assertArrayEquals(new String[] {"item#*", "item"}, any.tags(i -> many), "too many values: the whole table");
    }

    @Test
    void aWriteBumpsItsValuesBuckets_orTheWideTagWhenOneIsNotKnown() {
        WriteTags write = new WriteTags(List.of(new WriteTags.Keyed(id, List.of(new PinValue.Parameter(2),
                new PinValue.Literal("9", false)))));
        Set<String> tags = new HashSet<>();
        write.addTo(tags, i -> i == 2 ? 3 : BoundValues.UNKNOWN);
        assertEquals(Set.of(id.bucketTag(3), id.bucketTag(9)), tags);
        Set<String> unknown = new HashSet<>();
        write.addTo(unknown, BoundValues.NONE);
        assertEquals(Set.of("item#id*"), unknown);
        Set<String> nulls = new HashSet<>();
        write.addTo(nulls, i -> null);
        assertEquals(Set.of("item#id*"), nulls, "a NULL may become a value (DEFAULT ON NULL, identity): wide");
    }
}
