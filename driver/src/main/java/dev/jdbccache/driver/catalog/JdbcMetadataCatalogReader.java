package dev.jdbccache.driver.catalog;

import dev.jdbccache.parser.SqlAnalyzer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * For databases without a dedicated reader: cascades from {@link DatabaseMetaData#getExportedKeys};
 * views are known by name only, so reads of them are not cached; triggers are not visible.
 */
final class JdbcMetadataCatalogReader implements CatalogReader {

    @Override
    public DependencyGraph read(Connection connection, SqlAnalyzer analyzer) throws SQLException {
        DependencyGraph.Builder graph = new DependencyGraph.Builder();
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        try (ResultSet rs = metaData.getTables(catalog, null, "%", new String[] {"VIEW"})) {
            while (rs.next()) {
                graph.unresolvedView(analyzer.dialect().foldUnquoted(rs.getString("TABLE_NAME")));
            }
        }
        List<String[]> tables = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(catalog, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
            }
        }
        for (String[] table : tables) {
            try (ResultSet rs = metaData.getExportedKeys(catalog, table[0], table[1])) {
                while (rs.next()) {
                    if (changesChild(rs.getShort("DELETE_RULE")) || changesChild(rs.getShort("UPDATE_RULE"))) {
                        graph.cascadesTo(fold(analyzer, rs.getString("PKTABLE_NAME")), fold(analyzer, rs.getString("FKTABLE_NAME")));
                    }
                }
            }
        }
        return graph.build();
    }

    private static boolean changesChild(short rule) {
        return rule == DatabaseMetaData.importedKeyCascade || rule == DatabaseMetaData.importedKeySetNull
                || rule == DatabaseMetaData.importedKeySetDefault;
    }

    private static String fold(SqlAnalyzer analyzer, String name) {
        return analyzer.dialect().foldUnquoted(name);
    }
}
