package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlText.Piece;
import dev.jdbccache.parser.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses one statement of a text: by keyword when it is never parsed (transaction control,
 * session changes, ...), else by parsing it and walking the tree, else (parse failure) by keyword
 * again, conservatively. Never throws. Immutable and thread-safe.
 */
final class PieceAnalyzer implements AnalysisJob.PieceAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(PieceAnalyzer.class);

    /** Deeper nesting is not parsed: JSqlParser's lookahead is exponential in it. */
    static final int MAX_DEPTH = 100;
    /** JSqlParser's own limit for its backtracking "complex parsing" retry. */
    private static final int MAX_DEPTH_FOR_COMPLEX_PARSING = 10;
    /** Start offset of a token we add: never adjacent to another, so always spaced. */
    private static final int SYNTHETIC = -1;

    private final SqlDialect dialect;
    private final KeywordClassifier keywords;
    private final ParsedStatements parsed;

    PieceAnalyzer(SqlDialect dialect, KeywordClassifier keywords, ParsedStatements parsed) {
        this.dialect = dialect;
        this.keywords = keywords;
        this.parsed = parsed;
    }

    /** Classification without the parser: for texts we refuse to parse (too long, unterminated). */
    StatementFacts withoutParser(Piece piece, String why) {
        StatementFacts facts = keywords.withoutParsing(piece);
        facts = facts != null ? facts : keywords.fallback(piece, why);
        facts.createsTemporary |= TokenScan.createsTemporary(piece);
        return facts;
    }

    @Override
    public StatementFacts analyze(Piece piece, AnalysisJob parser) {
        StatementFacts facts = analyzeTree(piece, parser);
        facts.createsTemporary |= TokenScan.createsTemporary(piece);
        if (facts.kind == StatementKind.QUERY && TokenScan.samplesRows(piece)) {
            facts.volatileFunction("TABLESAMPLE");
        }
        return facts;
    }

    private StatementFacts analyzeTree(Piece piece, AnalysisJob parser) {
        try {
            StatementFacts facts = keywords.withoutParsing(piece);
            if (facts != null) {
                return facts;
            }
            if (piece.leadingKeyword().equals("explain")) {
                return explain(piece, parser);
            }
            if (piece.maxDepth() > MAX_DEPTH) {
                return keywords.fallback(piece, "nesting deeper than " + MAX_DEPTH);
            }
            return parseAndWalk(piece, parser);
        } catch (StackOverflowError | RuntimeException e) {
            LOG.debug("jdbc-cache parser: analysis of a {} statement failed: {}", piece.leadingKeyword(), e.toString());
            return keywords.fallback(piece, "analysis failed: " + e.getClass().getSimpleName());
        }
    }

    private StatementFacts parseAndWalk(Piece piece, AnalysisJob parser) {
        String text = rewriteForParser(piece);
        List<Statement> statements;
        try {
            statements = parser.parse(text, piece.maxDepth() <= MAX_DEPTH_FOR_COMPLEX_PARSING);
        } catch (Exception | StackOverflowError | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("jdbc-cache parser: cannot parse a {} statement of {} chars: {}", piece.leadingKeyword(),
                    text.length(), firstLine(e));
            if (piece.leadingKeyword().equals("drop")) {
                StatementFacts exact = keywords.dropList(piece);
                if (exact != null) {
                    return exact;
                }
            }
            return keywords.fallback(piece, "not parseable: " + firstLine(e));
        }
        if (statements.size() != 1) {
            // Our split found one statement; a parser that sees several (or none) disagrees with
            // the lexer, so neither can be trusted.
            return keywords.fallback(piece, "parser found " + statements.size() + " statements");
        }
        StatementFacts facts = parsed.facts(statements.get(0), piece);
        if (facts.kind == StatementKind.QUERY && lockingWords(piece) != null && facts.lockingClause == null) {
            facts.lockingClause = lockingWords(piece);
        }
        if (isH2Merge(piece)) {
            facts.kind = StatementKind.MERGE;
        }
        if (facts.kind == StatementKind.QUERY && dialect != SqlDialect.H2 && dialect != SqlDialect.MYSQL) {
            String literal = timeLiteral(piece);
            if (literal != null) {
                facts.timeFunction(literal);
            }
        }
        return facts;
    }

    /** {@code EXPLAIN x} reads nothing we cache; {@code EXPLAIN ANALYZE x} runs x, and writes what x writes. */
    private StatementFacts explain(Piece piece, AnalysisJob parser) {
        int start = KeywordClassifier.explainedStatementStart(piece);
        boolean analyze = false;
        for (int i = 1; i < (start < 0 ? piece.tokens().size() : start); i++) {
            analyze |= piece.tokens().get(i).isWord("analyze") || piece.tokens().get(i).isWord("analyse");
        }
        StatementFacts facts = StatementFacts.of(StatementKind.OTHER);
        if (!analyze) {
            return facts;
        }
        if (start < 0) {
            facts.writesUnknown = true;
            return facts;
        }
        StatementFacts explained = analyze(piece.tail(start), parser);
        facts.writes.addAll(explained.writes);
        facts.writesUnknown = explained.writesUnknown || explained.kind.isWrite() && explained.writes.isEmpty();
        facts.unparseable = explained.unparseable;
        return facts;
    }

    /**
     * Rewrites the few dialect forms JSqlParser 5.3 rejects into equivalents that keep the
     * tables and functions: MySQL {@code LOCK IN SHARE MODE} becomes {@code FOR SHARE}; H2's
     * upsert {@code MERGE INTO t [(cols)] [KEY (cols)] ...} (no {@code USING}) becomes
     * {@code INSERT INTO t [(cols)] ...}
     * (the caller restores the kind MERGE).
     */
    private String rewriteForParser(Piece piece) {
        List<SqlToken> tokens = piece.tokens();
        boolean changed = false;
        List<SqlToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isWord("lock") && piece.wordAt(i + 1, "in") && piece.wordAt(i + 2, "share")
                    && piece.wordAt(i + 3, "mode")) {
                out.add(new SqlToken(Type.WORD, "FOR", SYNTHETIC));
                out.add(new SqlToken(Type.WORD, "SHARE", SYNTHETIC));
                i += 3;
                changed = true;
            } else if (i == 0 && isH2Merge(piece)) {
                out.add(new SqlToken(Type.WORD, "INSERT", SYNTHETIC));
                changed = true;
            } else if (t.isWord("key") && isH2Merge(piece) && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(')) {
                int depth = 0;
                int j = i + 1;
                for (; j < tokens.size(); j++) {
                    if (tokens.get(j).isSymbol('(')) {
                        depth++;
                    } else if (tokens.get(j).isSymbol(')') && --depth == 0) {
                        break;
                    }
                }
                i = j;
                changed = true;
            } else {
                out.add(t);
            }
        }
        return changed ? SqlText.parserText(out) : piece.parserText();
    }

    private boolean isH2Merge(Piece piece) {
        if (dialect != SqlDialect.H2 && dialect != SqlDialect.GENERIC || !piece.wordAt(0, "merge")
                || !piece.wordAt(1, "into")) {
            return false;
        }
        int depth = 0;
        for (int i = 2; i < piece.tokens().size(); i++) {
            SqlToken t = piece.tokens().get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.isWord("using")) {
                return false;
            }
        }
        return true;
    }

    /**
     * PostgreSQL reads {@code 'now'::timestamp}, {@code date 'today'} and friends as the current
     * time: such a literal is a time function.
     */
    private static String timeLiteral(Piece piece) {
        for (SqlToken t : piece.tokens()) {
            if (t.type() == Type.STRING || t.type() == Type.SPECIAL_STRING) {
                String content = t.stringContent().strip().toLowerCase(java.util.Locale.ROOT);
                if (content.equals("now") || content.equals("today") || content.equals("tomorrow")
                        || content.equals("yesterday")) {
                    return "'" + content + "'";
                }
            }
        }
        return null;
    }

    /** {@code FOR UPDATE}-style words in the tokens, as a belt to the parser's braces; null when none. */
    private static String lockingWords(Piece piece) {
        List<SqlToken> tokens = piece.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isWord("for") && (piece.wordAt(i + 1, "update") || piece.wordAt(i + 1, "share")
                    || piece.wordAt(i + 1, "no") && piece.wordAt(i + 2, "key")
                    || piece.wordAt(i + 1, "key") && piece.wordAt(i + 2, "share"))) {
                return "FOR " + tokens.get(i + 1).text().toUpperCase(java.util.Locale.ROOT);
            }
            if (t.isWord("lock") && piece.wordAt(i + 1, "in") && piece.wordAt(i + 2, "share")) {
                return "LOCK IN SHARE MODE";
            }
        }
        return null;
    }

    /** The kind of failure, never its message: parser messages quote the SQL, literals included. */
    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
