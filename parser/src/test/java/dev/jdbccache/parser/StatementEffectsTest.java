package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Effects the driver must follow that a statement's kind alone hides: each statement of a
 * several-statement text, temporary objects, functions in texts the parser cannot read, sampling.
 */
class StatementEffectsTest {

    private final SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();

    @Test
    void severalStatements_comeWithEachStatementsOwnAnalysisInOrder() {
        SqlAnalysis a = analyzer.analyze("BEGIN; UPDATE t SET v = 2 WHERE id = 1; SET application_name = 'x'; COMMIT");
        assertTrue(a.several());
        List<SqlAnalysis> parts = a.statements();
        assertEquals(4, parts.size());
        assertEquals(TransactionControl.BEGIN, parts.get(0).transactionControl());
        assertEquals(StatementKind.UPDATE, parts.get(1).kind());
        assertEquals(java.util.Set.of(TableName.of("t")), parts.get(1).tablesWritten());
        assertEquals("application_name", parts.get(2).sessionSetting());
        assertEquals("SET application_name = 'x'", parts.get(2).normalizedSql());
        assertEquals(TransactionControl.COMMIT, parts.get(3).transactionControl());
        assertTrue(a.writes(), "the text writes what any of its statements writes");
        parts.forEach(p -> assertFalse(p.several()));
    }

    @Test
    void sessionStatements_sayHowTheyChangeTheirSetting() {
        assertChange("SET search_path TO app", "search_path", SessionChange.SET);
        assertChange("SET SESSION search_path TO app", "search_path", SessionChange.SET);
        assertChange("SET LOCAL app.tenant = '7'", "app.tenant", SessionChange.SET_LOCAL);
        assertChange("SET LOCAL TIME ZONE 'UTC'", "timezone", SessionChange.SET_LOCAL);
        assertChange("SET ROLE reader", "role", SessionChange.SET);
        assertChange("RESET ROLE", "role", SessionChange.RESET);
        assertChange("RESET SESSION AUTHORIZATION", "session_authorization", SessionChange.RESET);
        assertChange("RESET ALL", "*", SessionChange.RESET_ALL);
        assertChange("DISCARD ALL", "*", SessionChange.DISCARD_ALL);
        assertChange("DISCARD TEMP", "*", SessionChange.DISCARD_TEMP);
        assertChange("DISCARD TEMPORARY", "*", SessionChange.DISCARD_TEMP);
        assertChange("DISCARD PLANS", "*", SessionChange.OTHER);
        assertChange("SELECT set_config('app.tenant', '7', true)", "app.tenant", SessionChange.SET_LOCAL);
        assertChange("SELECT set_config('app.tenant', '7', false)", "app.tenant", SessionChange.SET);
        assertChange("SELECT set_config('app.tenant', ?, ?)", "app.tenant", SessionChange.OTHER);
        assertNull(analyzer.analyze("select 1").sessionChange());
    }

    private void assertChange(String sql, String setting, SessionChange change) {
        SqlAnalysis a = analyzer.analyze(sql);
        assertEquals(StatementKind.SESSION_SET, a.kind(), sql);
        assertEquals(setting, a.sessionSetting(), sql);
        assertEquals(change, a.sessionChange(), sql);
    }

    @Test
    void oneStatement_hasNoParts() {
        assertFalse(analyzer.analyze("update t set v = 1").several());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create temp table notes(id int)",
        "CREATE TEMPORARY TABLE notes AS SELECT 1",
        "create local temporary table notes(id int)",
        "create global temporary table notes(id int)",
        "create temp view v as select 1",
        "select * into temp notes from t",
        "update t set v = 1; create temp table notes(id int)"})
    void temporaryObjects_areReported(String sql) {
        assertTrue(analyzer.analyze(sql).createsTemporary(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create table temp(id int)", "select temp from t", "select * into notes from t"})
    void aNameThatIsOnlySpelledTemp_isNotATemporaryObject(String sql) {
        assertFalse(analyzer.analyze(sql).createsTemporary(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT f(by_ := 10)",
        "SELECT f(VARIADIC ARRAY[1, 2])",
        "SELECT (f()).*",
        "SELECT * FROM ROWS FROM (f(), g())",
        "SELECT app.audit_touch(1) COLLATE \"C\"",
        "DECLARE c CURSOR FOR SELECT f()"})
    void unparseableTextsThatCallUnknownFunctions_writeUnknownTables(String sql) {
        SqlAnalysis a = analyzer.analyze(sql);
        assertTrue(a.writesUnknown(), sql + ": " + a);
        assertFalse(a.cacheable());
    }

    @Test
    void aCursorOverKnownFunctions_writesNothing() {
        SqlAnalysis a = analyzer.analyze("DECLARE c CURSOR FOR SELECT lower(name) FROM t");
        assertFalse(a.writes());
    }

    @Test
    void tableSample_isNeverCached() {
        SqlAnalysis a = analyzer.analyze("select * from t tablesample bernoulli (10)");
        assertEquals(NotCacheableReason.VOLATILE_FUNCTION, a.reason());
        assertFalse(a.writes());
        assertNull(analyzer.analyze("select * from t").reason());
    }
}
