package dev.jdbccache.driver.catalog;

import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.SqlAnalyzer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MySQL and MariaDB, from {@code information_schema}, limited to the connection's database:
 * views from their definitions (analysed like any query), cascades from the referential
 * constraints. A trigger's body is MySQL procedure code (backticks, {@code CALL}, dynamic SQL
 * through prepared statements) that cannot be scanned reliably, so a write to a table with a
 * trigger is taken to write unknown tables. Names are lower-cased, as the MySQL dialect keys them.
 */
final class MySqlCatalogReader implements CatalogReader {

    private static final String VIEWS = "select table_name, view_definition from information_schema.views "
            + "where table_schema = database()";
    private static final String CASCADES = "select referenced_table_name, table_name "
            + "from information_schema.referential_constraints where constraint_schema = database() "
            + "and (delete_rule in ('CASCADE', 'SET NULL', 'SET DEFAULT') "
            + "or update_rule in ('CASCADE', 'SET NULL', 'SET DEFAULT'))";
    private static final String TRIGGERS = "select distinct event_object_table from information_schema.triggers "
            + "where event_object_schema = database()";

    @Override
    public DependencyGraph read(Connection connection, SqlAnalyzer analyzer) throws SQLException {
        DependencyGraph.Builder graph = new DependencyGraph.Builder();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(VIEWS)) {
                while (rs.next()) {
                    String view = key(analyzer, rs.getString(1));
                    String text = rs.getString(2);
                    SqlAnalysis definition = text == null ? null : analyzer.analyze(text);
                    if (definition == null || definition.tablesRead().isEmpty()) {
                        // no definition (no privilege to see it) or one that names no table
                        graph.unresolvedView(view);
                        continue;
                    }
                    graph.viewDefined(view, definition, true);
                }
            }
            try (ResultSet rs = s.executeQuery(CASCADES)) {
                while (rs.next()) {
                    graph.cascadesTo(key(analyzer, rs.getString(1)), key(analyzer, rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    graph.triggerWritesUnknown(key(analyzer, rs.getString(1)));
                }
            }
        }
        return graph.build();
    }

    private static String key(SqlAnalyzer analyzer, String name) {
        return analyzer.dialect().foldUnquoted(name);
    }
}
