package dev.jdbccache.parser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Table;

/**
 * What the analysis of one statement found, before cacheability is decided. Mutable, confined to
 * the thread analysing the statement.
 */
final class StatementFacts {

    StatementKind kind = StatementKind.OTHER;
    final Set<TableName> reads = new LinkedHashSet<>();
    final Set<TableName> writes = new LinkedHashSet<>();
    boolean writesUnknown;
    /** Set when the statement could not be analysed from a parse tree (reason UNPARSEABLE). */
    String unparseable;
    /** {@code FOR UPDATE} and friends, as written. */
    String lockingClause;
    /** A read that writes: {@code SELECT INTO}, a data-modifying CTE. */
    String readThatWrites;
    String volatileFunction;
    String unknownFunction;
    /** Every function the catalog of functions does not know, by its name in the database's catalog. */
    final Set<String> unknownFunctions = new LinkedHashSet<>();
    String timeFunction;
    String systemCatalog;
    String temporaryTable;
    /** {@code CREATE TEMP ...}, {@code SELECT ... INTO TEMP ...}: see {@link SqlAnalysis#createsTemporary()}. */
    boolean createsTemporary;
    TransactionControl transactionControl;
    String sessionSetting;
    SessionChange sessionChange;
    /** Every table reference read, by identity: a table read twice is two occurrences. */
    final Map<Table, TableName> readOccurrences = new IdentityHashMap<>();
    /** Every {@code ?} parameter of the tree, in the order met. */
    final List<JdbcParameter> parameters = new ArrayList<>();
    Footprint footprint = Footprint.NONE;
    /** The parser's tree has an AND/OR structure that is not the text's (see {@link AstWalker}). */
    boolean misparsedPrecedence;

    static StatementFacts of(StatementKind kind) {
        StatementFacts facts = new StatementFacts();
        facts.kind = kind;
        return facts;
    }

    void volatileFunction(String name) {
        if (volatileFunction == null) {
            volatileFunction = name;
        }
    }

    void unknownFunction(String name) {
        if (unknownFunction == null) {
            unknownFunction = name;
        }
        unknownFunctions.add(FunctionCatalog.catalogName(name));
    }

    void timeFunction(String name) {
        if (timeFunction == null) {
            timeFunction = name;
        }
    }

    void readThatWrites(String what) {
        if (readThatWrites == null) {
            readThatWrites = what;
        }
    }

    boolean writes() {
        return writesUnknown || !writes.isEmpty();
    }
}
