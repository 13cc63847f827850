package dev.jdbccache.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(graph.readsUnresolvedView(Set.of("opaque_view")));
        assertFalse(graph.readsUnresolvedView(Set.of("orders")));
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
