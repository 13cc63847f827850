package dev.jdbccache.driver;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheRuntimes;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.jdbc.DelegatingConnection;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.TimeZone;

/** Wraps a real connection for a configuration: caching, or a pure pass-through when disabled. */
final class ConnectionWrapping {

    private ConnectionWrapping() {
    }

    /**
     * @param realUrl the real driver's URL, or {@code null} when the connection came from a
     *                data source (then the connection's metadata names the database)
     * @param user    the user named in the connection properties, or {@code null}
     */
    static Connection wrap(Connection real, CacheConfig config, CacheRuntimes runtimes, String realUrl, String user)
            throws SQLException {
        try {
            if (!config.enabled()) {
                return new DelegatingConnection(real);
            }
            CacheRuntime runtime = runtimes.obtain(config);
            String url = realUrl;
            String who = user;
            if (url == null || who == null) {
                DatabaseMetaData metaData = real.getMetaData();
                url = url != null ? url : metaData.getURL();
                who = who != null ? who : metaData.getUserName();
            }
            return new CachingConnection(real, runtime, SqlDialect.fromJdbcUrl(url), databaseIdentity(url, who));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(real, e);
            throw e;
        }
    }

    /**
     * The database and user as key material: the URL without credentials, the user name, and the
     * JVM's time zone (drivers render and convert date/time values in it; pgjdbc also sets the
     * session's time zone from it).
     */
    static String databaseIdentity(String url, String user) {
        return JdbcUrls.mask(url) + "|user=" + user + "|tz=" + TimeZone.getDefault().getID();
    }

    private static void closeQuietly(Connection real, Exception cause) {
        try {
            real.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
