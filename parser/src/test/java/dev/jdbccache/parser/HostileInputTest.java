package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs that are too big or too deep to keep in the corpus: each must come back within
 * a bounded time, never throw, and never be called cacheable when it is not a plain safe read.
 */
class HostileInputTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();

    private SqlAnalysis analyze(String sql) {
        return assertTimeoutPreemptively(BOUND, () -> analyzer.analyze(sql));
    }

    /** Safe whatever the parser managed: a cacheable answer must be the true one. */
    private static void assertSafeRead(SqlAnalysis a, Set<TableName> reads) {
        assertFalse(a.writes() && a.cacheable(), "cacheable write");
        if (a.cacheable()) {
            assertEquals(StatementKind.QUERY, a.kind());
            assertEquals(reads, a.tablesRead());
        } else {
            assertTrue(a.reason() == NotCacheableReason.UNPARSEABLE, "only a parse failure may refuse it: " + a);
        }
    }

    @Test
    void inListWithTenThousandParameters_isBoundedAndSafe() {
        String sql = "select * from t where id in (" + "?,".repeat(9_999) + "?)";
        assertSafeRead(analyze(sql), Set.of(TableName.of("t")));
    }

    @Test
    void inListWithTenThousandParameters_isCacheableWhenTheParserHasTime() {
        SqlAnalyzer patient = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).parseTimeout(Duration.ofSeconds(60)).build();
        String sql = "select * from t where id in (" + "?,".repeat(9_999) + "?)";
        SqlAnalysis a = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> patient.analyze(sql));
        assertTrue(a.cacheable(), a::toString);
        assertEquals(Set.of(TableName.of("t")), a.tablesRead());
    }

    @Test
    void fiftyNestedDerivedTables_isBoundedAndSafe() {
        String sql = "select * from t";
        for (int i = 0; i < 50; i++) {
            sql = "select * from (" + sql + ") d" + i + " where x > " + i;
        }
        assertSafeRead(analyze(sql), Set.of(TableName.of("t")));
    }

    @Test
    void fiftyNestedInSubqueries_isBoundedAndNeverWrongAboutTables() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sql.append("select a from t").append(i).append(" where a in (");
        }
        sql.append("select a from t50").append(")".repeat(50));
        SqlAnalysis a = analyze(sql.toString());
        assertFalse(a.writes());
        if (a.cacheable()) {
            assertEquals(51, a.tablesRead().size());
        } else {
            assertEquals(NotCacheableReason.UNPARSEABLE, a.reason());
        }
    }

    @Test
    void tenThousandNestedParentheses_isUnparseableWithoutParsing() {
        String sql = "select " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        SqlAnalysis a = analyze(sql);
        assertFalse(a.cacheable());
        assertEquals(NotCacheableReason.UNPARSEABLE, a.reason());
        assertFalse(a.writes());
    }

    @Test
    void tenThousandNestedParenthesesInADelete_mayWriteAnything() {
        String sql = "delete from t where id = " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        SqlAnalysis a = analyze(sql);
        assertFalse(a.cacheable());
        assertEquals(StatementKind.DELETE, a.kind());
        assertTrue(a.writesUnknown());
        assertEquals(Set.of(TableName.of("t")), a.tablesWritten());
    }

    @Test
    void oneMegabyteStatement_isUnparseableAndKeepsItsHint() {
        String sql = "/* cache:ttl=5s */ select * from t where x in ('" + "a".repeat(1024 * 1024) + "')";
        SqlAnalysis a = analyze(sql);
        assertFalse(a.cacheable());
        assertEquals(NotCacheableReason.UNPARSEABLE, a.reason());
        assertEquals(StatementKind.QUERY, a.kind());
        assertEquals(Duration.ofSeconds(5), a.hint().ttl());
    }

    @Test
    void oneMegabyteDelete_mayWriteAnything() {
        String sql = "delete from big where note = '" + "x".repeat(1024 * 1024) + "'";
        SqlAnalysis a = analyze(sql);
        assertFalse(a.cacheable());
        assertTrue(a.writes());
        assertEquals(Set.of(TableName.of("big")), a.tablesWritten());
    }

    @Test
    void longOrChain_doesNotOverflowTheStack() {
        StringBuilder sql = new StringBuilder("select * from t where a = 0");
        for (int i = 1; i < 3_000; i++) {
            sql.append(" or a = ").append(i);
        }
        assertSafeRead(analyze(sql.toString()), Set.of(TableName.of("t")));
    }

    @Test
    void emptyAndBlankTexts_areNotCacheableAndWriteNothing() {
        for (String sql : new String[] {"", " ", "\n\t  \r\n", "-- only a comment", "/* only */ /* comments */", ";", " ; ; "}) {
            SqlAnalysis a = analyze(sql);
            assertFalse(a.cacheable(), () -> "'" + sql + "'");
            assertFalse(a.writes(), () -> "'" + sql + "'");
            assertEquals(StatementKind.OTHER, a.kind());
        }
    }

    @Test
    void manyStatements_areBoundedAndUnionTheirWrites() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sql.append("select ").append(i).append(" from r;");
        }
        sql.append("delete from w");
        SqlAnalysis a = analyze(sql.toString());
        assertFalse(a.cacheable());
        assertEquals(NotCacheableReason.MULTIPLE_STATEMENTS, a.reason());
        assertTrue(a.tablesWritten().contains(TableName.of("w")) || a.writesUnknown());
    }

    @Test
    void aParseThatTimesOut_isUnparseableAndNeitherThrowsNorBlocks() {
        SqlAnalyzer hasty = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).parseTimeout(Duration.ofMillis(1)).build();
        StringBuilder sql = new StringBuilder("select * from t where a in (");
        for (int i = 0; i < 20; i++) {
            sql.append("select b from u").append(i).append(" where c in (");
        }
        sql.append("select 1").append(")".repeat(21));
        SqlAnalysis a = assertTimeoutPreemptively(BOUND, () -> hasty.analyze(sql.toString()));
        assertFalse(a.cacheable());
        assertEquals(NotCacheableReason.UNPARSEABLE, a.reason());
        assertFalse(a.writes());
    }

    @Test
    void randomGarbage_neverThrows() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "selctfromwhr ();,'\"`$-/*\\.:?=<>|&!#@{}[]0123456789\nEe";
        for (int n = 0; n < 300; n++) {
            StringBuilder sql = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Supplier<String> text = sql::toString;
            SqlAnalysis a = analyze(text.get());
            assertFalse(a.cacheable() && a.writes(), text);
        }
    }
}
