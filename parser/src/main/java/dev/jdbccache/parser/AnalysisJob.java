package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlText.Piece;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReferenceArray;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The analysis of the statements of one text, run on a {@link ParserExecutor} thread. Results are
 * published per statement as each completes, so that a timeout keeps what was finished. The
 * caller interrupts a parse that overruns with {@link #cancel()}: JSqlParser checks its
 * {@code interrupted} flag while it parses.
 */
final class AnalysisJob implements Callable<Void> {

    /** How one statement is analysed, given a way to parse. */
    interface PieceAnalysis {
        StatementFacts analyze(Piece piece, AnalysisJob parser);
    }

    private final List<Piece> pieces;
    private final PieceAnalysis analysis;
    private final AtomicReferenceArray<StatementFacts> results;
    private volatile boolean cancelled;
    private volatile CCJSqlParser current;

    AnalysisJob(List<Piece> pieces, PieceAnalysis analysis) {
        this.pieces = pieces;
        this.analysis = analysis;
        this.results = new AtomicReferenceArray<>(pieces.size());
    }

    @Override
    public Void call() {
        for (int i = 0; i < pieces.size() && !cancelled; i++) {
            results.set(i, analysis.analyze(pieces.get(i), this));
        }
        return null;
    }

    /** The facts of statement {@code index}, or null when it did not finish. */
    StatementFacts result(int index) {
        return results.get(index);
    }

    void cancel() {
        cancelled = true;
        CCJSqlParser parser = current;
        if (parser != null) {
            parser.interrupted = true;
        }
    }

    /**
     * Parses one statement text: first without JSqlParser's "complex parsing" (fast), then with
     * it when the simple attempt fails and the text is shallow enough for its backtracking.
     *
     * @throws Exception whatever the parser throws (parse errors, token errors, class cast, ...)
     */
    List<Statement> parse(String text, boolean allowComplexRetry) throws Exception {
        try {
            return parseOnce(text, false);
        } catch (Exception | StackOverflowError e) {
            if (!allowComplexRetry || cancelled) {
                throw e;
            }
            return parseOnce(text, true);
        }
    }

    private List<Statement> parseOnce(String text, boolean complex) throws Exception {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text).withAllowComplexParsing(complex);
        current = parser;
        try {
            Statements statements = parser.Statements();
            if (cancelled) {
                throw new InterruptedException("parse cancelled");
            }
            return statements == null ? List.of() : List.copyOf(statements);
        } finally {
            current = null;
        }
    }
}
