package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.catalog.DependencyGraph;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.invalidation.PartitionColumn;
import dev.jdbccache.invalidation.ReadTags;
import dev.jdbccache.invalidation.WriteTags;
import dev.jdbccache.invalidation.ColumnType;
import dev.jdbccache.invalidation.Tags;
import dev.jdbccache.parser.ColumnPin;
import dev.jdbccache.parser.Footprint;
import dev.jdbccache.parser.PinValue;
import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.StatementKind;
import dev.jdbccache.parser.TableName;
import dev.jdbccache.parser.TablePins;
import dev.jdbccache.parser.WriteShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a statement's footprint template (parser) and the catalog's partition columns into the
 * tags its plan depends on or bumps (DESIGN.md section 8). Decided once per plan; the per
 * execution part is {@link ReadTags} and {@link WriteTags}. Thread-safe.
 */
final class FootprintPlanner {

    private final CacheConfig config;
    private final SqlDialect dialect;
    /** Partition columns by table, column and type: their bucket names are kept across plans. */
    private final Map<String, PartitionColumn> columns = new ConcurrentHashMap<>();

    private final FootprintAgreement agreement;

    FootprintPlanner(CacheConfig config, SqlDialect dialect, FootprintAgreement agreement) {
        this.config = config;
        this.dialect = dialect;
        this.agreement = agreement;
    }

    /** The partition column {@code column} of {@code table}, or {@code null} when it is not one. */
    PartitionColumn partitionColumn(DependencyGraph graph, String table, String column) {
        if (!agreement.agreed() || graph.isView(table)) {
            return null;
        }
        ColumnType type = graph.exactType(table, column);
        if (type == null || !(graph.keyedColumns(table).contains(column)
                || config.tableRules().partitionColumns(table, dialect).contains(column))) {
            return null;
        }
        return columns.computeIfAbsent(table + "\u0000" + column + "\u0000" + type,
                k -> new PartitionColumn(table, column, type, config.footprintBuckets()));
    }

    /** Every partition column of {@code table}, by name. */
    List<PartitionColumn> partitionColumns(DependencyGraph graph, String table) {
        Set<String> names = new TreeSet<>(graph.keyedColumns(table));
        names.addAll(config.tableRules().partitionColumns(table, dialect));
        List<PartitionColumn> result = new ArrayList<>();
        for (String name : names) {
            PartitionColumn c = partitionColumn(graph, table, name);
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * The read tags of a cacheable read whose tables (views expanded) are {@code dependencies}:
     * a table read only directly, every occurrence pinned on a partition column, is bounded;
     * any other depends on its table tag.
     */
    ReadTags readTags(SqlAnalysis analysis, DependencyGraph graph, Set<String> dependencies, String catalogTag) {
        Set<String> fixed = new TreeSet<>();
        fixed.add(catalogTag);
        List<ReadTags.Bound> bound = new ArrayList<>();
        Set<String> throughViews = throughViews(analysis, graph);
        Map<String, List<TablePins>> occurrences = occurrencesByName(analysis);
        for (String table : dependencies) {
            List<ReadTags.Bound> pinned = throughViews.contains(table) ? null : pinned(graph, table, occurrences.get(table));
            if (pinned == null) {
                fixed.add(table);
            } else {
                fixed.add(Tags.rows(table));
                for (ReadTags.Bound b : pinned) {
                    fixed.add(b.column().wideTag());
                }
                bound.addAll(pinned);
            }
        }
        return new ReadTags(fixed.toArray(new String[0]), bound);
    }

    /** The tables a read reaches through the views it names: those are read whole. */
    private static Set<String> throughViews(SqlAnalysis analysis, DependencyGraph graph) {
        Set<String> result = new HashSet<>();
        for (TableName t : analysis.tablesRead()) {
            if (graph.isView(t.name())) {
                result.addAll(graph.readDependencies(Set.of(t.name())));
            }
        }
        return result;
    }

    /**
     * The occurrences of each table name; {@code null} for a name one of whose spellings
     * (schema-qualified or not) is unbounded.
     */
    private static Map<String, List<TablePins>> occurrencesByName(SqlAnalysis analysis) {
        Map<String, List<TablePins>> result = new LinkedHashMap<>();
        Footprint footprint = analysis.footprint();
        for (TableName t : analysis.tablesRead()) {
            List<TablePins> of = footprint.occurrencesOf(t);
            if (of.isEmpty()) {
                result.put(t.name(), null);
            } else if (result.containsKey(t.name())) {
                List<TablePins> known = result.get(t.name());
                if (known != null) {
                    known.addAll(of);
                }
            } else {
                result.put(t.name(), new ArrayList<>(of));
            }
        }
        return result;
    }

    /** One bound per occurrence, each on its cheapest partition column; {@code null} when one has none. */
    private List<ReadTags.Bound> pinned(DependencyGraph graph, String table, List<TablePins> occurrences) {
        if (occurrences == null || occurrences.isEmpty()) {
            return null;
        }
        List<ReadTags.Bound> result = new ArrayList<>();
        for (TablePins occurrence : occurrences) {
            ReadTags.Bound best = null;
            int bestCost = Integer.MAX_VALUE;
            for (ColumnPin pin : occurrence.pins()) {
                PartitionColumn column = partitionColumn(graph, table, pin.column());
                int cost = cost(pin.values());
                if (column != null && cost < bestCost && sameEquality(graph, graph.exactType(table, pin.column()), pin)) {
                    best = new ReadTags.Bound(column, pin.values(), table);
                    bestCost = cost;
                }
            }
            if (best == null) {
                return null;
            }
            result.add(best);
        }
        return result;
    }

    /**
     * True when every column of the chain that carries {@code pin} compares as {@code type}
     * does: {@code a.code = b.code AND b.code = 'x'} pins {@code a.code} to 'x' only when
     * {@code b.code} is of the same exact type (a citext or char(n) {@code b.code} would match 'X'
     * or 'x ' too).
     */
    private static boolean sameEquality(DependencyGraph graph, ColumnType type, ColumnPin pin) {
        for (ColumnPin.Through member : pin.through()) {
            if (member == null || graph.isView(member.table().name())
                    || graph.exactType(member.table().name(), member.column()) != type) {
                return false;
            }
        }
        return true;
    }

    /** Fewer values are better; an array's length is not known before execution. */
    private static int cost(List<PinValue> values) {
        int cost = 0;
        for (PinValue v : values) {
            cost += v instanceof PinValue.ArrayParameter ? 64 : 1;
        }
        return cost;
    }

    /**
     * The tags of a write to {@code written} (the tables it changes, cascades and the rest
     * included): table-level ({@code t} and {@code t#*}) for each, except the statement's own
     * target when its rows are the ones its text pins.
     */
    WritePlan writePlan(SqlAnalysis analysis, DependencyGraph graph, Set<String> written, boolean unknown) {
        if (agreement.writesMustBeGlobal() && !written.isEmpty()) {
            return new WritePlan(Set.copyOf(written), true); // another node may read rows this node cannot name
        }
        WriteShape shape = analysis.footprint().write();
        String target = keyedTarget(analysis, shape, graph, written);
        Set<String> tags = new HashSet<>();
        List<WriteTags.Keyed> keyed = new ArrayList<>();
        for (String table : written) {
            tags.add(table);
            if (!table.equals(target)) {
                tags.add(Tags.rows(table));
                continue;
            }
            List<String> wide = new ArrayList<>();
            for (PartitionColumn column : partitionColumns(graph, table)) {
                List<PinValue> values = valuesOf(shape, column.column(), graph, table);
                if (values == null) {
                    wide.add(column.wideTag());
                } else {
                    keyed.add(new WriteTags.Keyed(column, values));
                }
            }
            if (keyed.isEmpty()) {
                tags.add(Tags.rows(table)); // nothing pinned: every bounded read of the table, whatever its column
            } else {
                tags.addAll(wide);
            }
        }
        return new WritePlan(Set.copyOf(tags), unknown, keyed.isEmpty() ? null : new WriteTags(keyed));
    }

    private String keyedTarget(SqlAnalysis analysis, WriteShape shape, DependencyGraph graph, Set<String> written) {
        if (!agreement.agreed() || shape == null || shape.kind() != analysis.kind()
                || analysis.tablesWritten().size() != 1) {
            return null;
        }
        String table = shape.table().name();
        if (!analysis.tablesWritten().iterator().next().name().equals(table) || !written.contains(table)
                || graph.isView(table) || !graph.rowsAsWritten(table)
                || !config.tableRules().alsoInvalidated(shape.table(), dialect).isEmpty()) {
            return null;
        }
        return table;
    }

    /** The values of {@code column} for every row the write touches, before and after; {@code null} when unknown. */
    private static List<PinValue> valuesOf(WriteShape shape, String column, DependencyGraph graph, String table) {
        if (shape.kind() == StatementKind.UPDATE && Footprint.assigns(shape, column)) {
            return null; // the old value's readers lose the row: only the wide tag reaches them
        }
        for (ColumnPin pin : shape.pins()) {
            if (pin.column().equals(column) && sameEquality(graph, graph.exactType(table, column), pin)) {
                return pin.values();
            }
        }
        return null;
    }
}
