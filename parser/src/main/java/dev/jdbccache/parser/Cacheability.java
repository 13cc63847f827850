package dev.jdbccache.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, from the facts of the statements of a text and its hint, whether its result may be
 * cached and why not, and assembles the {@link SqlAnalysis}. Immutable and thread-safe.
 *
 * <p>Order of reasons: {@code cache:off} hint; several statements; unparseable; not a query;
 * a read that writes; locking clause; system catalog; temporary table; volatile function;
 * time function (lifted by a TTL hint); unknown function. Unknown functions come last so that,
 * when they are the reason, they are the only one: a catalog that knows them decides.
 */
final class Cacheability {

    private final TableNames names;

    Cacheability(TableNames names) {
        this.names = names;
    }

    SqlAnalysis decide(List<StatementFacts> statements, SqlText text) {
        CacheHint hint = text.hint();
        if (statements.isEmpty()) {
            return new SqlAnalysis(StatementKind.OTHER, Set.of(), Set.of(), false,
                    hint.off() ? NotCacheableReason.HINT_OFF : NotCacheableReason.NOT_A_QUERY,
                    "empty statement", hint, text.normalized(), null, null, null, false, Set.of(), List.of(), Footprint.NONE);
        }
        if (statements.size() > 1) {
            return several(statements, text);
        }
        return single(statements.get(0), hint, text.normalized());
    }

    private SqlAnalysis single(StatementFacts f, CacheHint hint, String normalized) {
        Reason r = reason(f, hint);
        boolean writesUnknown = f.writesUnknown
                // In PostgreSQL SELECT f() is how procedures are called: an unknown function may write.
                || f.kind == StatementKind.QUERY && f.unknownFunction != null;
        if (hint.off()) {
            r = new Reason(NotCacheableReason.HINT_OFF, r == null ? null : r.detail);
        }
        return new SqlAnalysis(f.kind, f.reads, f.writes, writesUnknown,
                r == null ? null : r.reason, r == null ? null : r.detail, hint, normalized,
                f.kind == StatementKind.TRANSACTION_CONTROL ? f.transactionControl : null,
                f.kind == StatementKind.SESSION_SET ? f.sessionSetting : null,
                f.kind == StatementKind.SESSION_SET ? sessionChange(f) : null, f.createsTemporary,
                catalogFunctions(f), List.of(), f.footprint);
    }

    private static SessionChange sessionChange(StatementFacts f) {
        return f.sessionChange == null ? SessionChange.OTHER : f.sessionChange;
    }

    /**
     * The unknown functions of a parsed query that writes nothing else: whatever unknown writes
     * and refusal it has come from them alone, so a catalog of their volatility may decide both.
     * Empty otherwise (an unparseable text may call functions no scan names).
     */
    private static Set<String> catalogFunctions(StatementFacts f) {
        boolean decidedByFunctions = f.kind == StatementKind.QUERY && f.unparseable == null && !f.writesUnknown
                && f.writes.isEmpty() && f.readThatWrites == null;
        return decidedByFunctions ? f.unknownFunctions : Set.of();
    }

    private record Reason(NotCacheableReason reason, String detail) {
    }

    private Reason reason(StatementFacts f, CacheHint hint) {
        if (f.unparseable != null) {
            return new Reason(NotCacheableReason.UNPARSEABLE, f.unparseable);
        }
        if (f.readThatWrites != null) {
            return new Reason(NotCacheableReason.WRITES, f.readThatWrites);
        }
        if (f.kind != StatementKind.QUERY) {
            return new Reason(NotCacheableReason.NOT_A_QUERY, f.kind.name());
        }
        if (f.writesUnknown || !f.writes.isEmpty()) {
            return new Reason(NotCacheableReason.WRITES, "may write");
        }
        if (f.lockingClause != null) {
            return new Reason(NotCacheableReason.LOCKING_CLAUSE, f.lockingClause);
        }
        for (TableName t : f.reads) {
            if (names.isSystemCatalog(t)) {
                return new Reason(NotCacheableReason.SYSTEM_CATALOG, t.qualified());
            }
        }
        for (TableName t : f.reads) {
            if (names.isTemporary(t)) {
                return new Reason(NotCacheableReason.TEMPORARY_TABLE, t.qualified());
            }
        }
        if (f.volatileFunction != null) {
            return new Reason(NotCacheableReason.VOLATILE_FUNCTION, f.volatileFunction);
        }
        if (f.timeFunction != null && hint.ttl() == null) {
            return new Reason(NotCacheableReason.TIME_FUNCTION, f.timeFunction);
        }
        if (f.unknownFunction != null) {
            return new Reason(NotCacheableReason.UNKNOWN_FUNCTION, f.unknownFunction);
        }
        return null;
    }

    /**
     * Several statements in one string are never cached. The kind is the one that matters most
     * to the driver: a session change, else transaction control, else the first write, else the
     * first statement's. {@code transactionControl} and {@code sessionSetting} are reported
     * whenever any statement has them, whatever the kind; each statement's own analysis comes
     * with it, for the driver to follow them in order.
     */
    private SqlAnalysis several(List<StatementFacts> statements, SqlText text) {
        Set<TableName> reads = new LinkedHashSet<>();
        Set<TableName> writes = new LinkedHashSet<>();
        boolean writesUnknown = false;
        StatementKind firstWrite = null;
        TransactionControl control = null;
        Set<String> settings = new LinkedHashSet<>();
        boolean createsTemporary = false;
        List<SqlAnalysis> parts = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts f = statements.get(i);
            parts.add(single(f, text.hint(), text.statements().get(i).normalized()));
            createsTemporary |= f.createsTemporary;
            reads.addAll(f.reads);
            writes.addAll(f.writes);
            writesUnknown |= f.writesUnknown || f.kind == StatementKind.QUERY && f.unknownFunction != null;
            if (firstWrite == null && (f.kind.isWrite() || f.writes())) {
                firstWrite = f.kind;
            }
            if (f.kind == StatementKind.TRANSACTION_CONTROL) {
                control = f.transactionControl;
            }
            if (f.kind == StatementKind.SESSION_SET && f.sessionSetting != null) {
                settings.add(f.sessionSetting);
            }
        }
        StatementKind kind;
        if (!settings.isEmpty()) {
            kind = StatementKind.SESSION_SET;
        } else if (control != null) {
            kind = StatementKind.TRANSACTION_CONTROL;
        } else if (firstWrite != null) {
            kind = firstWrite;
        } else {
            kind = statements.get(0).kind;
        }
        String setting = settings.isEmpty() ? null : settings.size() == 1 ? settings.iterator().next() : "*";
        NotCacheableReason reason = text.hint().off() ? NotCacheableReason.HINT_OFF
                : NotCacheableReason.MULTIPLE_STATEMENTS;
        return new SqlAnalysis(kind, reads, writes, writesUnknown, reason, statements.size() + " statements",
                text.hint(), text.normalized(), control, setting, setting == null ? null : SessionChange.OTHER,
                createsTemporary, Set.of(), parts, Footprint.NONE);
    }
}
