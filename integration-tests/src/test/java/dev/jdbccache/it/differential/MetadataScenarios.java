package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;

/** DatabaseMetaData about the scenario's own tables, and the metadata object's identity. */
final class MetadataScenarios {

    private MetadataScenarios() {
    }

    @FunctionalInterface
    private interface MetadataCall {
        ResultSet call(DatabaseMetaData md, String catalog, String schema, Database db)
                throws Exception;
    }

    static List<Scenario> all() {
        return List.of(
                metadata("getTables_listsTheScenariosTablesAndViews", (md, cat, schema, db) ->
                        md.getTables(cat, schema, "%", new String[] {"TABLE", "VIEW"})),
                metadata("getColumns_describesEveryColumnOfATable", (md, cat, schema, db) ->
                        md.getColumns(cat, schema, db.pick("PEOPLE", "people"), "%")),
                metadata("getPrimaryKeys_namesTheKeyColumns", (md, cat, schema, db) ->
                        md.getPrimaryKeys(cat, schema, db.pick("PEOPLE", "people"))),
                metadata("getIndexInfo_listsUniqueIndexes", (md, cat, schema, db) ->
                        md.getIndexInfo(cat, schema, db.pick("ITEMS", "items"), true, false)),
                metadata("getImportedKeys_describesForeignKeys", (md, cat, schema, db) ->
                        md.getImportedKeys(cat, schema, db.pick("PEOPLE", "people"))),
                metadata("getExportedKeys_describesReferencingTables", (md, cat, schema, db) ->
                        md.getExportedKeys(cat, schema, db.pick("DEPT", "dept"))),
                metadata("getSchemas_includesTheSandboxSchema", (md, cat, schema, db) ->
                        md.getSchemas(cat, schema)),
                metadata("getTypeInfo_listsTheSameTypes", (md, cat, schema, db) ->
                        md.getTypeInfo()),
                Scenario.everywhere("databaseMetaData_belongsToTheConnectionAndDescribesTheDatabase",
                        MetadataScenarios::productInfo),
                Scenario.both("metadataAfterDdl_seesTheNewColumn", (c, t) -> {
                    Fixtures.items(c, t);
                    String table = t.database().pick("ITEMS", "items");
                    readMetadata(c, t, "columns before", md -> md.getColumns(c.getCatalog(),
                            c.getSchema(), table, "%"));
                    t.update(c, "alter table items add column note varchar(10)");
                    readMetadata(c, t, "columns after", md -> md.getColumns(c.getCatalog(),
                            c.getSchema(), table, "%"));
                    t.query(c, "select * from items order by id");
                }));
    }

    /** A metadata call over the shared fixtures, read through the transcript's reads. */
    private static Scenario metadata(String name, MetadataCall call) {
        return Scenario.both(name, (c, t) -> {
            Fixtures.people(c, t);
            Fixtures.items(c, t);
            t.setup(c, "create view eng as select * from people where dept = 'ENG'");
            readMetadata(c, t, name, md -> call.call(md, c.getCatalog(), c.getSchema(),
                    t.database()));
        });
    }

    @FunctionalInterface
    private interface MetadataRead {
        ResultSet read(DatabaseMetaData md) throws Exception;
    }

    private static void readMetadata(Connection c, Transcript t, String label, MetadataRead read) {
        t.reads(label, () -> {
            DatabaseMetaData md = c.getMetaData();
            t.check("  md.getConnection() == c", md.getConnection() == c);
            try (ResultSet rs = read.read(md)) {
                t.resultSet("  rs", rs);
            }
        });
    }

    private static void productInfo(Connection c, Transcript t) throws Exception {
        DatabaseMetaData md = c.getMetaData();
        t.check("getMetaData().getConnection() == c", md.getConnection() == c);
        t.check("getMetaData() twice gives a metadata of c",
                c.getMetaData().getConnection() == c);
        t.eval("getURL", md::getURL);
        t.eval("getUserName", md::getUserName);
        t.eval("getDatabaseProductName", md::getDatabaseProductName);
        t.eval("getDatabaseProductVersion", md::getDatabaseProductVersion);
        t.eval("getDatabaseMajorVersion", md::getDatabaseMajorVersion);
        t.eval("getDriverName", md::getDriverName);
        t.eval("getDriverVersion", md::getDriverVersion);
        t.eval("getDriverMajorVersion", md::getDriverMajorVersion);
        t.eval("getJDBCMajorVersion", md::getJDBCMajorVersion);
        t.eval("getIdentifierQuoteString", md::getIdentifierQuoteString);
        t.eval("storesUpperCaseIdentifiers", md::storesUpperCaseIdentifiers);
        t.eval("storesLowerCaseIdentifiers", md::storesLowerCaseIdentifiers);
        t.eval("supportsBatchUpdates", md::supportsBatchUpdates);
        t.eval("supportsGetGeneratedKeys", md::supportsGetGeneratedKeys);
        t.eval("supportsSavepoints", md::supportsSavepoints);
        t.eval("supportsTransactions", md::supportsTransactions);
        t.eval("getDefaultTransactionIsolation", md::getDefaultTransactionIsolation);
        t.eval("supportsResultSetType(SCROLL_INSENSITIVE)",
                () -> md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        t.eval("supportsMultipleResultSets", md::supportsMultipleResultSets);
        t.eval("getResultSetHoldability", md::getResultSetHoldability);
        t.eval("getSQLKeywords", md::getSQLKeywords);
        t.eval("getMaxColumnNameLength", md::getMaxColumnNameLength);
        t.eval("isReadOnly", md::isReadOnly);
        t.eval("getSQLStateType", md::getSQLStateType);
        t.eval("isWrapperFor(DatabaseMetaData)", () -> md.isWrapperFor(DatabaseMetaData.class));
    }
}
