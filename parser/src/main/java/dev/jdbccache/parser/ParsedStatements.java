package dev.jdbccache.parser;

import dev.jdbccache.parser.SqlText.Piece;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Turns one parsed JSqlParser statement into {@link StatementFacts}: the kind, and for DDL the
 * tables whose structure changes. Queries and DML are walked by {@link AstWalker}; statements we
 * do not model are classified by their leading keyword and conservatively may write anything.
 * Immutable and thread-safe.
 */
final class ParsedStatements {

    private final TableNames names;
    private final FunctionCatalog functions;
    private final KeywordClassifier keywords;

    ParsedStatements(TableNames names, FunctionCatalog functions, KeywordClassifier keywords) {
        this.names = names;
        this.functions = functions;
        this.keywords = keywords;
    }

    StatementFacts facts(Statement statement, Piece piece) {
        StatementFacts facts = new StatementFacts();
        AstWalker walker = new AstWalker(names, functions, facts);
        if (statement instanceof Select select) {
            walker.query(select);
        } else if (statement instanceof Insert insert) {
            facts.kind = StatementKind.INSERT;
            walker.insert(insert, AstWalker.Scope.EMPTY);
        } else if (statement instanceof Update update) {
            facts.kind = StatementKind.UPDATE;
            walker.update(update, AstWalker.Scope.EMPTY);
        } else if (statement instanceof Delete delete) {
            facts.kind = StatementKind.DELETE;
            walker.delete(delete, AstWalker.Scope.EMPTY);
        } else if (statement instanceof Merge merge) {
            facts.kind = StatementKind.MERGE;
            walker.merge(merge, AstWalker.Scope.EMPTY);
        } else if (statement instanceof Upsert upsert) {
            facts.kind = StatementKind.MERGE;
            walker.upsert(upsert);
        } else if (statement instanceof Truncate truncate) {
            facts.kind = StatementKind.TRUNCATE;
            if (truncate.getCascade()) {
                facts.writesUnknown = true; // empties every table with a foreign key to these, whatever its ON DELETE
            }
            if (truncate.getTables() != null) {
                truncate.getTables().forEach(walker::write);
            }
            walker.write(truncate.getTable());
        } else {
            return ddl(statement, piece, facts, walker);
        }
        facts.footprint = new FootprintAnalyzer(names, names.dialect()).analyze(statement, facts, parameterMarkers(piece));
        return facts;
    }

    private static int parameterMarkers(Piece piece) {
        int markers = 0;
        for (SqlToken token : piece.tokens()) {
            if (token.isSymbol('?')) {
                markers++;
            }
        }
        return markers;
    }

    private StatementFacts ddl(Statement statement, Piece piece, StatementFacts facts, AstWalker walker) {
        facts.kind = StatementKind.DDL;
        if (statement instanceof CreateTable create) {
            walker.write(create.getTable());
            walker.embeddedQuery(create.getSelect());
            if (create.getLikeTable() != null) {
                facts.reads.add(names.canonical(parts(create.getLikeTable())));
            }
        } else if (statement instanceof CreateView view) {
            walker.write(view.getView());
            walker.embeddedQuery(view.getSelect());
        } else if (statement instanceof AlterView view) {
            walker.write(view.getView());
            walker.embeddedQuery(view.getSelect());
        } else if (statement instanceof CreateIndex index) {
            walker.write(index.getTable());
        } else if (statement instanceof Alter alter) {
            walker.write(alter.getTable());
            if (alter.getAlterExpressions() != null) {
                for (AlterExpression e : alter.getAlterExpressions()) {
                    if (e.getNewTableName() != null) {
                        facts.writes.add(names.canonical(List.of(e.getNewTableName().split("\\."))));
                    }
                }
            }
        } else if (statement instanceof RenameTableStatement rename) {
            for (Map.Entry<Table, Table> e : rename.getTableNames()) {
                walker.write(e.getKey());
                walker.write(e.getValue());
            }
        } else if (statement instanceof Drop drop) {
            String type = drop.getType() == null ? "" : drop.getType().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("table") || type.endsWith("view")) {
                walker.write(drop.getName());
            } else {
                facts.writesUnknown = true;
            }
        } else if (statement instanceof Comment comment) {
            if (comment.getTable() != null) {
                walker.write(comment.getTable());
            } else if (comment.getView() != null) {
                walker.write(comment.getView());
            } else if (comment.getColumn() != null && comment.getColumn().getTable() != null) {
                walker.write(comment.getColumn().getTable());
            } else {
                facts.writesUnknown = true;
            }
        } else if (statement instanceof Grant grant) {
            List<String> object = grant.getObjectNameParts();
            if (object != null && !object.isEmpty()) {
                facts.writes.add(names.canonical(object));
            } else {
                facts.writesUnknown = true;
            }
        } else if (statement instanceof RefreshMaterializedViewStatement refresh) {
            walker.write(refresh.getView());
        } else if (statement instanceof Execute) {
            facts.kind = StatementKind.CALL;
            facts.writesUnknown = true;
        } else {
            return keywords.unwalked(piece);
        }
        return facts;
    }

    private static List<String> parts(Table table) {
        List<String> parts = new ArrayList<>();
        if (table.getSchemaName() != null) {
            parts.add(table.getSchemaName());
        }
        parts.add(table.getName());
        return parts;
    }
}
