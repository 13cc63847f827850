package dev.jdbccache.driver.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.driver.cache.ChangedTable;
import dev.jdbccache.invalidation.ColumnType;
import dev.jdbccache.invalidation.PartitionColumn;
import dev.jdbccache.invalidation.Tags;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tags of changes committed elsewhere: as a keyed write through the driver, by row where the
 * message tells the partition columns' values before and after, wider where it does not.
 */
class ChangeSetTest {

    private static final PartitionColumn ID = new PartitionColumn("orders", "id", ColumnType.INTEGER, 64);
    private static final PartitionColumn CUSTOMER = new PartitionColumn("orders", "customer", ColumnType.INTEGER, 64);
    /** id is the replica identity; customer a foreign key; note no partition column. */
    private static final PgOutput.Relation ORDERS = new PgOutput.Relation(1, "public", "orders", 'd',
            List.of(new PgOutput.Column("id", true), new PgOutput.Column("customer", false), new PgOutput.Column("note", false)));
    private static final Set<String> ANY = Set.of("orders", "all_orders", Tags.rows("all_orders"));

    private final ChangeCaptureStats stats = new ChangeCaptureStats();

    private ChangeSet changes(List<PartitionColumn> columns, boolean unknown, int maxRowTags) {
        Set<String> whole = new TreeSet<>(ANY);
        whole.add(Tags.rows("orders"));
        ChangedTable orders = new ChangedTable("orders", ANY, whole, columns, unknown, 0);
        return new ChangeSet(table -> orders, maxRowTags, stats);
    }

    private static Set<String> tags(String... extra) {
        Set<String> result = new TreeSet<>(ANY);
        result.addAll(List.of(extra));
        return result;
    }

    @Test
    void anInsert_bumpsTheBucketsOfItsValues() {
        ChangeSet c = changes(List.of(ID, CUSTOMER), false, 1000);
        c.insert(ORDERS, new String[] {"5", "42", "x"});
        assertEquals(tags(ID.bucketTag(5), CUSTOMER.bucketTag(42)), new TreeSet<>(c.tags()));
    }

    @Test
    void anUpdateThatKeepsTheKey_knowsTheKeysBucket_butNotTheOldValueOfAnotherColumn() {
        ChangeSet c = changes(List.of(ID, CUSTOMER), false, 1000);
        c.update(ORDERS, (char) 0, null, new String[] {"5", "42", "x"});
        assertEquals(tags(ID.bucketTag(5), CUSTOMER.wideTag()), new TreeSet<>(c.tags()));
    }

    @Test
    void anUpdateOfTheKey_bumpsTheOldAndTheNewBucket() {
        ChangeSet c = changes(List.of(ID), false, 1000);
        c.update(ORDERS, 'K', new String[] {"4", null, null}, new String[] {"5", "42", "x"});
        assertEquals(tags(ID.bucketTag(4), ID.bucketTag(5)), new TreeSet<>(c.tags()));
    }

    @Test
    void underReplicaIdentityFull_theOldRowTellsEveryColumn() {
        ChangeSet c = changes(List.of(ID, CUSTOMER), false, 1000);
        c.update(ORDERS, 'O', new String[] {"5", "41", "x"}, new String[] {"5", "42", "y"});
        assertEquals(tags(ID.bucketTag(5), CUSTOMER.bucketTag(41), CUSTOMER.bucketTag(42)), new TreeSet<>(c.tags()));
    }

    @Test
    void aDeleteByKey_doesNotTellTheOtherColumns() {
        ChangeSet c = changes(List.of(ID, CUSTOMER), false, 1000);
        c.delete(ORDERS, 'K', new String[] {"5", null, null});
        assertEquals(tags(ID.bucketTag(5), CUSTOMER.wideTag()), new TreeSet<>(c.tags()));
    }

    @Test
    void anUnchangedToastedValue_orAValueOfAnotherType_isNotKnown() {
        PartitionColumn note = new PartitionColumn("orders", "note", ColumnType.UUID_TYPE, 64);
        ChangeSet c = changes(List.of(ID, note), false, 1000);
        c.update(ORDERS, (char) 0, null, new String[] {"5", "42", PgOutput.UNCHANGED});
        c.insert(ORDERS, new String[] {"6", "42", "not-a-uuid"});
        assertEquals(tags(ID.bucketTag(5), ID.bucketTag(6), note.wideTag()), new TreeSet<>(c.tags()));
    }

    @Test
    void aNullIsNoValue_noEqualityReadFindsItsRow() {
        ChangeSet c = changes(List.of(ID, CUSTOMER), false, 1000);
        c.insert(ORDERS, new String[] {"5", null, "x"});
        assertEquals(tags(ID.bucketTag(5)), new TreeSet<>(c.tags()));
    }

    @Test
    void aChangeThatTellsNoPartitionColumn_bumpsTheRowsTag() {
        ChangeSet c = changes(List.of(CUSTOMER), false, 1000);
        c.delete(ORDERS, 'K', new String[] {"5", null, null});
        assertEquals(tags(Tags.rows("orders")), new TreeSet<>(c.tags()));
        ChangeSet none = changes(List.of(), false, 1000);
        none.insert(ORDERS, new String[] {"5", "1", "x"});
        assertEquals(tags(Tags.rows("orders")), new TreeSet<>(none.tags()));
    }

    @Test
    void beyondMaxRowTags_theTableGoesWhole_andTheSetStopsGrowing() {
        ChangeSet c = changes(List.of(ID), false, 10);
        for (int i = 0; i < 1000; i++) {
            c.insert(ORDERS, new String[] {Integer.toString(i), "1", "x"});
        }
        assertTrue(c.tags().contains(Tags.rows("orders")));
        assertTrue(c.tags().size() <= ANY.size() + 1 + 11, "tags: " + c.tags().size());
        assertEquals(1, stats.escalations());
        assertEquals(1000, c.rows());
    }

    @Test
    void aTruncate_bumpsTheWholeTable_andAnUnknownCatalogBumpsEverything() {
        ChangeSet c = changes(List.of(ID), false, 1000);
        c.truncated(ORDERS);
        assertEquals(tags(Tags.rows("orders")), new TreeSet<>(c.tags()));
        assertFalse(c.everything());
        ChangeSet unknown = changes(List.of(), true, 1000);
        unknown.insert(ORDERS, new String[] {"1", "1", "x"});
        assertTrue(unknown.everything());
        unknown.clear();
        assertFalse(unknown.everything());
        assertTrue(unknown.tags().isEmpty());
    }
}
