package dev.jdbccache.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private final DependencyGraph graph = new DependencyGraph.Builder()
            .viewReads("order_totals", "orders")
            .viewReads("order_totals", "order_lines")
            .viewReads("big_totals", "order_totals")
            .cascadesTo("orders", "order_lines")
            .cascadesTo("order_lines", "line_notes")
            .triggerWrites("orders", "audit")
            .triggerWritesUnknown("payments")
            .unresolvedView("opaque_view")
            .build();

    @Test
    void viewsExpandToTheirBaseTablesRecursively() {
        assertEquals(Set.of("big_totals", "order_totals", "orders", "order_lines"), graph.readDependencies(Set.of("big_totals")));
        assertEquals(Set.of("customers"), graph.readDependencies(Set.of("customers")));
    }

    @Test
    void writesFollowCascadesAndTriggersToAFixpoint() {
        DependencyGraph.Writes writes = graph.writeDependencies(Set.of("orders"));
        assertEquals(Set.of("orders", "order_lines", "line_notes", "audit"), writes.tables());
        assertFalse(writes.unknown());
    }

    @Test
    void aWriteThroughAViewWritesItsBaseTables() {
        assertTrue(graph.writeDependencies(Set.of("order_totals")).tables().containsAll(Set.of("orders", "order_lines")));
    }

    @Test
    void aTriggerWithUnknownTargetsMakesTheWriteUnknown() {
        assertTrue(graph.writeDependencies(Set.of("payments")).unknown());
    }

    @Test
    void readsOfUnresolvedViewsAreFlagged() {
        assertTrue(graph.readsUncacheableView(Set.of("opaque_view")));
        assertFalse(graph.readsUncacheableView(Set.of("orders")));
    }

    private final DependencyGraph partitioned = new DependencyGraph.Builder()
            .inherits("events_2026", "events")
            .inherits("events_2025", "events")
            .inherits("events_2026_12", "events_2026")
            .inherits("events_2026_11", "events_2026")
            .triggerWrites("events_2026_12", "event_counts")
            .build();

    @Test
    void aWriteToAPartitionWritesItsAncestorsButNotItsSiblings() {
        assertEquals(Set.of("events_2026_12", "events_2026", "events", "event_counts"),
                partitioned.writeDependencies(Set.of("events_2026_12")).tables());
    }

    @Test
    void aWriteToAParentMayLandInAnyDescendantAndFiresTheirTriggers() {
        assertEquals(Set.of("events", "events_2026", "events_2025", "events_2026_12", "events_2026_11", "event_counts"),
                partitioned.writeDependencies(Set.of("events")).tables());
        assertEquals(Set.of("events_2026", "events", "events_2026_12", "events_2026_11", "event_counts"),
                partitioned.writeDependencies(Set.of("events_2026")).tables());
    }

    @Test
    void aRuleWritesWhatItRefersTo() {
        DependencyGraph rules = new DependencyGraph.Builder().ruleRefers("orders", "orders_log").build();
        assertEquals(Set.of("orders", "orders_log"), rules.writeDependencies(Set.of("orders")).tables());
    }

    @Test
    void aCallIsAsVolatileAsItsWorstFunctionAndAnUnknownNameIsVolatile() {
        DependencyGraph functions = new DependencyGraph.Builder()
                .function("st_distance", Volatility.IMMUTABLE)
                .function("price_of", Volatility.STABLE)
                .function("touch", Volatility.IMMUTABLE)
                .function("touch", Volatility.VOLATILE)
                .build();
        assertEquals(Volatility.IMMUTABLE, functions.volatility(Set.of("st_distance")));
        assertEquals(Volatility.STABLE, functions.volatility(Set.of("st_distance", "price_of")));
        assertEquals(Volatility.VOLATILE, functions.volatility(Set.of("touch")), "the worst overload decides");
        assertEquals(Volatility.VOLATILE, functions.volatility(Set.of("missing")));
    }

    @Test
    void aViewIsAsCacheableAsItsDefinitionThroughViewsReadingIt() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();
        DependencyGraph views = new DependencyGraph.Builder()
                .function("tax", Volatility.IMMUTABLE)
                .function("price_now", Volatility.STABLE)
                .function("log_read", Volatility.VOLATILE)
                .viewDefined("lucky", analyzer.analyze("SELECT id, random() AS r FROM items"), true)
                .viewDefined("recent", analyzer.analyze("SELECT id FROM items WHERE created > now() - interval '1 day'"), true)
                .viewDefined("taxed", analyzer.analyze("SELECT id, tax(price) FROM items"), true)
                .viewDefined("priced", analyzer.analyze("SELECT id, price_now(id) FROM items"), true)
                .viewDefined("logged", analyzer.analyze("SELECT id, log_read(id) FROM items"), true)
                .viewDefined("plain", analyzer.analyze("SELECT id FROM items"), true)
                .viewReads("over_lucky", "lucky")
                .build();
        for (String view : Set.of("lucky", "recent", "priced", "logged", "over_lucky")) {
            assertTrue(views.readsUncacheableView(Set.of(view)), view);
        }
        assertFalse(views.readsUncacheableView(Set.of("taxed")));
        assertFalse(views.readsUncacheableView(Set.of("plain")));
        assertTrue(views.readsWritingView(Set.of("logged")));
        assertFalse(views.readsWritingView(Set.of("priced")));
        assertEquals(Set.of("taxed", "items"), views.readDependencies(Set.of("taxed")));
    }

    @Test
    void triggerBodiesNameTheTablesTheyWrite() {
        assertEquals(Set.of("audit", "Stats", "counters"), TriggerBodies.writtenTables("""
                BEGIN
                  IF TG_OP = 'UPDATE' THEN
                    INSERT INTO app.audit(id) VALUES (NEW.id);
                  END IF;
                  update "Stats" set n = n + 1;
                  DELETE FROM counters WHERE id = OLD.id;
                  NEW.updated_at := now();
                  RETURN NEW;
                END"""));
        assertEquals(Set.of(), TriggerBodies.writtenTables("BEGIN NEW.updated_at := now(); RETURN NEW; END"));
        assertNull(TriggerBodies.writtenTables("BEGIN EXECUTE format('delete from %I', TG_ARGV[0]); RETURN NULL; END"),
                "dynamic SQL cannot be named");
    }
}
