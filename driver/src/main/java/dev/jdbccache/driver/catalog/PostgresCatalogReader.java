package dev.jdbccache.driver.catalog;

import dev.jdbccache.invalidation.ColumnType;
import dev.jdbccache.parser.SqlAnalyzer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Views from {@code pg_depend}/{@code pg_rewrite} (their definitions from {@code pg_get_viewdef}),
 * cascades from {@code pg_constraint}, triggers from {@code pg_trigger}, other rules from
 * {@code pg_rewrite}, partitions and inheritance from {@code pg_inherits}, function volatility
 * from {@code pg_proc}.
 */
final class PostgresCatalogReader implements CatalogReader {

    // a view's rewrite rule depends on every relation its query reads
    private static final String VIEWS = "select distinct v.relname, t.relname from pg_catalog.pg_depend d "
            + "join pg_catalog.pg_rewrite r on r.oid = d.objid "
            + "join pg_catalog.pg_class v on v.oid = r.ev_class "
            + "join pg_catalog.pg_class t on t.oid = d.refobjid "
            + "where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass "
            + "and v.relkind = 'v' and v.oid <> t.oid";
    // c = cascade, n = set null, d = set default: the child's rows change with the parent's
    private static final String CASCADES = "select p.relname, c.relname from pg_catalog.pg_constraint k "
            + "join pg_catalog.pg_class c on c.oid = k.conrelid join pg_catalog.pg_class p on p.oid = k.confrelid "
            + "where k.contype = 'f' and (k.confdeltype in ('c', 'n', 'd') or k.confupdtype in ('c', 'n', 'd'))";
    private static final String TRIGGERS = "select c.relname, l.lanname, p.prosrc from pg_catalog.pg_trigger t "
            + "join pg_catalog.pg_class c on c.oid = t.tgrelid join pg_catalog.pg_proc p on p.oid = t.tgfoid "
            + "join pg_catalog.pg_language l on l.oid = p.prolang where not t.tgisinternal";

    private static final String DEFINITIONS = "select c.relname, pg_catalog.pg_get_viewdef(c.oid) "
            + "from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
            + "where c.relkind = 'v' and n.nspname not in ('pg_catalog', 'information_schema')";
    // a rule other than a view's _RETURN depends on every relation its condition and actions name
    private static final String RULES = "select distinct c.relname, t.relname from pg_catalog.pg_rewrite r "
            + "join pg_catalog.pg_class c on c.oid = r.ev_class "
            + "join pg_catalog.pg_depend d on d.objid = r.oid and d.classid = 'pg_catalog.pg_rewrite'::regclass "
            + "and d.refclassid = 'pg_catalog.pg_class'::regclass "
            + "join pg_catalog.pg_class t on t.oid = d.refobjid "
            + "where r.rulename <> '_RETURN' and t.oid <> c.oid";
    // relkind filters out partitioned indexes, which pg_inherits lists too
    private static final String INHERITANCE = "select c.relname, p.relname from pg_catalog.pg_inherits i "
            + "join pg_catalog.pg_class c on c.oid = i.inhrelid join pg_catalog.pg_class p on p.oid = i.inhparent "
            + "where c.relkind in ('r', 'p', 'f')";
    // every column of the user's tables, with whether a single-column key, foreign key or index has it
    private static final String COLUMNS = "select c.relname, a.attname, "
            // varchar(n) trims an inserted value's excess trailing spaces: not exact
            + "case when t.typname = 'varchar' and a.atttypmod <> -1 then 'varchar(n)' else t.typname end, t.typtype, "
            + "coalesce(co.collisdeterministic, true), "
            + "exists (select 1 from pg_catalog.pg_constraint k where k.conrelid = c.oid and k.contype in ('p', 'u', 'f') "
            + "and k.conkey = array[a.attnum]) "
            + "or exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indnatts = 1 "
            + "and i.indkey[0] = a.attnum) "
            + "from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
            + "join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
            + "join pg_catalog.pg_type t on t.oid = a.atttypid "
            + "left join pg_catalog.pg_collation co on co.oid = a.attcollation "
            + "where c.relkind in ('r', 'p', 'f', 'm') and n.nspname not in ('pg_catalog', 'information_schema') "
            + "and n.nspname not like 'pg_toast%'";
    // tables with a trigger or a rule of their own (views' _RETURN rules aside)
    private static final String REWRITTEN = "select c.relname from pg_catalog.pg_trigger t "
            + "join pg_catalog.pg_class c on c.oid = t.tgrelid where not t.tgisinternal "
            + "union select c.relname from pg_catalog.pg_rewrite r join pg_catalog.pg_class c on c.oid = r.ev_class "
            + "where r.rulename <> '_RETURN'";
    // 'i' < 's' < 'v': the greatest is the worst of a name's overloads
    private static final String FUNCTIONS = "select proname, max(provolatile::text) from pg_catalog.pg_proc group by proname";

    @Override
    public DependencyGraph read(Connection connection, SqlAnalyzer analyzer) throws SQLException {
        DependencyGraph.Builder graph = new DependencyGraph.Builder();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(VIEWS)) {
                while (rs.next()) {
                    graph.viewReads(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(CASCADES)) {
                while (rs.next()) {
                    graph.cascadesTo(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String language = rs.getString(2);
                    Set<String> targets = "plpgsql".equals(language) || "sql".equals(language)
                            ? TriggerBodies.writtenTables(rs.getString(3)) : null;
                    if (targets == null) {
                        graph.triggerWritesUnknown(table);
                    } else {
                        targets.forEach(target -> graph.triggerWrites(table, target));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(RULES)) {
                while (rs.next()) {
                    graph.ruleRefers(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(INHERITANCE)) {
                while (rs.next()) {
                    graph.inherits(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(FUNCTIONS)) {
                while (rs.next()) {
                    graph.function(rs.getString(1), Volatility.ofCode(rs.getString(2)));
                }
            }
            // collations are deterministic before PostgreSQL 12, which added the other kind
            // generated columns change without being assigned: never partition columns
            String columns = connection.getMetaData().getDatabaseMajorVersion() >= 12 ? COLUMNS
                    .replace("coalesce(co.collisdeterministic, true)", "coalesce(co.collisdeterministic, true) and a.attgenerated = ''")
                    : COLUMNS.replace("coalesce(co.collisdeterministic, true)", "true");
            try (ResultSet rs = s.executeQuery(columns)) {
                while (rs.next()) {
                    ColumnType type = exactType(rs.getString(3), rs.getString(4), rs.getBoolean(5)); // 5: and not generated
                    if (type == null) {
                        graph.inexactColumn(rs.getString(1), rs.getString(2));
                    } else {
                        graph.exactColumn(rs.getString(1), rs.getString(2), type, rs.getBoolean(6));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(REWRITTEN)) {
                while (rs.next()) {
                    graph.rowsRewritten(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery(DEFINITIONS)) {
                while (rs.next()) {
                    graph.viewDefined(rs.getString(1), analyzer.analyze(rs.getString(2)), false);
                }
            }
        }
        return graph.build();
    }

    /**
     * Integers and uuid; text and varchar under a deterministic collation (byte-wise equality).
     * Not char(n) (padding), citext or domains (their equality is not the base type's).
     */
    private static ColumnType exactType(String name, String typtype, boolean deterministic) {
        if (!"b".equals(typtype)) {
            return null;
        }
        return switch (name) {
            case "int2", "int4", "int8" -> ColumnType.INTEGER;
            case "uuid" -> ColumnType.UUID_TYPE;
            case "text", "varchar" -> deterministic ? ColumnType.TEXT : null;
            default -> null;
        };
    }
}
