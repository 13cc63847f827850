package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.parser.PinValue.ArrayParameter;
import dev.jdbccache.parser.PinValue.Literal;
import dev.jdbccache.parser.PinValue.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The footprint templates of DESIGN.md section 8: what pins an occurrence, and everything that must not. */
class FootprintTest {

    private static final SqlAnalyzer PG = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();

    private static Footprint footprint(String sql) {
        return PG.analyze(sql).footprint();
    }

    /** table -> "column=values|column=values" for each pinned occurrence, "unbounded" for the others. */
    private static Map<String, String> reads(String sql) {
        SqlAnalysis analysis = PG.analyze(sql);
        Map<String, String> out = new TreeMap<>();
        for (TableName table : analysis.tablesRead()) {
            List<TablePins> occurrences = analysis.footprint().occurrencesOf(table);
            out.put(table.name(), occurrences.isEmpty() ? "unbounded" : occurrences.stream()
                    .map(o -> o.pins().stream().map(p -> p.column() + "=" + p.values().stream()
                            .map(FootprintTest::text).collect(Collectors.joining(","))).sorted()
                            .collect(Collectors.joining("|")))
                    .collect(Collectors.joining(" ; ")));
        }
        return out;
    }

    private static String text(PinValue v) {
        if (v instanceof Parameter p) {
            return "?" + p.index();
        }
        if (v instanceof ArrayParameter a) {
            return "any?" + a.index();
        }
        Literal l = (Literal) v;
        return l.text() == null ? "null" : l.quoted() ? "'" + l.text() + "'" : l.text();
    }

    /** A map of reads, asserted entry by entry. */
    private record Reads(Map<String, String> reads) {
        Reads has(String table, String pins) {
            assertEquals(pins, reads.get(table), () -> table + " in " + reads);
            return this;
        }
    }

    private static Reads expect(Map<String, String> reads) {
        return new Reads(reads);
    }

    @Test
    void equalityInAndAnyOnAColumn_pinIt() {
        expect(reads("select * from item where id = ?")).has("item", "id=?1");
        expect(reads("select * from item where id in (1, 2, ?)")).has("item", "id=1,2,?1");
        expect(reads("select * from item where id = any(?)")).has("item", "id=any?1");
        expect(reads("select * from item where 5 = id and name = 'x'")).has("item", "id=5|name='x'");
        expect(reads("select * from item i where (i.id = -3 and i.price > ?)")).has("item", "id=-3");
    }

    @Test
    void equalitiesBetweenColumns_carryAPinToEveryTableOfTheChain() {
        expect(reads("select * from review r, item i where r.item_id = i.id and r.item_id = ?"))
                .has("review", "item_id=?1").has("item", "id=?1");
        expect(reads("select * from review r join item i on i.id = r.item_id where i.id = ?"))
                .has("review", "item_id=?1").has("item", "id=?1");
    }

    @Test
    void anOuterJoinsOn_pinsOnlyItsNullableSide() {
        expect(reads("select * from item i left join review r on r.item_id = i.id and i.id = ?"))
                .has("item", "unbounded").has("review", "item_id=?1");
        expect(reads("select * from item i left outer join review r on r.item_id = i.id where i.id = ?"))
                .has("item", "id=?1").has("review", "item_id=?1");
    }

    @Test
    void orNotAndOtherShapes_leaveTheTableUnbounded() {
        expect(reads("select * from item where id = ? or id = ?")).has("item", "unbounded");
        expect(reads("select * from item where not (id = ?)")).has("item", "unbounded");
        expect(reads("select * from item where id not in (1, 2)")).has("item", "unbounded");
        expect(reads("select * from item where id + 0 = ?")).has("item", "unbounded");
        expect(reads("select * from item where id > ?")).has("item", "unbounded");
        expect(reads("select * from item where id = ?::int")).has("item", "unbounded");
        expect(reads("select * from item where id = any(array[1, 2])")).has("item", "unbounded");
        expect(reads("select * from item where id is null")).has("item", "unbounded");
        expect(reads("select * from item")).has("item", "unbounded");
    }

    /** JSqlParser 5.3 lets an IN list swallow what follows it: an OR must never end up under a top-level AND. */
    @Test
    void anInThatSwallowedAnOr_pinsNothing_andOneThatSwallowedAnds_isUndone() {
        expect(reads("select * from t where id = 1 and y in (1, 2) or z = 2")).has("t", "unbounded");
        expect(reads("select * from t where id = 1 and y not in (1, 2) or z = 2")).has("t", "unbounded");
        expect(reads("select * from t where id = 1 and y in (select 1) or z = 2")).has("t", "unbounded");
        expect(reads("select * from t where (id = 1 and y in (1) or z in (2))")).has("t", "unbounded");
        expect(reads("select * from t where id in (1, 2) and y = 2 or z = 2")).has("t", "unbounded");
        expect(reads("select * from t where id in (1, 2) and y = 2 and z in (3, ?)")).has("t", "id=1,2|y=2|z=3,?1");
        expect(reads("select * from t where id not in (1, 2) and y = ?")).has("t", "y=?1");
    }

    @Test
    void aTableAlsoReadElsewhere_isUnbounded() {
        expect(reads("select * from review r where r.item_id = ? and r.rating > (select avg(rating) from review)"))
                .has("review", "unbounded");
        expect(reads("select * from item where id = ? union select * from item where id = ?"))
                .has("item", "unbounded");
        expect(reads("with c as (select * from item) select * from c where id = ?")).has("item", "unbounded");
        // the subquery's table is unbounded, the outer one keeps its pin
        expect(reads("select * from item i where i.id = ? and exists (select 1 from review r where r.item_id = i.id)"))
                .has("item", "id=?1").has("review", "unbounded");
    }

    @Test
    void selfJoins_pinEachOccurrenceOrNone() {
        expect(reads("select * from review a join review b on a.user_id = b.user_id where a.item_id = ?"))
                .has("review", "unbounded");
        expect(reads("select * from review a join review b on a.user_id = b.user_id where a.user_id = ?"))
                .has("review", "user_id=?1 ; user_id=?1");
    }

    @Test
    void rightFullAndUsingJoins_andAmbiguousColumns_pinNothing() {
        expect(reads("select * from item i right join review r on r.item_id = i.id where r.item_id = ?"))
                .has("review", "unbounded").has("item", "unbounded");
        expect(reads("select * from item i full join review r on r.item_id = i.id where i.id = ?"))
                .has("item", "unbounded");
        expect(reads("select * from item join review using (id) where id = ?")).has("item", "unbounded");
        expect(reads("select * from item, review where id = ?"))
                .has("item", "unbounded").has("review", "unbounded");
    }

    @Test
    void nestedJoins_whoseOnsTheParserMoves_pinNothing() {
        // JSqlParser puts both ONs on c's join, none on b's: "a.id = ?" is not a filter of a
        expect(reads("select * from a left join b join c on c.bid = b.id on b.aid = a.id and a.id = ?"))
                .has("a", "unbounded").has("b", "unbounded").has("c", "unbounded");
    }

    @Test
    void chainsRecordTheColumnsTheyPassThrough() {
        TablePins review = PG.analyze("select * from review r join item i on i.id = r.item_id where i.id = ?")
                .footprint().occurrencesOf(TableName.of("review")).get(0);
        assertEquals(List.of(new ColumnPin.Through(TableName.of("item"), "id")), review.pins().get(0).through());
    }

    @Test
    void truncateCascade_writesTablesItDoesNotName() {
        assertTrue(PG.analyze("truncate customers cascade").writesUnknown());
        assertFalse(PG.analyze("truncate customers").writesUnknown());
    }

    @Test
    void parametersAreNumberedInTextOrder_subqueriesIncluded() {
        expect(reads("select * from item i where i.price > (select min(x) from other where y = ?) and i.id = ?"))
                .has("item", "id=?2");
        expect(reads("select * from item where name = '?' and id = ?")).has("item", "id=?1|name='?'");
    }

    @Test
    void keyedUpdatesDeletesAndInserts_haveAShape() {
        WriteShape update = footprint("update item set price = ?, name = ? where id = ?").write();
        assertEquals(StatementKind.UPDATE, update.kind());
        assertEquals(List.of(new ColumnPin("id", List.of(new Parameter(3)))), update.pins());
        assertEquals(Set.of("price", "name"), update.assigned());

        WriteShape moving = footprint("update review set item_id = ? where id = ? and item_id = ?").write();
        assertEquals(Set.of("item_id"), moving.assigned());
        assertTrue(Footprint.assigns(moving, "ITEM_ID"));
        assertFalse(Footprint.assigns(moving, "id"));

        WriteShape delete = footprint("delete from review r where r.item_id in (?, ?) and r.rating < 3").write();
        assertEquals(List.of(new ColumnPin("item_id", List.of(new Parameter(1), new Parameter(2)))), delete.pins());

        WriteShape insert = footprint("insert into review (id, item_id, note) values (?, 7, now()), (?, ?, 'x')").write();
        assertEquals(List.of(
                new ColumnPin("id", List.of(new Parameter(1), new Parameter(2))),
                new ColumnPin("item_id", List.of(new Literal("7", false), new Parameter(3)))), insert.pins());
        WriteShape one = footprint("insert into item (id, name) values (?, ?)").write();
        assertEquals(List.of("id", "name"), one.pins().stream().map(ColumnPin::column).toList());
    }

    @Test
    void upsertsSelectsJoinsAndCtes_haveNoShape() {
        assertNull(footprint("insert into item (id) values (?) on conflict (id) do update set name = 'x'").write());
        assertNull(footprint("insert into item (id) select id from other").write());
        assertNull(footprint("insert into item values (?, ?)").write());
        assertNull(footprint("update item set price = 1 from other where other.id = item.id and item.id = ?").write());
        assertNull(footprint("delete from item using other where other.id = item.id and item.id = ?").write());
        assertNull(footprint("with x as (update item set price = 1 where id = ? returning *) select * from x").write());
        assertTrue(footprint("update item set price = 1 where id = ? or id = ?").write().pins().isEmpty());
    }
}
