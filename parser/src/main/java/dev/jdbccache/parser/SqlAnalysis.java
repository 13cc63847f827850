package dev.jdbccache.parser;

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
        String sessionSetting) {

    public SqlAnalysis {
        tablesRead = Set.copyOf(tablesRead);
        tablesWritten = Set.copyOf(tablesWritten);
        hint = hint == null ? CacheHint.NONE : hint;
    }

    /** True when the result of this statement may be cached (hints already applied). */
    public boolean cacheable() {
        return reason == null;
    }

    /** True when executing this statement may change data or structure of some table. */
    public boolean writes() {
        return writesUnknown || !tablesWritten.isEmpty();
    }
}
