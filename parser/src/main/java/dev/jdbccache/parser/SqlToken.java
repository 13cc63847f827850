package dev.jdbccache.parser;

import java.util.Locale;

/**
 * One lexical token of a SQL text, as {@link SqlLexer} cuts it. Immutable.
 *
 * @param type  what the token is
 * @param text  the exact source text of the token (quotes and comment markers included)
 * @param start offset of the first character in the source text
 */
record SqlToken(Type type, String text, int start) {

    enum Type {
        /** An unquoted identifier or keyword. */
        WORD,
        /** A {@code "quoted"} or {@code `backticked`} identifier. */
        QUOTED_IDENTIFIER,
        /** A standard {@code '...'} string literal ({@code ''} escapes only). */
        STRING,
        /**
         * A string literal the parser may not read: {@code E'...'} (backslash escapes),
         * {@code $tag$...$tag$}, or a MySQL string with backslash escapes.
         */
        SPECIAL_STRING,
        NUMBER,
        /** {@code $1}-style positional parameter. */
        PARAMETER,
        /** Any other single character: operators, punctuation, parentheses, {@code ?}. */
        SYMBOL,
        SEMICOLON,
        LINE_COMMENT,
        BLOCK_COMMENT,
        WHITESPACE
    }

    boolean isComment() {
        return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }

    /** Whitespace and comments: what the parser ignores. */
    boolean isTrivia() {
        return type == Type.WHITESPACE || isComment();
    }

    boolean isWord(String lowerCaseWord) {
        return type == Type.WORD && text.equalsIgnoreCase(lowerCaseWord);
    }

    boolean isSymbol(char c) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    /** The lower-case text of a word; the text itself for anything else. */
    String lower() {
        return type == Type.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** The body of a comment, without its markers. */
    String commentBody() {
        if (type == Type.LINE_COMMENT) {
            return text.startsWith("#") ? text.substring(1) : text.substring(2);
        }
        if (type == Type.BLOCK_COMMENT) {
            int end = text.endsWith("*/") && text.length() >= 4 ? text.length() - 2 : text.length();
            return text.substring(2, end);
        }
        return "";
    }

    /** The content of a string literal with its quoting removed (escapes left as written). */
    String stringContent() {
        if (type == Type.STRING) {
            String body = text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
            return body.replace("''", "'");
        }
        if (type == Type.SPECIAL_STRING) {
            if (text.startsWith("$")) {
                int tagEnd = text.indexOf('$', 1);
                int bodyStart = tagEnd + 1;
                int bodyEnd = Math.max(bodyStart, text.length() - (tagEnd + 1));
                return text.substring(bodyStart, bodyEnd);
            }
            int quote = text.indexOf('\'');
            return text.length() - 1 > quote ? text.substring(quote + 1, text.length() - 1) : "";
        }
        return "";
    }
}
