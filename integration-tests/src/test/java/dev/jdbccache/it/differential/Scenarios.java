package dev.jdbccache.it.differential;

import java.util.List;
import java.util.stream.Stream;

/** The catalogue of all differential scenarios, grouped by theme. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return Stream.of(
                        TypeScenarios.all(),
                        ParameterScenarios.all(),
                        QueryScenarios.all(),
                        StatementScenarios.all(),
                        BatchScenarios.all(),
                        ErrorScenarios.all(),
                        TransactionScenarios.all(),
                        ConnectionScenarios.all(),
                        MetadataScenarios.all(),
                        CallableScenarios.all(),
                        CoherenceScenarios.all())
                .flatMap(List::stream)
                .toList();
    }

    static List<Scenario> forDatabase(Database database) {
        return all().stream().filter(s -> s.appliesTo(database)).toList();
    }
}
