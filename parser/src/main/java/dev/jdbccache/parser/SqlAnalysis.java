package dev.jdbccache.parser;

import java.util.List;
import java.util.Set;

/**
 * What the cache needs to know about one SQL text. Immutable and shared: the same instance is
 * returned for every execution of the same text.
 *
 * @param kind               what the statement does
 * @param tablesRead         tables whose data the result depends on (CTE names excluded)
 * @param tablesWritten      tables the statement changes (data or structure)
 * @param writesUnknown      true when the statement may write tables that cannot be named
 *                           (unparseable text, a procedure call): the caller must treat it as
 *                           writing every table
 * @param reason             why the result may not be cached, or {@code null} when it may
 * @param reasonDetail       a short human explanation (the function or table that decided), or {@code null}
 * @param hint               the cache hint found in comments
 * @param normalizedSql      the text used for keys and fingerprints: comments other than hints
 *                           removed, whitespace outside literals collapsed
 * @param transactionControl for {@link StatementKind#TRANSACTION_CONTROL}, which one; else {@code null}
 * @param sessionSetting     for {@link StatementKind#SESSION_SET}, the lower-case name of the
 *                           setting changed ({@code search_path}, {@code role}, {@code schema}, ...),
 *                           or {@code "*"} when unknown; else {@code null}
 * @param sessionChange      for {@link StatementKind#SESSION_SET}, how the setting changes
 *                           ({@link SessionChange#OTHER} for a text of several statements:
 *                           see each statement's); else {@code null}
 * @param createsTemporary   the statement creates a temporary object ({@code CREATE TEMP TABLE},
 *                           {@code SELECT ... INTO TEMP}): names in this session may now resolve
 *                           to objects no other session sees
 * @param catalogFunctions for a parsed query, the functions no built-in list knows, named as in
 *                           the database's catalog, when they alone make it uncacheable (reason
 *                           {@link NotCacheableReason#UNKNOWN_FUNCTION}) and possibly writing
 *                           ({@code writesUnknown}): a catalog of their volatility may decide
 *                           both (immutable: a cacheable read; stable: a read; volatile: may
 *                           write). When the reason is another one, they decide only the writes.
 *                           Empty otherwise.
 * @param statements         for a text of several statements, the analysis of each, in order
 *                           (each with no statements of its own); empty for a single statement
 * @param footprint          the rows the statement reads and writes as far as its text pins them
 *                           (DESIGN.md section 8); {@link Footprint#NONE} when nothing is pinned
 */
public record SqlAnalysis(
        StatementKind kind,
        Set<TableName> tablesRead,
        Set<TableName> tablesWritten,
        boolean writesUnknown,
        NotCacheableReason reason,
        String reasonDetail,
        CacheHint hint,
        String normalizedSql,
        TransactionControl transactionControl,
        String sessionSetting,
        SessionChange sessionChange,
        boolean createsTemporary,
        Set<String> catalogFunctions,
        List<SqlAnalysis> statements,
        Footprint footprint) {

    public SqlAnalysis {
        catalogFunctions = Set.copyOf(catalogFunctions);
        statements = List.copyOf(statements);
        tablesRead = Set.copyOf(tablesRead);
        tablesWritten = Set.copyOf(tablesWritten);
        hint = hint == null ? CacheHint.NONE : hint;
        footprint = footprint == null ? Footprint.NONE : footprint;
    }

    /** True when the result of this statement may be cached (hints already applied). */
    public boolean cacheable() {
        return reason == null;
    }

    /**
     * True when the text holds several statements: their transaction control and session changes
     * are in {@link #statements()}, and take effect one after the other.
     */
    public boolean several() {
        return !statements.isEmpty();
    }

    /** True when executing this statement may change data or structure of some table. */
    public boolean writes() {
        return writesUnknown || !tablesWritten.isEmpty();
    }
}
