package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement of the corpus is analysed as its expectations say. */
class CorpusTest {

    /** Functions the corpus declares deterministic, as a configuration would. */
    static final Set<String> DECLARED = Set.of("billing.tax_rate", "slugify");

    private static final Map<SqlDialect, SqlAnalyzer> ANALYZERS = new EnumMap<>(SqlDialect.class);

    static synchronized SqlAnalyzer analyzer(SqlDialect dialect) {
        // A generous timeout: the corpus checks what is true of each statement, not how fast a
        // loaded build machine parses it (timeouts are covered by HostileInputTest).
        return ANALYZERS.computeIfAbsent(dialect, d -> SqlAnalyzer.builder(d)
                .deterministicFunctions(DECLARED).parseTimeout(Duration.ofSeconds(30)).build());
    }

    static Stream<Corpus.Entry> corpus() {
        return Corpus.load().stream();
    }

    @Test
    void corpusHasAtLeast400Statements() {
        assertTrue(Corpus.load().size() >= 400, "corpus size " + Corpus.load().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void statementIsAnalysedAsExpected(Corpus.Entry entry) {
        SqlAnalysis a = analyzer(entry.dialect()).analyze(entry.sql());
        String actual = describe(a);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(StatementKind.valueOf(entry.get("kind")), a.kind(), "kind; " + actual));
        checks.add(() -> assertEquals(yes(entry.get("cacheable")), a.cacheable(), "cacheable; " + actual));
        if (entry.get("reads") != null) {
            checks.add(() -> assertEquals(Corpus.tables(entry.get("reads")), Corpus.qualified(a.tablesRead()),
                    "reads; " + actual));
        }
        if (entry.get("writes") != null) {
            checks.add(() -> assertEquals(Corpus.tables(entry.get("writes")), Corpus.qualified(a.tablesWritten()),
                    "writes; " + actual));
        }
        if (entry.get("writesUnknown") != null) {
            checks.add(() -> assertEquals(yes(entry.get("writesUnknown")), a.writesUnknown(), "writesUnknown; " + actual));
        }
        if (entry.get("reason") != null) {
            NotCacheableReason reason = entry.get("reason").equals("none") ? null
                    : NotCacheableReason.valueOf(entry.get("reason"));
            checks.add(() -> assertEquals(reason, a.reason(), "reason; " + actual));
        }
        if (entry.get("session") != null) {
            checks.add(() -> assertEquals(entry.get("session"), a.sessionSetting(), "session; " + actual));
        }
        if (entry.get("tx") != null) {
            checks.add(() -> assertEquals(TransactionControl.valueOf(entry.get("tx")), a.transactionControl(),
                    "tx; " + actual));
        }
        if (entry.get("ttl") != null) {
            checks.add(() -> assertEquals(Duration.parse(entry.get("ttl")), a.hint().ttl(), "ttl; " + actual));
        }
        assertAll(checks);
    }

    /** The safety property over the whole corpus, whatever the individual expectations say. */
    @Test
    void nothingThatWritesOrIsNotAQueryIsEverCacheable() {
        List<String> violations = new ArrayList<>();
        int unparseableCalls = 0;
        for (Corpus.Entry entry : Corpus.load()) {
            SqlAnalysis a = analyzer(entry.dialect()).analyze(entry.sql());
            if (entry.expectsWrite() && a.cacheable()) {
                violations.add("expected to write, but cacheable: " + entry);
            }
            if (a.writes() && a.cacheable()) {
                violations.add("writes, but cacheable: " + entry);
            }
            if (a.kind() != StatementKind.QUERY && a.cacheable()) {
                violations.add(a.kind() + " but cacheable: " + entry);
            }
            if (entry.expectsWrite() && !a.writes() && !a.kind().isWrite()) {
                violations.add("expected to write, analysed as not writing: " + entry);
            }
            if (a.reason() == NotCacheableReason.UNKNOWN_FUNCTION && !a.writesUnknown()) {
                violations.add("calls an unknown function, which may write, but writes nothing: " + entry);
            }
            if (!a.catalogFunctions().isEmpty() && (!a.writesUnknown() || a.kind() != StatementKind.QUERY)) {
                violations.add("a catalog may decide its functions, but it is not a query that may write: " + entry);
            }
            if (a.reason() == NotCacheableReason.UNPARSEABLE && !a.catalogFunctions().isEmpty()) {
                violations.add("unparseable, yet its functions are left to a catalog: " + entry);
            }
            if (a.reason() == NotCacheableReason.UNPARSEABLE && a.kind() == StatementKind.QUERY
                    && "yes".equals(entry.get("writesUnknown"))) {
                unparseableCalls++;
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(unparseableCalls >= 3, "the corpus holds unparseable reads that call functions: " + unparseableCalls);
    }

    @Test
    void corpusCoversEveryKindAndReason() {
        Set<String> seen = new java.util.HashSet<>();
        for (Corpus.Entry entry : Corpus.load()) {
            seen.add(entry.get("kind"));
            if (entry.get("reason") != null) {
                seen.add(entry.get("reason"));
            }
        }
        for (StatementKind kind : StatementKind.values()) {
            assertTrue(seen.contains(kind.name()), "no corpus entry of kind " + kind);
        }
        for (NotCacheableReason reason : NotCacheableReason.values()) {
            assertTrue(seen.contains(reason.name()), "no corpus entry with reason " + reason);
        }
    }

    private static boolean yes(String value) {
        assertTrue(value.equals("yes") || value.equals("no"), "yes or no: " + value);
        return value.equals("yes");
    }

    static String describe(SqlAnalysis a) {
        return "actual: " + a.kind() + " reads=" + Corpus.qualified(a.tablesRead()) + " writes="
                + Corpus.qualified(a.tablesWritten()) + " writesUnknown=" + a.writesUnknown() + " reason=" + a.reason()
                + " (" + a.reasonDetail() + ") tx=" + a.transactionControl() + " session=" + a.sessionSetting();
    }

    @Test
    void writeExpectationsAreConsistent() {
        for (Corpus.Entry entry : Corpus.load()) {
            if (entry.expectsWrite()) {
                assertFalse(yes(entry.get("cacheable")), "a write expected cacheable: " + entry);
            }
        }
    }
}
