package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The facade: analysis cache, configuration, concurrency. */
class SqlAnalyzerTest {

    @Test
    void sameTextReturnsTheSameInstance() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();
        String sql = "select * from orders where id = ?";
        SqlAnalysis first = analyzer.analyze(sql);
        assertSame(first, analyzer.analyze(sql));
        assertSame(first, analyzer.analyze(new String(sql.toCharArray())));
    }

    @Test
    void textsThatNormalizeAlikeAreStillAnalysedSeparately() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();
        SqlAnalysis a = analyzer.analyze("select * from t /* 1 */");
        SqlAnalysis b = analyzer.analyze("select * from t /* 2 */");
        assertNotSame(a, b);
        assertEquals(a.normalizedSql(), b.normalizedSql());
    }

    @Test
    void aZeroSizedAnalysisCacheStillAnalyses() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).maxCachedAnalyses(0).build();
        assertTrue(analyzer.analyze("select 1").cacheable());
        assertTrue(analyzer.analyze("select 1").cacheable());
    }

    @Test
    void textsLongerThanTheLimitAreNotParsed() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).maxSqlLength(20).build();
        SqlAnalysis a = analyzer.analyze("select * from orders where id = 1");
        assertEquals(NotCacheableReason.UNPARSEABLE, a.reason());
        assertEquals(StatementKind.QUERY, a.kind());
        assertTrue(analyzer.analyze("select 1").cacheable());
    }

    @Test
    void nullTextIsRejected() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.H2).build();
        assertThrows(NullPointerException.class, () -> analyzer.analyze(null));
        assertEquals(SqlDialect.H2, analyzer.dialect());
    }

    @Test
    void builderRejectsNonsense() {
        SqlAnalyzer.Builder builder = SqlAnalyzer.builder(SqlDialect.POSTGRESQL);
        assertThrows(IllegalArgumentException.class, () -> builder.parseTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.maxCachedAnalyses(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxSqlLength(-1));
    }

    @Test
    void declaredFunctionsAreCaseInsensitiveAndMayBeQualified() {
        SqlAnalyzer analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL)
                .deterministicFunctions(Set.of("Billing.Tax_Rate", "SLUGIFY")).build();
        assertTrue(analyzer.analyze("select billing.tax_rate(c) from t").cacheable());
        assertTrue(analyzer.analyze("select tax_rate(c) from t").cacheable());
        assertTrue(analyzer.analyze("select Slugify(c) from t").cacheable());
        assertEquals(NotCacheableReason.UNKNOWN_FUNCTION,
                analyzer.analyze("select other.tax_rate(c) from t").reason());
    }

    @Test
    void eightThreadsAgreeWithOneThread() throws Exception {
        List<Corpus.Entry> corpus = Corpus.load();
        List<String> expected = new ArrayList<>();
        SqlAnalyzer single = SqlAnalyzer.builder(SqlDialect.POSTGRESQL)
                .parseTimeout(Duration.ofSeconds(30)).build();
        for (Corpus.Entry e : corpus) {
            expected.add(comparable(single.analyze(e.sql())));
        }
        SqlAnalyzer shared = SqlAnalyzer.builder(SqlDialect.POSTGRESQL)
                .parseTimeout(Duration.ofSeconds(30)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 37;
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> mine = new ArrayList<>(corpus.size());
                    for (int i = 0; i < corpus.size(); i++) {
                        mine.add(null);
                    }
                    for (int k = 0; k < corpus.size(); k++) {
                        int i = (k + offset) % corpus.size();
                        mine.set(i, comparable(shared.analyze(corpus.get(i).sql())));
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<String>> f : results) {
                assertEquals(expected, f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String comparable(SqlAnalysis a) {
        return a.kind() + " " + Corpus.qualified(a.tablesRead()) + " " + Corpus.qualified(a.tablesWritten()) + " "
                + a.writesUnknown() + " " + a.reason() + " " + a.hint() + " " + a.transactionControl() + " "
                + a.sessionSetting() + " " + a.normalizedSql();
    }
}
