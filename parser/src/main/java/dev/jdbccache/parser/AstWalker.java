package dev.jdbccache.parser;

import dev.jdbccache.parser.FunctionCatalog.FunctionClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Walks the parse tree of a query or DML statement and records the tables it reads and writes
 * and the functions it calls into {@link StatementFacts}.
 *
 * <p>Clauses that decide reads versus writes (targets of INSERT/UPDATE/DELETE/MERGE, {@code SELECT
 * INTO}, CTE scopes) are handled by hand. Everything else is reached by a generic descent over the
 * fields of JSqlParser's model, so that a subquery or a function call is found in any position
 * (select list, FROM, WHERE, HAVING, IN, EXISTS, LATERAL, JOIN ON, ORDER BY, window, VALUES, ...)
 * without depending on JSqlParser's visitor adapters, which miss some of them. In a query, every
 * {@link Table} met outside the hand-handled clauses is a table read; column qualifiers are not.
 *
 * <p>Not thread-safe: one instance per statement.
 */
final class AstWalker {

    /** Fields of {@link Select} subclasses handled by hand, skipped by the generic descent. */
    private static final Set<String> SELECT_FIELDS_HANDLED = Set.of(
            "withItemsList", "intoTables", "intoTempTable", "forUpdateTable");

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return walkableFields(type);
        }
    };

    private final TableNames names;
    private final FunctionCatalog functions;
    private final StatementFacts facts;
    private StatementKind firstDmlInCte;

    AstWalker(TableNames names, FunctionCatalog functions, StatementFacts facts) {
        this.names = names;
        this.functions = functions;
        this.facts = facts;
    }

    /** The names of the CTEs visible at a point of the tree (folded). Immutable. */
    record Scope(Set<String> cteNames) {
        static final Scope EMPTY = new Scope(Set.of());

        Scope with(Collection<String> more) {
            if (more.isEmpty()) {
                return this;
            }
            Set<String> all = new HashSet<>(cteNames);
            all.addAll(more);
            return new Scope(Set.copyOf(all));
        }
    }

    /** A top-level query: kind QUERY unless a CTE modifies data. */
    void query(Select select) {
        facts.kind = StatementKind.QUERY;
        select(select, Scope.EMPTY);
        if (firstDmlInCte != null) {
            facts.kind = firstDmlInCte;
        } else if (facts.sessionSetting != null) {
            // SELECT set_config('search_path', ...) changes the session like a SET does.
            facts.kind = StatementKind.SESSION_SET;
        }
    }

    void insert(Insert insert, Scope outer) {
        Scope scope = withItems(insert.getWithItemsList(), outer);
        TableName target = write(insert.getTable());
        if (target != null && (insert.getConflictAction() != null || insert.isUseDuplicate())) {
            facts.reads.add(target);
        }
        walk(insert.getSelect(), scope);
        walk(insert.getSetUpdateSets(), scope);
        walk(insert.getDuplicateUpdateSets(), scope);
        walk(insert.getConflictTarget(), scope);
        walk(insert.getConflictAction(), scope);
        walk(insert.getReturningClause(), scope);
        walk(insert.getOutputClause(), scope);
    }

    void update(Update update, Scope outer) {
        Scope scope = withItems(update.getWithItemsList(), outer);
        readAndWrite(update.getTable());
        if (update.getStartJoins() != null) {
            // MySQL multi-table UPDATE a JOIN b SET ...: any joined table may be written.
            for (Join join : update.getStartJoins()) {
                if (join.getFromItem() instanceof Table table) {
                    readAndWrite(table);
                }
                walk(join, scope);
            }
        }
        walk(update.getFromItem(), scope);
        walk(update.getJoins(), scope);
        walk(update.getUpdateSets(), scope);
        walk(update.getSelect(), scope);
        walk(update.getWhere(), scope);
        walk(update.getOrderByElements(), scope);
        walk(update.getLimit(), scope);
        walk(update.getReturningClause(), scope);
        walk(update.getOutputClause(), scope);
    }

    void delete(Delete delete, Scope outer) {
        Scope scope = withItems(delete.getWithItemsList(), outer);
        Map<String, Table> byAlias = new HashMap<>();
        alias(byAlias, delete.getTable());
        if (delete.getJoins() != null) {
            for (Join join : delete.getJoins()) {
                alias(byAlias, join.getFromItem());
            }
        }
        if (delete.getTables() != null && !delete.getTables().isEmpty()) {
            // MySQL DELETE a, b FROM t1 a JOIN t2 b: the listed names may be aliases.
            for (Table listed : delete.getTables()) {
                Table target = listed.getSchemaName() == null
                        ? byAlias.getOrDefault(names.identifier(listed.getName()), listed) : listed;
                readAndWrite(target);
            }
            read(delete.getTable(), scope);
        } else {
            readAndWrite(delete.getTable());
        }
        walk(delete.getUsingList(), scope);
        walk(delete.getJoins(), scope);
        walk(delete.getWhere(), scope);
        walk(delete.getOrderByElements(), scope);
        walk(delete.getLimit(), scope);
        walk(delete.getReturningClause(), scope);
        walk(delete.getOutputClause(), scope);
    }

    void merge(Merge merge, Scope outer) {
        Scope scope = withItems(merge.getWithItemsList(), outer);
        readAndWrite(merge.getTable());
        walk(merge.getFromItem(), scope);
        walk(merge.getOnCondition(), scope);
        walk(merge.getOperations(), scope);
        walk(merge.getOutputClause(), scope);
    }

    void upsert(Upsert upsert) {
        readAndWrite(upsert.getTable());
        walk(upsert.getSelect(), Scope.EMPTY);
        walk(upsert.getExpressions(), Scope.EMPTY);
        walk(upsert.getSetExpressions(), Scope.EMPTY);
        walk(upsert.getUpdateSets(), Scope.EMPTY);
        walk(upsert.getDuplicateUpdateSets(), Scope.EMPTY);
    }

    /** Reads from a query embedded in DDL ({@code CREATE TABLE AS}, {@code CREATE VIEW}). */
    void embeddedQuery(Object select) {
        walk(select, Scope.EMPTY);
    }

    TableName write(Table table) {
        TableName name = canonical(table);
        if (name != null) {
            facts.writes.add(name);
        }
        return name;
    }

    private void readAndWrite(Table table) {
        TableName name = write(table);
        if (name != null) {
            facts.reads.add(name);
        }
    }

    private void alias(Map<String, Table> byAlias, FromItem item) {
        if (item instanceof Table table && table.getAlias() != null && table.getAlias().getName() != null) {
            byAlias.put(names.identifier(table.getAlias().getName()), table);
        }
    }

    private void select(Select select, Scope outer) {
        Scope scope = withItems(select.getWithItemsList(), outer);
        if (select.getForMode() != null) {
            facts.lockingClause = "FOR " + select.getForMode().getValue();
        }
        if (select instanceof PlainSelect plain) {
            into(plain.getIntoTables());
            if (plain.getIntoTempTable() != null) {
                into(List.of(plain.getIntoTempTable()));
            }
        }
        walkFields(select, scope);
    }

    private void into(List<Table> targets) {
        if (targets == null) {
            return;
        }
        for (Table target : targets) {
            String written = target.getFullyQualifiedName();
            if (written != null && (written.startsWith("@") || written.startsWith(":"))) {
                facts.readThatWrites("SELECT INTO variable " + written);
            } else {
                write(target);
                facts.readThatWrites("SELECT INTO " + written);
                firstDml(StatementKind.DDL);
            }
        }
    }

    private Scope withItems(List<WithItem<?>> items, Scope outer) {
        if (items == null || items.isEmpty()) {
            return outer;
        }
        boolean recursive = false;
        List<String> cteNames = new ArrayList<>();
        for (WithItem<?> item : items) {
            recursive |= item.isRecursive();
            if (item.getAlias() != null && item.getAlias().getName() != null) {
                cteNames.add(names.identifier(item.getAlias().getName()));
            }
        }
        Scope all = outer.with(cteNames);
        Scope running = outer;
        for (int i = 0; i < items.size(); i++) {
            // Without RECURSIVE, a CTE sees only the CTEs before it: a reference to its own name
            // is a reference to the real table.
            cte(items.get(i).getParenthesedStatement(), recursive ? all : running);
            if (i < cteNames.size()) {
                running = running.with(List.of(cteNames.get(i)));
            }
        }
        return all;
    }

    private void cte(ParenthesedStatement body, Scope scope) {
        if (body instanceof ParenthesedInsert insert) {
            firstDml(StatementKind.INSERT);
            facts.readThatWrites("data-modifying CTE");
            insert(insert.getInsert() != null ? insert.getInsert() : insert, scope);
        } else if (body instanceof ParenthesedUpdate update) {
            firstDml(StatementKind.UPDATE);
            facts.readThatWrites("data-modifying CTE");
            update(update.getUpdate() != null ? update.getUpdate() : update, scope);
        } else if (body instanceof ParenthesedDelete delete) {
            firstDml(StatementKind.DELETE);
            facts.readThatWrites("data-modifying CTE");
            delete(delete.getDelete() != null ? delete.getDelete() : delete, scope);
        } else if (body instanceof Select select) {
            select(select, scope);
        } else if (body != null) {
            facts.unparseable = "unsupported CTE body " + body.getClass().getSimpleName();
            facts.writesUnknown = true;
        }
    }

    private void firstDml(StatementKind kind) {
        if (firstDmlInCte == null) {
            firstDmlInCte = kind;
        }
    }

    private void read(Table table, Scope scope) {
        if (table == null) {
            return;
        }
        List<String> parts = table.getNameParts();
        if (parts == null || parts.isEmpty() || parts.get(0) == null) {
            return;
        }
        if (table.getSchemaName() == null && scope.cteNames().contains(names.identifier(table.getName()))) {
            return;
        }
        TableName name = canonical(table);
        if (name != null) {
            facts.reads.add(name);
            facts.readOccurrences.put(table, name);
        }
    }

    private TableName canonical(Table table) {
        if (table == null || table.getName() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(3);
        if (table.getSchemaName() != null) {
            parts.add(table.getSchemaName());
        }
        parts.add(table.getName());
        return names.canonical(parts);
    }

    /** The generic descent. */
    private void walk(Object node, Scope scope) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || node instanceof Alias || node instanceof Node
                || node instanceof Token) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            for (Object element : collection) {
                walk(element, scope);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getKey(), scope);
                walk(e.getValue(), scope);
            }
            return;
        }
        if (node instanceof Select select) {
            select(select, scope);
        } else if (node instanceof ParenthesedStatement statement) {
            cte(statement, scope);
        } else if (node instanceof Table table) {
            read(table, scope);
        } else if (node instanceof Column column) {
            column(column, scope);
        } else if (node instanceof AllTableColumns) {
            return;
        } else if (node instanceof TableFunction) {
            walkFields(node, scope);
        } else if (node instanceof Function function) {
            function(function.getMultipartName(), argumentCount(function.getParameters()), function);
            walkFields(node, scope);
        } else if (node instanceof AnalyticExpression analytic) {
            call(List.of(analytic.getName()), -1);
            walkFields(node, scope);
        } else if (node instanceof TimeKeyExpression key) {
            facts.timeFunction(key.getStringValue().toLowerCase(Locale.ROOT));
        } else if (node instanceof NextValExpression next) {
            facts.volatileFunction("next value for " + next.getName());
        } else if (node instanceof JdbcParameter parameter) {
            facts.parameters.add(parameter);
        } else if (node instanceof InExpression in) {
            // JSqlParser 5.3 parses "a IN (1, 2) OR b = 3" as a IN ((1, 2) OR b = 3): the tree's
            // AND/OR structure cannot be trusted, and a footprint must not be derived from it
            // (an absorbed chain of ANDs alone means the same, and the footprint undoes it)
            if (!(in.getRightExpression() instanceof ExpressionList<?>) && !(in.getRightExpression() instanceof Select)
                    && FootprintAnalyzer.absorbedConjuncts(in) == null) {
                facts.misparsedPrecedence = true;
            }
            walkFields(node, scope);
        } else if (node instanceof UserVariable variable) {
            facts.volatileFunction("user variable @" + variable.getName());
        } else if (node.getClass().getName().startsWith("net.sf.jsqlparser.")) {
            walkFields(node, scope);
        }
    }

    private void column(Column column, Scope scope) {
        String name = column.getColumnName();
        if (column.getTable() == null || column.getTable().getName() == null) {
            if (name != null && !name.startsWith("\"") && !name.startsWith("`")
                    && functions.isNiladicFunction(name.toLowerCase(Locale.ROOT))) {
                facts.timeFunction(name.toLowerCase(Locale.ROOT));
            }
        }
        walk(column.getArrayConstructor(), scope);
    }

    private void function(List<String> nameParts, int argumentCount, Function function) {
        FunctionClass c = call(nameParts, argumentCount);
        if (c == FunctionClass.SESSION_CHANGE) {
            String setting = "*";
            ExpressionList<?> parameters = function.getParameters();
            if (parameters != null && !parameters.isEmpty() && parameters.get(0) instanceof StringValue value) {
                setting = value.getValue().toLowerCase(Locale.ROOT);
            }
            facts.sessionSetting = facts.sessionSetting == null ? setting : "*";
            SessionChange change = "*".equals(facts.sessionSetting) || facts.sessionChange != null
                    ? SessionChange.OTHER : setConfigScope(parameters);
            facts.sessionChange = change;
        }
    }

    /** {@code set_config(name, value, is_local)}: local when its third argument is literally true. */
    private static SessionChange setConfigScope(ExpressionList<?> parameters) {
        if (parameters == null || parameters.size() != 3) {
            return SessionChange.OTHER;
        }
        String local = parameters.get(2).toString().toLowerCase(Locale.ROOT);
        return switch (local) {
            case "true", "'true'", "'t'", "'on'", "'yes'", "'1'" -> SessionChange.SET_LOCAL;
            case "false", "'false'", "'f'", "'off'", "'no'", "'0'" -> SessionChange.SET;
            default -> SessionChange.OTHER;
        };
    }

    private FunctionClass call(List<String> nameParts, int argumentCount) {
        if (nameParts == null || nameParts.isEmpty() || nameParts.get(0) == null) {
            return FunctionClass.UNKNOWN;
        }
        FunctionClass c = functions.classify(nameParts, argumentCount);
        String name = String.join(".", nameParts);
        switch (c) {
            case TIME -> facts.timeFunction(FunctionCatalog.unquoteLower(name));
            case VOLATILE, SESSION_CHANGE -> facts.volatileFunction(FunctionCatalog.unquoteLower(name));
            case UNKNOWN -> facts.unknownFunction(name);
            case DETERMINISTIC -> { }
        }
        return c;
    }

    private static int argumentCount(ExpressionList<?> parameters) {
        return parameters == null ? 0 : parameters.size();
    }

    private void walkFields(Object node, Scope scope) {
        boolean isSelect = node instanceof Select;
        for (Field field : FIELDS.get(node.getClass())) {
            if (isSelect && SELECT_FIELDS_HANDLED.contains(field.getName())) {
                continue;
            }
            Object value;
            try {
                value = field.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
            walk(value, scope);
        }
    }

    private static List<Field> walkableFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c.getName().startsWith("net.sf.jsqlparser."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Class<?> t = f.getType();
                if (Modifier.isStatic(f.getModifiers()) || t.isPrimitive() || t == String.class
                        || Node.class.isAssignableFrom(t) || f.isSynthetic()) {
                    continue;
                }
                // Throws InaccessibleObjectException when JSqlParser is a named module that does
                // not open its packages; the caller then treats the statement as unparseable.
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return List.copyOf(fields);
    }
}
