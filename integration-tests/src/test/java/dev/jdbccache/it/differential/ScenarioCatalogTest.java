package dev.jdbccache.it.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the catalogue itself: distinct names and enough scenarios on each database. */
class ScenarioCatalogTest {

    @Test
    void scenarioNames_areUnique() {
        List<Scenario> all = Scenarios.all();
        Set<String> names = new HashSet<>();
        all.forEach(s -> assertTrue(names.add(s.name()), "duplicate scenario " + s.name()));
        assertEquals(all.size(), names.size());
    }

    @Test
    void eachDatabase_hasAtLeastSixtyScenarios() {
        for (Database database : Database.values()) {
            int count = Scenarios.forDatabase(database).size();
            assertTrue(count >= 60, database + " has only " + count + " scenarios");
        }
    }
}
