package dev.jdbccache.parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Computes a statement's {@link Footprint} from its parse tree (DESIGN.md section 8).
 *
 * <p>Soundness rests on three rules. A pin comes only from a conjunct of a top-level AND that
 * filters the rows of its occurrence: the WHERE, an inner join's ON, or the ON of the outer join
 * whose nullable side the occurrence is (for that side only); anything under an OR or a NOT is
 * never looked at. An occurrence counts as pinned only when it is a FROM item of the top-level
 * block and the walker saw no other occurrence of its table (in a subquery, a CTE, a set
 * operation), so a table read anywhere else is unbounded. Parameters are trusted only when the
 * parser numbered them 1..n in text order and n is the count of {@code ?} markers the lexer saw.
 *
 * <p>Not thread-safe: one instance per statement.
 */
final class FootprintAnalyzer {

    /** More values than this in one IN list or VALUES: not worth a tag each, the column is unpinned. */
    static final int MAX_VALUES = 1000;

    private final TableNames names;
    private final SqlDialect dialect;

    FootprintAnalyzer(TableNames names, SqlDialect dialect) {
        this.names = names;
        this.dialect = dialect;
    }

    Footprint analyze(Statement statement, StatementFacts facts, int parameterMarkers) {
        if (!parametersTrusted(facts.parameters, parameterMarkers)) {
            return allUnbounded(facts, "parameters not numbered in text order");
        }
        if (facts.misparsedPrecedence) {
            return allUnbounded(facts, "an IN whose right side the parser merged with AND/OR");
        }
        if (facts.kind == StatementKind.QUERY && statement instanceof PlainSelect select) {
            return query(select, facts);
        }
        if (facts.kind == StatementKind.QUERY) {
            return allUnbounded(facts, "not a plain SELECT (set operation or parenthesized query)");
        }
        WriteShape shape = null;
        if (facts.kind == StatementKind.UPDATE && statement instanceof Update update) {
            shape = update(update, facts);
        } else if (facts.kind == StatementKind.DELETE && statement instanceof Delete delete) {
            shape = delete(delete, facts);
        } else if (facts.kind == StatementKind.INSERT && statement instanceof Insert insert) {
            shape = insert(insert, facts);
        }
        return shape == null ? Footprint.NONE : new Footprint(List.of(), Map.of(), shape);
    }

    private static boolean parametersTrusted(List<JdbcParameter> parameters, int markers) {
        if (parameters.size() != markers) {
            return false;
        }
        Set<Integer> seen = new HashSet<>();
        for (JdbcParameter p : parameters) {
            if (p.isUseFixedIndex() || p.getIndex() == null || p.getIndex() < 1 || p.getIndex() > markers
                    || !seen.add(p.getIndex())) {
                return false;
            }
        }
        return true;
    }

    private static Footprint allUnbounded(StatementFacts facts, String why) {
        Map<TableName, String> unbounded = new LinkedHashMap<>();
        facts.reads.forEach(t -> unbounded.put(t, why));
        return new Footprint(List.of(), unbounded, null);
    }

    // ---- reads ---------------------------------------------------------------------------

    /** A FROM item of the top-level block: a table occurrence (when {@code table} is set) or anything else. */
    private record Item(FromItem from, TableName table, String qualifier, Join join) {
        boolean nullableSide() {
            return join != null && join.isLeft();
        }
    }

    private Footprint query(PlainSelect select, StatementFacts facts) {
        List<Item> items = new ArrayList<>();
        items.add(item(select.getFromItem(), null, facts));
        List<Expression> inner = new ArrayList<>();
        conjuncts(select.getWhere(), inner);
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                if (!plainJoin(join)) {
                    return allUnbounded(facts, "a join other than inner, cross or left");
                }
                items.add(item(join.getRightItem(), join, facts));
                if (!join.isLeft()) {
                    for (Expression on : ons(join)) {
                        conjuncts(on, inner);
                    }
                }
            }
        }
        Map<TableName, String> unbounded = new LinkedHashMap<>();
        Map<TableName, Integer> pinnedCount = new HashMap<>();
        List<TablePins> occurrences = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.table() == null) {
                continue;
            }
            List<Expression> applicable = new ArrayList<>(inner);
            if (item.nullableSide()) {
                for (Expression on : ons(item.join())) {
                    conjuncts(on, applicable);
                }
            }
            List<ColumnPin> pins = new Pins(items).of(i, applicable);
            if (pins.isEmpty()) {
                unbounded.putIfAbsent(item.table(), "no equality on a column in the top-level AND");
            } else {
                occurrences.add(new TablePins(item.table(), pins));
                pinnedCount.merge(item.table(), 1, Integer::sum);
            }
        }
        // every occurrence the walker saw must be one pinned here, or the table is unbounded
        Map<TableName, Integer> seen = new HashMap<>();
        facts.readOccurrences.values().forEach(t -> seen.merge(t, 1, Integer::sum));
        for (TableName table : facts.reads) {
            if (!unbounded.containsKey(table) && !seen.getOrDefault(table, 0).equals(pinnedCount.getOrDefault(table, 0))) {
                unbounded.put(table, "also read in a subquery, a CTE or another branch");
            }
        }
        occurrences.removeIf(o -> unbounded.containsKey(o.table()));
        return new Footprint(occurrences, unbounded, null);
    }

    /**
     * An inner, cross or left join with at most one ON. JSqlParser puts the ONs of a nested join
     * ({@code a LEFT JOIN b JOIN c ON x ON y}) all on its last join and none on the first: an
     * outer join without its own ON, or a join with several, is such a nesting.
     */
    private static boolean plainJoin(Join join) {
        if (join.isRight() || join.isFull() || join.isNatural() || join.isSemi() || join.isApply()
                || join.isStraight() || join.isWindowJoin() || join.isGlobal()
                || join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
            return false;
        }
        int ons = ons(join).size();
        return ons <= 1 && !(ons == 0 && join.isLeft());
    }

    private static Collection<Expression> ons(Join join) {
        return join.getOnExpressions() == null ? List.of() : join.getOnExpressions();
    }

    private Item item(FromItem from, Join join, StatementFacts facts) {
        String alias = from != null && from.getAlias() != null && from.getAlias().getName() != null
                ? names.identifier(from.getAlias().getName()) : null;
        if (from instanceof Table table) {
            TableName name = facts.readOccurrences.get(table); // null for a CTE's name
            String qualifier = alias != null ? alias : table.getName() == null ? null : names.identifier(table.getName());
            return new Item(from, name, qualifier, join);
        }
        return new Item(from, null, alias, join);
    }

    /** The pins of one occurrence: union-find over the column equalities of the conjuncts that apply to it. */
    private final class Pins {
        private final List<Item> items;
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, List<PinValue>> valuesOf = new HashMap<>();
        /** Columns compared with a value directly: members of their class even without an equality. */
        private final Set<String> valueHolders = new HashSet<>();

        Pins(List<Item> items) {
            this.items = items;
        }

        List<ColumnPin> of(int occurrence, List<Expression> conjuncts) {
            Map<String, String> columnsOfOccurrence = new LinkedHashMap<>();
            for (Expression c : conjuncts) {
                if (c instanceof EqualsTo eq) {
                    String left = ref(eq.getLeftExpression());
                    String right = ref(eq.getRightExpression());
                    if (left != null && right != null) {
                        union(left, right);
                    } else if (left != null) {
                        pin(left, single(eq.getRightExpression()));
                    } else if (right != null) {
                        pin(right, single(eq.getLeftExpression()));
                    }
                    remember(left, columnsOfOccurrence, occurrence);
                    remember(right, columnsOfOccurrence, occurrence);
                } else if (c instanceof InExpression in && !in.isNot() && !in.isGlobal()) {
                    String left = ref(in.getLeftExpression());
                    pin(left, list(in.getRightExpression()));
                    remember(left, columnsOfOccurrence, occurrence);
                }
            }
            List<ColumnPin> pins = new ArrayList<>();
            for (Map.Entry<String, String> column : columnsOfOccurrence.entrySet()) {
                String root = find(column.getKey());
                List<PinValue> values = valuesOf.get(root);
                if (values != null) {
                    pins.add(new ColumnPin(column.getValue(), values, through(column.getKey(), root)));
                }
            }
            return pins;
        }

        /**
         * The other columns whose equalities carry the pin to {@code ref} (its class of the
         * union-find), as table and column; {@code null} marks a column of something that is not a
         * table (a subquery, a function), whose type the driver cannot check.
         */
        private List<ColumnPin.Through> through(String ref, String root) {
            List<ColumnPin.Through> members = new ArrayList<>();
            for (String member : members()) {
                if (!member.equals(ref) && find(member).equals(root)) {
                    int item = Integer.parseInt(member.substring(0, member.indexOf(':')));
                    TableName table = items.get(item).table();
                    members.add(table == null ? null : new ColumnPin.Through(table, member.substring(member.indexOf(':') + 1)));
                }
            }
            return members;
        }

        private Set<String> members() {
            Set<String> all = new HashSet<>(parent.keySet());
            all.addAll(parent.values());
            all.addAll(valueHolders);
            return all;
        }

        private void remember(String ref, Map<String, String> columnsOfOccurrence, int occurrence) {
            if (ref != null && ref.startsWith(occurrence + ":")) {
                columnsOfOccurrence.putIfAbsent(ref, ref.substring(ref.indexOf(':') + 1));
            }
        }

        private void pin(String ref, List<PinValue> values) {
            if (ref == null || values == null) {
                return;
            }
            valueHolders.add(ref);
            String root = find(ref);
            List<PinValue> known = valuesOf.get(root);
            if (known == null || values.size() < known.size()) {
                valuesOf.put(root, values); // the row is in every list: any one of them bounds it
            }
        }

        private void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (ra.equals(rb)) {
                return;
            }
            parent.put(ra, rb);
            List<PinValue> va = valuesOf.remove(ra);
            List<PinValue> vb = valuesOf.get(rb);
            if (va != null && (vb == null || va.size() < vb.size())) {
                valuesOf.put(rb, va);
            }
        }

        private String find(String ref) {
            String p = parent.get(ref);
            if (p == null) {
                return ref;
            }
            String root = find(p);
            parent.put(ref, root);
            return root;
        }

        /** {@code index:column} for a column of exactly one item of the block, else {@code null}. */
        private String ref(Expression e) {
            if (!(e instanceof Column column) || column.getColumnName() == null || column.getArrayConstructor() != null) {
                return null;
            }
            Table qualifierTable = column.getTable();
            String qualifier = qualifierTable == null || qualifierTable.getName() == null ? null
                    : names.identifier(qualifierTable.getName());
            int found = -1;
            for (int i = 0; i < items.size(); i++) {
                boolean matches = qualifier == null ? items.size() == 1 : qualifier.equals(items.get(i).qualifier());
                if (matches) {
                    if (found >= 0) {
                        return null;
                    }
                    found = i;
                }
            }
            return found < 0 ? null : found + ":" + column(column.getColumnName());
        }
    }

    // ---- writes --------------------------------------------------------------------------

    private WriteShape update(Update update, StatementFacts facts) {
        if (update.getFromItem() != null || update.getJoins() != null && !update.getJoins().isEmpty()
                || update.getStartJoins() != null && !update.getStartJoins().isEmpty() || facts.writes.size() != 1) {
            return null;
        }
        Set<String> assigned = new HashSet<>();
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (c.getColumnName() == null) {
                    return null;
                }
                assigned.add(column(c.getColumnName()));
            }
        }
        return new WriteShape(facts.writes.iterator().next(), StatementKind.UPDATE,
                wherePins(update.getTable(), update.getWhere()), assigned);
    }

    private WriteShape delete(Delete delete, StatementFacts facts) {
        if (delete.getUsingList() != null && !delete.getUsingList().isEmpty()
                || delete.getJoins() != null && !delete.getJoins().isEmpty()
                || delete.getTables() != null && !delete.getTables().isEmpty() || facts.writes.size() != 1) {
            return null;
        }
        return new WriteShape(facts.writes.iterator().next(), StatementKind.DELETE,
                wherePins(delete.getTable(), delete.getWhere()), Set.of());
    }

    private List<ColumnPin> wherePins(Table target, Expression where) {
        List<Expression> conjuncts = new ArrayList<>();
        conjuncts(where, conjuncts);
        String qualifier = target.getAlias() != null && target.getAlias().getName() != null
                ? names.identifier(target.getAlias().getName()) : names.identifier(target.getName());
        List<Item> items = List.of(new Item(target, null, qualifier, null));
        return new Pins(items).of(0, conjuncts);
    }

    private WriteShape insert(Insert insert, StatementFacts facts) {
        if (insert.getConflictAction() != null || insert.isUseDuplicate() || insert.getSetUpdateSets() != null
                || insert.getColumns() == null || insert.getColumns().isEmpty() || facts.writes.size() != 1
                || !(insert.getSelect() instanceof Values values) || values.getExpressions() == null) {
            return null;
        }
        int width = insert.getColumns().size();
        List<List<Expression>> rows = rows(values.getExpressions(), width);
        if (rows == null || rows.size() > MAX_VALUES) {
            return null;
        }
        List<ColumnPin> pins = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<PinValue> column = new ArrayList<>();
            for (List<Expression> row : rows) {
                PinValue value = value(row.get(c));
                if (value == null) {
                    column = null;
                    break;
                }
                column.add(value);
            }
            String name = insert.getColumns().get(c).getColumnName();
            if (column != null && name != null) {
                pins.add(new ColumnPin(column(name), column));
            }
        }
        return new WriteShape(facts.writes.iterator().next(), StatementKind.INSERT, pins, Set.of());
    }

    /** The rows of a VALUES list, each {@code width} wide, or {@code null} when its shape is not that. */
    private static List<List<Expression>> rows(ExpressionList<?> expressions, int width) {
        List<List<Expression>> rows = new ArrayList<>();
        boolean allLists = !expressions.isEmpty();
        for (Object e : expressions) {
            allLists &= e instanceof ExpressionList<?>;
        }
        if (allLists && !(width == 1 && expressions.size() == 1 && expressions instanceof ParenthesedExpressionList<?>)) {
            for (Object e : expressions) {
                ExpressionList<?> row = (ExpressionList<?>) e;
                if (row.size() != width) {
                    return null;
                }
                rows.add(new ArrayList<>(row));
            }
            return rows;
        }
        if (expressions.size() != width) {
            return null;
        }
        List<Expression> row = new ArrayList<>();
        for (Object e : expressions) {
            if (!(e instanceof Expression expression)) {
                return null;
            }
            row.add(expression);
        }
        rows.add(row);
        return rows;
    }

    // ---- values and conjuncts ------------------------------------------------------------

    /** The conjuncts of a top-level AND (through parentheses); anything else is one conjunct. */
    private static void conjuncts(Expression e, List<Expression> out) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), out);
            conjuncts(and.getRightExpression(), out);
        } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            conjuncts(list.get(0), out);
        } else if (e instanceof InExpression in && absorbedConjuncts(in) != null) {
            List<Expression> leaves = absorbedConjuncts(in);
            InExpression alone = new InExpression(in.getLeftExpression(), leaves.get(0));
            alone.setNot(in.isNot());
            alone.setGlobal(in.isGlobal());
            out.add(alone);
            for (Expression rest : leaves.subList(1, leaves.size())) {
                conjuncts(rest, out);
            }
        } else {
            out.add(e);
        }
    }

    /**
     * For {@code a IN (1, 2) AND b = 3} parsed as {@code a IN ((1, 2) AND b = 3)}: the list and
     * the conjuncts after it, when the absorbed part is a chain of ANDs starting with the list
     * (which means what the text says, AND binding tighter than OR); else {@code null}.
     */
    static List<Expression> absorbedConjuncts(InExpression in) {
        if (!(in.getRightExpression() instanceof AndExpression and)) {
            return null;
        }
        List<Expression> leaves = new ArrayList<>();
        andLeaves(and, leaves);
        return leaves.get(0) instanceof ExpressionList<?> ? leaves : null;
    }

    private static void andLeaves(Expression e, List<Expression> out) {
        if (e instanceof AndExpression and) {
            andLeaves(and.getLeftExpression(), out);
            andLeaves(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    /** One value (a list of one), {@code ANY(?)}'s array, or {@code null} when {@code e} is neither. */
    private static List<PinValue> single(Expression e) {
        if (e instanceof Function f && f.getName() != null && f.getName().equalsIgnoreCase("any")
                && f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().get(0) instanceof JdbcParameter p) {
            return List.of(new PinValue.ArrayParameter(p.getIndex()));
        }
        PinValue value = value(e);
        return value == null ? null : List.of(value);
    }

    private static List<PinValue> list(Expression right) {
        if (!(right instanceof ExpressionList<?> list) || list.isEmpty() || list.size() > MAX_VALUES) {
            return null;
        }
        List<PinValue> values = new ArrayList<>(list.size());
        for (Object o : list) {
            PinValue v = o instanceof Expression e ? value(e) : null;
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return values;
    }

    private static PinValue value(Expression e) {
        if (e instanceof JdbcParameter p) {
            return new PinValue.Parameter(p.getIndex());
        }
        if (e instanceof LongValue l) {
            return new PinValue.Literal(l.getStringValue(), false);
        }
        if (e instanceof SignedExpression s && s.getExpression() instanceof LongValue l
                && (s.getSign() == '-' || s.getSign() == '+')) {
            return new PinValue.Literal((s.getSign() == '-' ? "-" : "") + l.getStringValue(), false);
        }
        if (e instanceof StringValue s && s.getPrefix() == null && s.getValue() != null
                && s.getValue().indexOf('\'') < 0 && s.getValue().indexOf('\\') < 0) {
            return new PinValue.Literal(s.getValue(), true);
        }
        if (e instanceof NullValue) {
            return new PinValue.Literal(null, false);
        }
        return null;
    }

    /** A column name as the catalog spells it; MySQL compares column names ignoring case. */
    private String column(String asWritten) {
        String name = names.identifier(asWritten);
        return dialect == SqlDialect.MYSQL ? name.toLowerCase(Locale.ROOT) : name;
    }
}
