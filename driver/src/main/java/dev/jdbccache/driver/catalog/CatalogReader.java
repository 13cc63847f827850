package dev.jdbccache.driver.catalog;

import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads a database's {@link DependencyGraph} from its catalog. Implementations are stateless. */
public interface CatalogReader {

    /**
     * Reads the whole graph through {@code connection} (the real driver's, never the cache's).
     *
     * @param analyzer analyses view definitions where the catalog only has their text
     */
    DependencyGraph read(Connection connection, SqlAnalyzer analyzer) throws SQLException;

    /** The reader for a dialect: exact catalogs for PostgreSQL, H2 and MySQL/MariaDB, JDBC metadata elsewhere. */
    static CatalogReader forDialect(SqlDialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogReader();
            case H2 -> new H2CatalogReader();
            case MYSQL -> new MySqlCatalogReader();
            default -> new JdbcMetadataCatalogReader();
        };
    }
}
