package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A small SQL tokenizer, just precise enough to find statement boundaries, comments and literals
 * the way the database does: {@code '...'} strings with {@code ''} escapes, {@code E'...'} and
 * {@code $tag$...$tag$} strings (PostgreSQL), {@code "quoted"} and {@code `backticked`}
 * identifiers, {@code --} and (MySQL) {@code #} line comments, and block comments, nested in
 * PostgreSQL only (elsewhere a nested comment ends at the first {@code * /}, as the database
 * ends it). Linear in the length of the text, never throws. Stateless and thread-safe.
 */
final class SqlLexer {

    /** The tokens of a text, and what the lexer noticed on the way. */
    record Result(List<SqlToken> tokens, boolean unterminated, boolean executableComment) {
    }

    private final SqlDialect dialect;

    SqlLexer(SqlDialect dialect) {
        this.dialect = dialect;
    }

    Result tokenize(String sql) {
        return new Run(sql).tokenize();
    }

    private boolean postgresLike() {
        return dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.GENERIC;
    }

    private boolean backslashEscapes() {
        return dialect == SqlDialect.MYSQL;
    }

    /** One tokenization: mutable, confined to the calling thread. */
    private final class Run {
        private final String sql;
        private final int length;
        private final List<SqlToken> tokens = new ArrayList<>();
        private int pos;
        private boolean unterminated;
        private boolean executableComment;

        Run(String sql) {
            this.sql = sql;
            this.length = sql.length();
        }

        Result tokenize() {
            while (pos < length) {
                int start = pos;
                Type type = next();
                tokens.add(new SqlToken(type, sql.substring(start, pos), start));
            }
            return new Result(List.copyOf(tokens), unterminated, executableComment);
        }

        private Type next() {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                while (pos < length && Character.isWhitespace(sql.charAt(pos))) {
                    pos++;
                }
                return Type.WHITESPACE;
            }
            if (c == '-' && peek(1) == '-' || c == '#' && dialect == SqlDialect.MYSQL) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? length : end;
                return Type.LINE_COMMENT;
            }
            if (c == '/' && peek(1) == '*') {
                blockComment();
                return Type.BLOCK_COMMENT;
            }
            if (c == '\'') {
                return quoted('\'', backslashEscapes()) ? Type.SPECIAL_STRING : Type.STRING;
            }
            if ((c == 'e' || c == 'E') && peek(1) == '\'' && postgresLike() && !identifierBefore()) {
                pos++;
                quoted('\'', true);
                return Type.SPECIAL_STRING;
            }
            if (c == '"' || c == '`') {
                quoted(c, backslashEscapes());
                return Type.QUOTED_IDENTIFIER;
            }
            if (c == '$') {
                return dollar();
            }
            if (c == ';') {
                pos++;
                return Type.SEMICOLON;
            }
            if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                while (pos < length && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.'
                        || sql.charAt(pos) == '_'
                        || (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')
                        && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E'))) {
                    pos++;
                }
                return Type.NUMBER;
            }
            if (isIdentifierStart(c)) {
                while (pos < length && isIdentifierPart(sql.charAt(pos))) {
                    pos++;
                }
                return Type.WORD;
            }
            pos += Character.charCount(sql.codePointAt(pos));
            return Type.SYMBOL;
        }

        private char peek(int ahead) {
            int i = pos + ahead;
            return i < length ? sql.charAt(i) : '\0';
        }

        private boolean identifierBefore() {
            return pos > 0 && isIdentifierPart(sql.charAt(pos - 1));
        }

        private void blockComment() {
            if (dialect == SqlDialect.MYSQL && peek(2) == '!') {
                // MySQL executes the text of /*! ... */ comments.
                executableComment = true;
            }
            boolean nested = dialect == SqlDialect.POSTGRESQL;
            int depth = 0;
            while (pos < length) {
                if (sql.startsWith("/*", pos) && (nested || depth == 0)) {
                    depth++;
                    pos += 2;
                } else if (sql.startsWith("*/", pos)) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    pos++;
                }
            }
            unterminated = true;
        }

        /**
         * Consumes a literal opened by {@code quote} at {@code pos}, doubled quotes escaping
         * themselves. Returns true when a backslash escape was seen.
         */
        private boolean quoted(char quote, boolean backslashes) {
            boolean sawBackslash = false;
            pos++;
            while (pos < length) {
                char c = sql.charAt(pos);
                if (backslashes && c == '\\') {
                    sawBackslash = true;
                    pos += 2;
                } else if (c == quote) {
                    if (peek(1) == quote) {
                        pos += 2;
                    } else {
                        pos++;
                        return sawBackslash;
                    }
                } else {
                    pos++;
                }
            }
            pos = length;
            unterminated = true;
            return sawBackslash;
        }

        private Type dollar() {
            if (Character.isDigit(peek(1))) {
                pos++;
                while (pos < length && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
                return Type.PARAMETER;
            }
            if (postgresLike() && !identifierBefore()) {
                int tagEnd = pos + 1;
                while (tagEnd < length && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
                    tagEnd++;
                }
                if (tagEnd < length && sql.charAt(tagEnd) == '$'
                        && (tagEnd == pos + 1 || !Character.isDigit(sql.charAt(pos + 1)))) {
                    String tag = sql.substring(pos, tagEnd + 1);
                    int close = sql.indexOf(tag, tagEnd + 1);
                    if (close < 0) {
                        pos = length;
                        unterminated = true;
                    } else {
                        pos = close + tag.length();
                    }
                    return Type.SPECIAL_STRING;
                }
            }
            pos++;
            return Type.SYMBOL;
        }
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
