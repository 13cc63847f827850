package dev.jdbccache.parser;

import dev.jdbccache.parser.FunctionCatalog.FunctionClass;
import dev.jdbccache.parser.SqlText.Piece;
import dev.jdbccache.parser.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Facts read off a statement's tokens, whether or not it parsed: they hold for texts the parser
 * cannot read, and back the parser up where a missed fact would be a wrong answer. Immutable and
 * thread-safe.
 */
final class TokenScan {

    /** Words that take parentheses without being a function call. */
    private static final Set<String> NOT_FUNCTIONS = Set.of(
            "select", "from", "where", "and", "or", "not", "in", "exists", "values", "as", "on", "using",
            "join", "lateral", "rows", "row", "array", "into", "is", "when", "then", "else", "by", "over",
            "filter", "within", "partition", "group", "order", "having", "with", "recursive", "union",
            "intersect", "except", "all", "any", "some", "distinct", "case", "table", "only", "tablesample",
            "repeatable", "variadic", "collate", "limit", "offset", "fetch", "returning", "set", "like",
            "ilike", "similar", "between", "escape", "window", "range", "groups", "materialized", "cursor",
            "for", "unnest", "cast", "extract", "substring", "position", "overlay", "trim", "coalesce",
            "nullif", "greatest", "least", "name", "xmlattributes", "interval", "zone", "cube", "rollup",
            "grouping", "sets", "default", "do", "update", "conflict", "key", "primary", "references",
            "check", "unique", "foreign", "if", "to", "at", "time", "timestamp", "date", "numeric",
            "decimal", "varchar", "char", "character", "varying", "float", "bit", "precision", "asc", "desc");

    private final FunctionCatalog functions;

    TokenScan(FunctionCatalog functions) {
        this.functions = functions;
    }

    /**
     * The first function called in {@code piece} that may write (a user or extension function the
     * catalog does not know), or {@code null}: a name followed by {@code (}, not one of the
     * keywords that take parentheses, and not a table or type name after {@code INTO}, {@code UPDATE},
     * {@code TABLE}, {@code REFERENCES} or {@code ::}. A function in {@code FROM} is a call.
     */
    String unknownFunctionCall(Piece piece) {
        List<SqlToken> tokens = piece.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i + 1).isSymbol('(')) {
                continue;
            }
            int end = i;
            List<String> name = new ArrayList<>();
            name.add(tokens.get(i).text());
            int start = i;
            while (start >= 2 && tokens.get(start - 1).isSymbol('.') && isName(tokens.get(start - 2))) {
                start -= 2;
                name.add(0, tokens.get(start).text());
            }
            SqlToken first = tokens.get(start);
            if (!isName(tokens.get(end)) || name.size() == 1 && first.type() == Type.WORD
                    && NOT_FUNCTIONS.contains(first.lower())) {
                continue;
            }
            if (start > 0 && isTableOrTypePosition(tokens, start - 1)) {
                continue;
            }
            if (functions.classify(name, -1) == FunctionClass.UNKNOWN) {
                return String.join(".", name);
            }
        }
        return null;
    }

    /** {@code TABLESAMPLE}: rows chosen at random (or by physical layout), never the same result twice. */
    static boolean samplesRows(Piece piece) {
        for (SqlToken t : piece.tokens()) {
            if (t.isWord("tablesample")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code piece} creates an object only its session sees: {@code CREATE [GLOBAL | LOCAL]
     * TEMP[ORARY] ...} or a query {@code ... INTO TEMP[ORARY] ...}.
     */
    static boolean createsTemporary(Piece piece) {
        List<SqlToken> tokens = piece.tokens();
        String first = piece.leadingKeyword();
        if (first.equals("create")) {
            // the modifiers stand between CREATE and the kind of object: CREATE [OR REPLACE] [GLOBAL] TEMP TABLE
            for (int i = 1; i < Math.min(tokens.size(), 5); i++) {
                SqlToken t = tokens.get(i);
                if (isTemporaryWord(t)) {
                    return true;
                }
                if (!(t.isWord("or") || t.isWord("replace") || t.isWord("global") || t.isWord("local"))) {
                    return false;
                }
            }
            return false;
        }
        if (first.equals("select") || first.equals("with") || first.equals("(")) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).isWord("into") && isTemporaryWord(tokens.get(i + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTemporaryWord(SqlToken t) {
        return t.isWord("temp") || t.isWord("temporary");
    }

    private static boolean isName(SqlToken t) {
        return t.type() == Type.WORD || t.type() == Type.QUOTED_IDENTIFIER;
    }

    private static boolean isTableOrTypePosition(List<SqlToken> tokens, int before) {
        SqlToken t = tokens.get(before);
        return t.isWord("into") || t.isWord("update") || t.isWord("table") || t.isWord("references")
                || t.isSymbol(':') && before > 0 && tokens.get(before - 1).isSymbol(':');
    }
}
