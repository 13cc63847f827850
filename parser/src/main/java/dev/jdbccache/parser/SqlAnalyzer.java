package dev.jdbccache.parser;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jdbccache.parser.SqlText.Piece;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the cache needs to know about a SQL text: what kind of statement it is, which
 * tables it reads and writes, whether its result may be cached and why not, its hint and its
 * normalized text. See {@code docs/parser.md}.
 *
 * <p>Thread-safe; one instance per configured cache. {@link #analyze} never throws for a non-null
 * text: whatever the parser cannot handle comes back not cacheable, and as writing unknown tables
 * when it may be a write. Results are kept in a bounded cache keyed by the exact text, so each
 * distinct text is parsed once; a parse runs on a small shared pool of daemon threads, bounded by
 * {@link Builder#parseTimeout(Duration)}.
 */
public final class SqlAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(SqlAnalyzer.class);

    private final SqlDialect dialect;
    private final Duration parseTimeout;
    private final int maxSqlLength;
    private final PieceAnalyzer pieces;
    private final Cacheability cacheability;
    private final AsyncCache<String, SqlAnalysis> analyses;

    private SqlAnalyzer(Builder builder) {
        this.dialect = builder.dialect;
        this.parseTimeout = builder.parseTimeout;
        this.maxSqlLength = builder.maxSqlLength;
        TableNames names = new TableNames(dialect);
        FunctionCatalog functions = new FunctionCatalog(dialect, builder.deterministicFunctions);
        KeywordClassifier keywords = new KeywordClassifier(names, new TokenScan(functions));
        this.pieces = new PieceAnalyzer(dialect, keywords, new ParsedStatements(names, functions, keywords));
        this.cacheability = new Cacheability(names);
        this.analyses = Caffeine.newBuilder()
                .maximumSize(builder.maxCachedAnalyses)
                .executor(Runnable::run)
                .buildAsync();
    }

    /** A builder for an analyzer of {@code dialect}. */
    public static Builder builder(SqlDialect dialect) {
        return new Builder(dialect);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * The analysis of {@code sql}; the same instance for the same text while it stays in the
     * analysis cache.
     *
     * @throws NullPointerException when {@code sql} is null
     */
    public SqlAnalysis analyze(String sql) {
        Objects.requireNonNull(sql, "sql");
        if (sql.length() > maxSqlLength) {
            return analyzeNow(sql).analysis;
        }
        CompletableFuture<SqlAnalysis> existing = analyses.getIfPresent(sql);
        if (existing != null) {
            return existing.join();
        }
        CompletableFuture<SqlAnalysis> mine = new CompletableFuture<>();
        existing = analyses.asMap().putIfAbsent(sql, mine);
        if (existing != null) {
            return existing.join();
        }
        Outcome outcome;
        try {
            outcome = analyzeNow(sql);
        } catch (RuntimeException | Error e) {
            analyses.asMap().remove(sql, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(outcome.analysis);
        if (!outcome.keep) {
            analyses.asMap().remove(sql, mine);
        }
        return outcome.analysis;
    }

    private record Outcome(SqlAnalysis analysis, boolean keep) {
    }

    private Outcome analyzeNow(String sql) {
        SqlText text = SqlText.of(sql, dialect);
        List<Piece> statements = text.statements();
        String refusal = sql.length() > maxSqlLength ? "longer than " + maxSqlLength + " characters"
                : text.unterminated() ? "unterminated literal, identifier or comment"
                : text.executableComment() ? "MySQL executable comment" : null;
        if (refusal != null || statements.isEmpty()) {
            List<StatementFacts> facts = new ArrayList<>(statements.size());
            for (Piece piece : statements) {
                StatementFacts f = pieces.withoutParser(piece, refusal);
                if (text.executableComment()) {
                    f.unparseable = refusal;
                    f.writesUnknown = true;
                }
                facts.add(f);
            }
            return new Outcome(cacheability.decide(facts, text), true);
        }
        AnalysisJob job = new AnalysisJob(statements, pieces);
        String failure = null;
        boolean keep = true;
        try {
            Future<Void> future = ParserExecutor.get().submit(job);
            try {
                future.get(parseTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                failure = "parse timed out after " + parseTimeout.toMillis() + " ms";
                job.cancel();
                future.cancel(true);
            } catch (ExecutionException e) {
                failure = "parse failed: " + e.getCause().getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while parsing";
                keep = false;
                job.cancel();
                future.cancel(true);
            }
        } catch (RejectedExecutionException e) {
            failure = "parser pool saturated";
            keep = false;
        }
        if (failure != null) {
            LOG.debug("jdbc-cache parser: {} ({} statements, {} chars)", failure, statements.size(), sql.length());
        }
        List<StatementFacts> facts = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts f = job.result(i);
            facts.add(f != null ? f : pieces.withoutParser(statements.get(i), failure == null ? "not analysed" : failure));
        }
        return new Outcome(cacheability.decide(facts, text), keep);
    }

    /** Configures a {@link SqlAnalyzer}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final SqlDialect dialect;
        private Set<String> deterministicFunctions = Set.of();
        private long maxCachedAnalyses = 10_000;
        private Duration parseTimeout = Duration.ofSeconds(2);
        private int maxSqlLength = 256 * 1024;

        private Builder(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
        }

        /**
         * User functions declared deterministic (and read-only) in the configuration; names are
         * case-insensitive and may be schema-qualified ({@code billing.tax_rate}).
         */
        public Builder deterministicFunctions(Set<String> names) {
            this.deterministicFunctions = Set.copyOf(names);
            return this;
        }

        /** How many analyses to keep, by distinct SQL text (default 10,000). */
        public Builder maxCachedAnalyses(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxCachedAnalyses must be >= 0: " + max);
            }
            this.maxCachedAnalyses = max;
            return this;
        }

        /** How long one text may be parsed before it is treated as unparseable (default 2 s). */
        public Builder parseTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("parseTimeout must be positive: " + timeout);
            }
            this.parseTimeout = timeout;
            return this;
        }

        /** Longer texts are not parsed, and not cacheable (default 256 KiB). */
        public Builder maxSqlLength(int length) {
            if (length < 0) {
                throw new IllegalArgumentException("maxSqlLength must be >= 0: " + length);
            }
            this.maxSqlLength = length;
            return this;
        }

        public SqlAnalyzer build() {
            return new SqlAnalyzer(this);
        }
    }
}
