/**
 * The differential suite: the same scripted JDBC session runs through the plain driver and through
 * {@code jdbc:cache:}, and the two transcripts of everything observable must be equal.
 *
 * <p>Entry point {@link dev.jdbccache.it.differential.DifferentialTest}, parameterised over the
 * databases ({@link dev.jdbccache.it.differential.Database}), the modes
 * ({@link dev.jdbccache.it.differential.Mode}: cache off; cache on with every read repeated so the
 * repetition is a hit) and the scenarios ({@link dev.jdbccache.it.differential.Scenarios}, grouped
 * by theme in the {@code *Scenarios} classes). Run it with
 * <pre>
 * mvn -o -pl integration-tests -am test -Dtest='dev.jdbccache.it.differential.**' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * System properties: {@code jdbccache.test.pg.url} (the PostgreSQL database; one schema per run is
 * created and dropped in it), {@code jdbccache.test.mariadb.url} (the MariaDB server; one database
 * per run), {@code jdbccache.differential.dump=<dir>} (write every transcript
 * there), {@code jdbccache.differential.cacheSide=plain} (map the cache side to the plain URL, to
 * work on the suite itself).
 *
 * <p>Adding a scenario: a {@link dev.jdbccache.it.differential.ScenarioBody} that records through
 * the {@link dev.jdbccache.it.differential.Transcript}; reads go through {@code query},
 * {@code statementQuery} or {@code reads} so the repeated-reads mode repeats them.
 */
package dev.jdbccache.it.differential;
