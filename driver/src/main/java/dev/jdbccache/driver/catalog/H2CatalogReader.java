package dev.jdbccache.driver.catalog;

import dev.jdbccache.invalidation.ColumnType;
import dev.jdbccache.parser.SqlAnalyzer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Views from their definitions (analysed like any query), cascades from the referential
 * constraints; H2's triggers are Java classes whose targets cannot be named.
 */
final class H2CatalogReader implements CatalogReader {

    private static final String VIEWS = "select table_name, view_definition from information_schema.views "
            + "where table_schema <> 'INFORMATION_SCHEMA'";
    private static final String CASCADES = "select pk.table_name, fk.table_name "
            + "from information_schema.referential_constraints rc "
            + "join information_schema.table_constraints fk on fk.constraint_schema = rc.constraint_schema "
            + "and fk.constraint_name = rc.constraint_name "
            + "join information_schema.table_constraints pk on pk.constraint_schema = rc.unique_constraint_schema "
            + "and pk.constraint_name = rc.unique_constraint_name "
            + "where rc.delete_rule in ('CASCADE', 'SET NULL', 'SET DEFAULT') "
            + "or rc.update_rule in ('CASCADE', 'SET NULL', 'SET DEFAULT')";
    private static final String TRIGGERS = "select distinct event_object_table from information_schema.triggers";
    // H2 2.x: a column with whether a single-column index (keys and foreign keys have one) holds it
    private static final String COLUMNS = "select c.table_name, c.column_name, "
            + "case when c.is_generated = 'NEVER' then c.data_type else 'GENERATED' end, "
            + "exists (select 1 from information_schema.index_columns i where i.table_schema = c.table_schema "
            + "and i.table_name = c.table_name and i.column_name = c.column_name and (select count(*) "
            + "from information_schema.index_columns j where j.index_schema = i.index_schema "
            + "and j.index_name = i.index_name) = 1) "
            + "from information_schema.columns c where c.table_schema <> 'INFORMATION_SCHEMA'";

    @Override
    public DependencyGraph read(Connection connection, SqlAnalyzer analyzer) throws SQLException {
        DependencyGraph.Builder graph = new DependencyGraph.Builder();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(VIEWS)) {
                while (rs.next()) {
                    String view = rs.getString(1);
                    String text = rs.getString(2);
                    if (text == null) {
                        graph.unresolvedView(view);
                        continue;
                    }
                    graph.viewDefined(view, analyzer.analyze(text), true);
                }
            }
            try (ResultSet rs = s.executeQuery(CASCADES)) {
                while (rs.next()) {
                    graph.cascadesTo(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    graph.triggerWritesUnknown(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    ColumnType type = exactType(rs.getString(3));
                    if (type == null) {
                        graph.inexactColumn(rs.getString(1), rs.getString(2));
                    } else {
                        graph.exactColumn(rs.getString(1), rs.getString(2), type, rs.getBoolean(4));
                    }
                }
            } catch (SQLException olderH2) {
                // H2 1.4 has no INDEX_COLUMNS: no partition columns, every footprint is table-level
            }
        }
        return graph.build();
    }

    /** Integers and UUID; H2's string comparison depends on database settings (collation, IGNORECASE), so no text. */
    private static ColumnType exactType(String dataType) {
        return switch (dataType) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> ColumnType.INTEGER;
            case "UUID" -> ColumnType.UUID_TYPE;
            default -> null;
        };
    }
}
