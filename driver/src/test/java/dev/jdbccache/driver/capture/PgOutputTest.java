package dev.jdbccache.driver.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgOutputTest {

    /** Records every call as text. */
    private static final class Calls implements PgOutput.Listener {
        final List<String> calls = new ArrayList<>();
        PgOutput.Relation previous;
        String[] lastBefore;
        String[] lastAfter;

        @Override
        public void begin(long commitMillis) {
            calls.add("begin " + commitMillis);
        }

        @Override
        public void relation(PgOutput.Relation relation, PgOutput.Relation previous) {
            this.previous = previous;
            calls.add("relation " + relation.schema() + "." + relation.name() + " " + relation.columns() + " "
                    + relation.replicaIdentity());
        }

        @Override
        public void insert(PgOutput.Relation relation, String[] after) {
            lastAfter = after;
            calls.add("insert " + relation.name() + " " + Arrays.toString(after));
        }

        @Override
        public void update(PgOutput.Relation relation, char oldKind, String[] before, String[] after) {
            lastBefore = before;
            lastAfter = after;
            calls.add("update " + relation.name() + " " + (oldKind == 0 ? "-" : String.valueOf(oldKind)) + " "
                    + Arrays.toString(before) + " " + Arrays.toString(after));
        }

        @Override
        public void delete(PgOutput.Relation relation, char oldKind, String[] before) {
            calls.add("delete " + relation.name() + " " + oldKind + " " + Arrays.toString(before));
        }

        @Override
        public void truncate(List<PgOutput.Relation> relations) {
            calls.add("truncate " + relations.stream().map(PgOutput.Relation::name).toList());
        }

        @Override
        public void commit(long endLsn, long commitMillis) {
            calls.add("commit " + endLsn + " " + commitMillis);
        }
    }

    private final PgOutput decoder = new PgOutput();
    private final Calls calls = new Calls();

    private void relation() {
        decoder.decode(PgOutputMessages.relation(16385, "public", "orders", 'd', "*id", "customer", "note"), calls);
    }

    @Test
    void aTransaction_decodesInOrder_withPostgresTimestampsAsUnixMillis() {
        long micros = 1_000_000L * 86_400; // 2000-01-02 00:00:00 UTC in PostgreSQL's epoch
        decoder.decode(PgOutputMessages.of('B').i64(0x16B3748L).i64(micros).i32(734).buffer(), calls);
        relation();
        decoder.decode(PgOutputMessages.of('I').i32(16385).b('N').tuple("1", "42", null).buffer(), calls);
        decoder.decode(PgOutputMessages.of('C').b(0).i64(0x16B3748L).i64(0x16B3790L).i64(micros).buffer(), calls);
        long unixMillis = 946_684_800_000L + 86_400_000L;
        assertEquals(List.of("begin " + unixMillis, "relation public.orders [Column[name=id, key=true], "
                + "Column[name=customer, key=false], Column[name=note, key=false]] d",
                "insert orders [1, 42, null]", "commit " + 0x16B3790L + " " + unixMillis), calls.calls);
        assertNull(calls.previous);
    }

    @Test
    void updates_carryTheOldKeyOrRow_onlyWhenTheMessageHasIt() {
        relation();
        decoder.decode(PgOutputMessages.of('U').i32(16385).b('N').tuple("1", "43", "x").buffer(), calls);
        decoder.decode(PgOutputMessages.of('U').i32(16385).b('K').tuple("1", null, null).b('N').tuple("2", "43", "x").buffer(), calls);
        decoder.decode(PgOutputMessages.of('U').i32(16385).b('O').tuple("2", "43", "x").b('N').tuple("2", "44", "x").buffer(), calls);
        assertEquals(List.of("update orders - null [1, 43, x]", "update orders K [1, null, null] [2, 43, x]",
                "update orders O [2, 43, x] [2, 44, x]"), calls.calls.subList(1, 4));
    }

    @Test
    void anUnchangedToastedValue_isMarked_notRead() {
        relation();
        decoder.decode(PgOutputMessages.of('U').i32(16385).b('N').tuple("1", "43", PgOutput.UNCHANGED).buffer(), calls);
        assertSame(PgOutput.UNCHANGED, calls.lastAfter[2]);
        assertArrayEquals(new String[] {"1", "43", PgOutput.UNCHANGED}, calls.lastAfter);
    }

    @Test
    void deletesAndTruncates_nameTheirRelations() {
        relation();
        decoder.decode(PgOutputMessages.relation(16390, "sales", "lines", 'f', "*a", "*b"), calls);
        decoder.decode(PgOutputMessages.of('D').i32(16385).b('K').tuple("7", null, null).buffer(), calls);
        decoder.decode(PgOutputMessages.of('T').i32(2).b(1).i32(16385).i32(16390).buffer(), calls);
        assertEquals(List.of("delete orders K [7, null, null]", "truncate [orders, lines]"), calls.calls.subList(2, 4));
    }

    @Test
    void aRelationDescribedAgain_isReportedWithItsEarlierDescription() {
        relation();
        decoder.decode(PgOutputMessages.relation(16385, "public", "orders", 'd', "*id", "customer", "note", "added"), calls);
        assertEquals(List.of("id", "customer", "note"), calls.previous.columns().stream().map(PgOutput.Column::name).toList());
    }

    @Test
    void messagesWithNothingToInvalidate_areSkipped_andAChangeOfAnUndescribedRelationFails() {
        decoder.decode(PgOutputMessages.of('Y').i32(5000).string("public").string("mood").buffer(), calls);
        decoder.decode(PgOutputMessages.of('O').i64(5).string("origin").buffer(), calls);
        assertEquals(List.of(), calls.calls);
        assertThrows(IllegalStateException.class,
                () -> decoder.decode(PgOutputMessages.of('I').i32(99).b('N').tuple("1").buffer(), calls));
    }
}
