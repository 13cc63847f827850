package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlText.Piece;
import dev.jdbccache.parser.SqlToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a statement from its tokens alone: the statements we never hand to the parser
 * (transaction control, session changes, {@code SHOW}, calls, ...) and, as a fallback, the ones it
 * cannot parse. Anything that is not a recognisable read may write: unless we know better, a
 * fallback sets {@code writesUnknown}. Immutable and thread-safe.
 */
final class KeywordClassifier {

    private static final Set<String> READ_KEYWORDS = Set.of("select", "with", "values", "table", "(");
    private static final Set<String> HARMLESS = Set.of("show", "describe", "desc", "lock", "vacuum",
            "analyze", "analyse", "checkpoint", "listen", "unlisten", "notify", "fetch", "move",
            "close", "deallocate", "load", "reindex", "cluster", "help");
    private static final Set<String> DDL = Set.of("create", "alter", "drop", "comment", "grant", "revoke",
            "rename", "refresh", "security", "import");
    private static final Set<String> CALLS = Set.of("call", "exec", "execute", "do", "{");
    /** Words after which a name in a DML/DDL statement is not yet the table name. */
    private static final Set<String> NAME_PREFIXES = Set.of("only", "if", "not", "exists", "table", "ignore",
            "low_priority", "delayed", "high_priority", "quick", "into", "from", "concurrently", "view",
            "materialized", "top");

    private final TableNames names;
    private final TokenScan scan;

    KeywordClassifier(TableNames names, TokenScan scan) {
        this.names = names;
        this.scan = scan;
    }

    /**
     * The facts of a statement that is never parsed, or null when the statement should be parsed.
     * {@code EXPLAIN} is left to the caller, which needs the statement it explains.
     */
    StatementFacts withoutParsing(Piece piece) {
        String first = piece.leadingKeyword();
        switch (first) {
            case "begin", "start" -> {
                return transaction(TransactionControl.BEGIN);
            }
            case "commit", "end" -> {
                return transaction(piece.wordAt(1, "prepared") ? TransactionControl.OTHER : TransactionControl.COMMIT);
            }
            case "rollback", "abort" -> {
                if (piece.wordAt(1, "prepared")) {
                    return transaction(TransactionControl.OTHER);
                }
                boolean toSavepoint = false;
                for (SqlToken t : piece.tokens()) {
                    toSavepoint |= t.isWord("to");
                }
                return transaction(toSavepoint ? TransactionControl.ROLLBACK_TO_SAVEPOINT : TransactionControl.ROLLBACK);
            }
            case "savepoint" -> {
                return transaction(TransactionControl.SAVEPOINT);
            }
            case "release" -> {
                return transaction(TransactionControl.RELEASE_SAVEPOINT);
            }
            case "prepare" -> {
                return piece.wordAt(1, "transaction") ? transaction(TransactionControl.OTHER)
                        : StatementFacts.of(StatementKind.OTHER);
            }
            case "set" -> {
                return set(piece);
            }
            case "reset" -> {
                return piece.wordAt(1, "all") ? session("*", SessionChange.RESET_ALL)
                        : session(resetName(piece), SessionChange.RESET);
            }
            case "discard" -> {
                if (piece.wordAt(1, "all")) {
                    return session("*", SessionChange.DISCARD_ALL);
                }
                boolean temp = piece.wordAt(1, "temp") || piece.wordAt(1, "temporary");
                return session("*", temp ? SessionChange.DISCARD_TEMP : SessionChange.OTHER);
            }
            case "declare" -> {
                // DECLARE c CURSOR FOR SELECT f(): the cursor runs the query, and f may write
                StatementFacts facts = StatementFacts.of(StatementKind.OTHER);
                String function = scan.unknownFunctionCall(piece);
                if (function != null) {
                    facts.unknownFunction(function);
                    facts.writesUnknown = true;
                }
                return facts;
            }
            case "use" -> {
                return session("catalog", SessionChange.SET);
            }
            default -> { }
        }
        if (HARMLESS.contains(first)) {
            return StatementFacts.of(StatementKind.OTHER);
        }
        if (CALLS.contains(first)) {
            StatementFacts facts = StatementFacts.of(StatementKind.CALL);
            facts.writesUnknown = true;
            return facts;
        }
        if (first.equals("copy")) {
            return copy(piece);
        }
        return null;
    }

    /** The facts of a statement the parser could not read, from its leading keyword. */
    StatementFacts fallback(Piece piece, String why) {
        String first = piece.leadingKeyword();
        StatementFacts facts;
        if (READ_KEYWORDS.contains(first)) {
            facts = StatementFacts.of(StatementKind.QUERY);
            // A read we cannot parse may still hide a write: SELECT INTO, a data-modifying CTE,
            // or a function we do not know (in PostgreSQL, SELECT f() is how procedures are called).
            String function = scan.unknownFunctionCall(piece);
            if (function != null) {
                facts.unknownFunction(function);
            }
            facts.writesUnknown = function != null || containsAnyWord(piece, Set.of("into", "insert", "update",
                    "delete", "merge", "truncate", "drop", "create", "alter"));
        } else {
            facts = switch (first) {
                case "insert" -> target(piece, StatementKind.INSERT, "into");
                case "replace", "upsert" -> target(piece, StatementKind.MERGE, null);
                case "update" -> target(piece, StatementKind.UPDATE, null);
                case "delete" -> target(piece, StatementKind.DELETE, "from");
                case "merge" -> target(piece, StatementKind.MERGE, "into");
                case "truncate" -> truncate(piece);
                default -> ddlOrUnknown(piece, first);
            };
            facts.writesUnknown = true;
        }
        facts.unparseable = why;
        return facts;
    }

    /** Facts for a parsed statement whose model we do not walk (CREATE SEQUENCE, blocks, ...). */
    StatementFacts unwalked(Piece piece) {
        StatementFacts facts = fallback(piece, null);
        facts.writesUnknown = facts.kind != StatementKind.QUERY || facts.writesUnknown;
        if (HARMLESS.contains(piece.leadingKeyword())) {
            facts.writesUnknown = false;
        }
        return facts;
    }

    /** {@code DROP TABLE|VIEW [IF EXISTS] a, b [CASCADE|RESTRICT]}, read exactly; null when not that form. */
    StatementFacts dropList(Piece piece) {
        int i = 1;
        if (piece.wordAt(i, "materialized")) {
            i++;
        }
        if (!piece.wordAt(i, "table") && !piece.wordAt(i, "view")) {
            return null;
        }
        i++;
        if (piece.wordAt(i, "if") && piece.wordAt(i + 1, "exists")) {
            i += 2;
        }
        StatementFacts facts = StatementFacts.of(StatementKind.DDL);
        while (true) {
            List<String> parts = new ArrayList<>();
            i = qualifiedName(piece, i, parts);
            if (parts.isEmpty()) {
                return null;
            }
            facts.writes.add(names.canonical(parts));
            if (piece.token(i) != null && piece.token(i).isSymbol(',')) {
                i++;
                continue;
            }
            break;
        }
        if (piece.wordAt(i, "cascade") || piece.wordAt(i, "restrict") || piece.wordAt(i, "purge")) {
            i++;
        }
        return i == piece.tokens().size() ? facts : null;
    }

    /** Index of the first token of the statement an {@code EXPLAIN} explains, or -1. */
    static int explainedStatementStart(Piece piece) {
        int depth = 0;
        for (int i = 1; i < piece.tokens().size(); i++) {
            SqlToken t = piece.tokens().get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.type() == Type.WORD && Set.of("select", "with", "insert", "update", "delete",
                    "merge", "values", "table", "replace", "execute", "create", "declare").contains(t.lower())) {
                return i;
            }
        }
        return -1;
    }

    static boolean containsAnyWord(Piece piece, Set<String> lowerWords) {
        for (SqlToken t : piece.tokens()) {
            if (t.type() == Type.WORD && lowerWords.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    private StatementFacts set(Piece piece) {
        int i = 1;
        if (piece.wordAt(i, "session") && piece.wordAt(i + 1, "characteristics")
                || piece.wordAt(i, "transaction")
                || (piece.wordAt(i, "session") || piece.wordAt(i, "global") || piece.wordAt(i, "local"))
                && piece.wordAt(i + 1, "transaction")) {
            return transaction(TransactionControl.SET_TRANSACTION);
        }
        SessionChange change = piece.wordAt(i, "local") ? SessionChange.SET_LOCAL : SessionChange.SET;
        if ((piece.wordAt(i, "session") || piece.wordAt(i, "local")) && piece.wordAt(i + 1, "authorization")) {
            return session("session_authorization", change);
        }
        if (piece.wordAt(i, "session") || piece.wordAt(i, "local") || piece.wordAt(i, "global")) {
            i++;
        }
        if (piece.wordAt(i, "time") && piece.wordAt(i + 1, "zone")) {
            return session("timezone", change);
        }
        return session(settingName(piece, i), change);
    }

    /** The setting {@code RESET} names: {@code RESET SESSION AUTHORIZATION} and {@code RESET TIME ZONE} take two words. */
    private static String resetName(Piece piece) {
        if (piece.wordAt(1, "session") && piece.wordAt(2, "authorization")) {
            return "session_authorization";
        }
        if (piece.wordAt(1, "time") && piece.wordAt(2, "zone")) {
            return "timezone";
        }
        return settingName(piece, 1);
    }

    private static String settingName(Piece piece, int index) {
        SqlToken t = piece.token(index);
        if (t == null || t.type() != Type.WORD && t.type() != Type.QUOTED_IDENTIFIER) {
            return "*";
        }
        StringBuilder name = new StringBuilder(unquote(t).toLowerCase(Locale.ROOT));
        // A dotted custom setting such as app.tenant_id.
        for (int i = index + 1; piece.token(i) != null && piece.token(i).isSymbol('.')
                && piece.token(i + 1) != null; i += 2) {
            name.append('.').append(unquote(piece.token(i + 1)).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /** {@code COPY t FROM ...} writes t; {@code COPY t TO ...} and {@code COPY (query) TO ...} only read. */
    private StatementFacts copy(Piece piece) {
        StatementFacts facts = StatementFacts.of(StatementKind.OTHER);
        if (piece.token(1) == null || piece.token(1).isSymbol('(')) {
            return facts;
        }
        int depth = 0;
        boolean from = false;
        for (SqlToken t : piece.tokens()) {
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.isWord("from")) {
                from = true;
            }
        }
        if (from) {
            List<String> parts = new ArrayList<>();
            qualifiedName(piece, 1, parts);
            if (!parts.isEmpty()) {
                facts.kind = StatementKind.INSERT;
                facts.writes.add(names.canonical(parts));
            }
            facts.writesUnknown = parts.isEmpty();
        }
        return facts;
    }

    private StatementFacts target(Piece piece, StatementKind kind, String afterWord) {
        StatementFacts facts = StatementFacts.of(kind);
        int start = 1;
        if (afterWord != null) {
            start = -1;
            for (int i = 1; i < piece.tokens().size(); i++) {
                if (piece.tokens().get(i).isWord(afterWord)) {
                    start = i + 1;
                    break;
                }
            }
        }
        if (start > 0) {
            addName(piece, start, facts);
        }
        return facts;
    }

    private StatementFacts truncate(Piece piece) {
        StatementFacts facts = StatementFacts.of(StatementKind.TRUNCATE);
        int i = 1;
        while (i < piece.tokens().size()) {
            i = addName(piece, i, facts);
            if (piece.token(i) == null || !piece.token(i).isSymbol(',')) {
                break;
            }
            i++;
        }
        return facts;
    }

    private StatementFacts ddlOrUnknown(Piece piece, String first) {
        if (!DDL.contains(first)) {
            if (HARMLESS.contains(first)) {
                return StatementFacts.of(StatementKind.OTHER);
            }
            return StatementFacts.of(CALLS.contains(first) ? StatementKind.CALL : StatementKind.OTHER);
        }
        StatementFacts facts = StatementFacts.of(StatementKind.DDL);
        if (first.equals("drop")) {
            StatementFacts exact = dropList(piece);
            if (exact != null) {
                return exact;
            }
        }
        for (int i = 1; i < piece.tokens().size(); i++) {
            SqlToken t = piece.tokens().get(i);
            boolean nameFollows = t.isWord("table") || t.isWord("view") || t.isWord("on") && !first.equals("create")
                    || t.isWord("on") && containsAnyWord(piece, Set.of("index"));
            if (nameFollows) {
                if (!piece.wordAt(i + 1, "all")) {
                    // ON ALL TABLES IN SCHEMA s names no table.
                    addName(piece, i + 1, facts);
                }
                break;
            }
        }
        return facts;
    }

    /** Adds the table named at {@code index} (after skipping modifiers); returns the index after the name. */
    private int addName(Piece piece, int index, StatementFacts facts) {
        int i = index;
        while (piece.token(i) != null && piece.token(i).type() == Type.WORD
                && NAME_PREFIXES.contains(piece.token(i).lower())) {
            i++;
        }
        List<String> parts = new ArrayList<>();
        int after = qualifiedName(piece, i, parts);
        if (!parts.isEmpty()) {
            facts.writes.add(names.canonical(parts));
        }
        return after;
    }

    /** Reads {@code a.b.c} at {@code index} into {@code parts}; returns the index after it. */
    static int qualifiedName(Piece piece, int index, List<String> parts) {
        int i = index;
        while (true) {
            SqlToken t = piece.token(i);
            if (t == null || t.type() != Type.WORD && t.type() != Type.QUOTED_IDENTIFIER) {
                return i;
            }
            parts.add(t.text());
            i++;
            SqlToken dot = piece.token(i);
            if (dot == null || !dot.isSymbol('.')) {
                return i;
            }
            i++;
        }
    }

    private static String unquote(SqlToken t) {
        if (t.type() == Type.QUOTED_IDENTIFIER && t.text().length() >= 2) {
            return t.text().substring(1, t.text().length() - 1);
        }
        return t.text();
    }

    private static StatementFacts transaction(TransactionControl control) {
        StatementFacts facts = StatementFacts.of(StatementKind.TRANSACTION_CONTROL);
        facts.transactionControl = control;
        return facts;
    }

    private static StatementFacts session(String setting, SessionChange change) {
        StatementFacts facts = StatementFacts.of(StatementKind.SESSION_SET);
        facts.sessionSetting = setting;
        facts.sessionChange = "*".equals(setting) && (change == SessionChange.SET || change == SessionChange.SET_LOCAL)
                ? SessionChange.OTHER : change;
        return facts;
    }
}
