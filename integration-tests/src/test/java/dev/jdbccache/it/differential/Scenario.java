package dev.jdbccache.it.differential;

import java.util.EnumSet;
import java.util.Set;

/**
 * One differential check: a name that states the behaviour, the databases it applies to, and the
 * script. A scenario that uses a feature only one database has is marked with that database and
 * is not generated for the other.
 */
record Scenario(String name, Set<Database> databases, ScenarioBody body, String differsOnHits) {

    Scenario {
        databases = Set.copyOf(databases);
    }

    /** H2 and PostgreSQL: the SQL or the JDBC behaviour it checks is not MariaDB's. */
    static Scenario both(String name, ScenarioBody body) {
        return new Scenario(name, EnumSet.of(Database.H2, Database.POSTGRESQL), body, null);
    }

    /** Every database: the script runs unchanged on H2, PostgreSQL and MariaDB. */
    static Scenario everywhere(String name, ScenarioBody body) {
        return new Scenario(name, EnumSet.allOf(Database.class), body, null);
    }

    static Scenario only(Database database, String name, ScenarioBody body) {
        return new Scenario(name, EnumSet.of(database), body, null);
    }

    /**
     * The same scenario, declared to differ by design when reads are cache hits, with the
     * reason (also in docs/consistency.md). It still runs with the cache off.
     */
    Scenario differingOnHitsBecause(String reason) {
        return new Scenario(name, databases, body, reason);
    }

    boolean runsIn(Mode mode) {
        return !mode.repeatReads() || differsOnHits == null;
    }

    boolean appliesTo(Database database) {
        return databases.contains(database);
    }

    @Override
    public String toString() {
        return name;
    }
}
