package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lexer pass learns about a SQL text before any parsing: its statements (split on
 * top-level semicolons; empty statements dropped, so a trailing semicolon is not a second
 * statement), its cache hint, and its normalized form. Immutable.
 *
 * @param statements        the non-empty statements, in order
 * @param hint              the cache hint of the whole text
 * @param normalized        comments other than hints removed, whitespace outside literals and
 *                          quoted identifiers collapsed to one space, trimmed
 * @param unterminated      a literal, quoted identifier or comment runs to the end of the text
 * @param executableComment a MySQL {@code /*! ... *}{@code /} comment, whose text MySQL executes
 */
record SqlText(List<Piece> statements, CacheHint hint, String normalized, boolean unterminated,
               boolean executableComment) {

    /**
     * One statement of the text.
     *
     * @param tokens     its significant tokens (no whitespace, no comments, no semicolon)
     * @param parserText the text handed to JSqlParser: comments dropped, whitespace collapsed,
     *                   {@code E'...'}, dollar-quoted and backslash-escaped strings rewritten as
     *                   plain {@code '...'} literals (their content never matters to the analysis)
     * @param maxDepth   the deepest parenthesis nesting
     */
    record Piece(List<SqlToken> tokens, String parserText, int maxDepth) {

        SqlToken token(int index) {
            return index < tokens.size() ? tokens.get(index) : null;
        }

        boolean wordAt(int index, String lowerCaseWord) {
            SqlToken t = token(index);
            return t != null && t.isWord(lowerCaseWord);
        }

        /** The lower-case first word, or the first symbol ({@code "("}, {@code "{"}), or "". */
        String leadingKeyword() {
            return tokens.isEmpty() ? "" : tokens.get(0).lower();
        }

        /** Its tokens as written, separated by one space where the text had a gap: its normalized form. */
        String normalized() {
            StringBuilder text = new StringBuilder();
            SqlToken previous = null;
            for (SqlToken t : tokens) {
                if (previous != null && previous.start() + previous.text().length() != t.start()) {
                    text.append(' ');
                }
                text.append(t.text());
                previous = t;
            }
            return text.toString();
        }

        /** The piece from token {@code from} on, as its own piece (for {@code EXPLAIN ANALYZE x}). */
        Piece tail(int from) {
            List<SqlToken> rest = tokens.subList(Math.min(from, tokens.size()), tokens.size());
            return new Piece(List.copyOf(rest), SqlText.parserText(rest), maxDepth);
        }
    }

    static SqlText of(String sql, SqlDialect dialect) {
        SqlLexer.Result lexed = new SqlLexer(dialect).tokenize(sql);
        List<Piece> pieces = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        CacheHint hint = CacheHint.NONE;
        StringBuilder normalized = new StringBuilder(sql.length());
        boolean pendingSpace = false;
        for (SqlToken token : lexed.tokens()) {
            boolean hintComment = false;
            if (token.isComment()) {
                String body = token.commentBody();
                hintComment = HintParser.containsHint(body);
                if (hintComment) {
                    hint = HintParser.merge(hint, body);
                }
            }
            if (token.type() == Type.WHITESPACE || token.isComment() && !hintComment) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && normalized.length() > 0) {
                normalized.append(' ');
            }
            pendingSpace = false;
            if (hintComment && token.type() == Type.LINE_COMMENT) {
                // Kept as a block comment so that the normalized text stays one line.
                normalized.append("/*").append(token.commentBody().replace("*/", "* /")).append(" */");
                pendingSpace = true;
            } else {
                normalized.append(token.text());
            }
            if (token.type() == Type.SEMICOLON) {
                addPiece(pieces, current);
                current = new ArrayList<>();
            } else if (!token.isComment()) {
                current.add(token);
            }
        }
        addPiece(pieces, current);
        return new SqlText(List.copyOf(pieces), hint, normalized.toString(), lexed.unterminated(),
                lexed.executableComment());
    }

    private static void addPiece(List<Piece> pieces, List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        int depth = 0;
        int max = 0;
        for (SqlToken t : tokens) {
            if (t.isSymbol('(')) {
                max = Math.max(max, ++depth);
            } else if (t.isSymbol(')')) {
                depth--;
            }
        }
        pieces.add(new Piece(List.copyOf(tokens), parserText(tokens), max));
    }

    static String parserText(List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        SqlToken previous = null;
        for (SqlToken t : tokens) {
            if (previous != null && previous.start() + previous.text().length() != t.start()) {
                text.append(' ');
            }
            if (t.type() == Type.SPECIAL_STRING) {
                text.append('\'');
                String content = t.stringContent();
                for (int i = 0; i < content.length(); i++) {
                    char c = content.charAt(i);
                    if (c != '\'' && c != '\\') {
                        text.append(c);
                    }
                }
                text.append('\'');
            } else {
                text.append(t.text());
            }
            previous = t;
        }
        return text.toString();
    }
}
