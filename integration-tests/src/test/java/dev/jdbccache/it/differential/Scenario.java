package dev.jdbccache.it.differential;

import java.util.EnumSet;
import java.util.Set;

/**
 * One differential check: a name that states the behaviour, the databases it applies to, and the
 * script. A scenario that uses a feature only one database has is marked with that database and
 * is not generated for the other.
 */
record Scenario(String name, Set<Database> databases, ScenarioBody body) {

    Scenario {
        databases = Set.copyOf(databases);
    }

    static Scenario both(String name, ScenarioBody body) {
        return new Scenario(name, EnumSet.allOf(Database.class), body);
    }

    static Scenario only(Database database, String name, ScenarioBody body) {
        return new Scenario(name, EnumSet.of(database), body);
    }

    boolean appliesTo(Database database) {
        return databases.contains(database);
    }

    @Override
    public String toString() {
        return name;
    }
}
