package dev.jdbccache.driver;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheRuntimes;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.jdbc.DelegatingConnection;
import dev.jdbccache.parser.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.TimeZone;

/** Wraps a real connection for a configuration: caching, or a pure pass-through when disabled. */
final class ConnectionWrapping {

    private ConnectionWrapping() {
    }

    /**
     * @param realUrl the real driver's URL, or {@code null} when the connection came from a
     *                data source (then the connection's metadata names the database)
     * @param user    the user named in the connection properties, or {@code null}
     * @param owner   who holds the cache until it lets go ({@link CacheRuntimes#release})
     */
    static Connection wrap(Connection real, CacheConfig config, CacheRuntimes runtimes, Object owner, String realUrl,
            String user) throws SQLException {
        if (!config.enabled()) {
            return new DelegatingConnection(real);
        }
        CacheRuntime runtime;
        try {
            runtime = runtimes.openConnection(config, owner);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(real, e);
            throw e;
        }
        try {
            String url = realUrl;
            String who = user;
            if (url == null || who == null) {
                DatabaseMetaData metaData = real.getMetaData();
                url = url != null ? url : metaData.getURL();
                who = who != null ? who : metaData.getUserName();
            }
            SqlDialect dialect = SqlDialect.fromJdbcUrl(url);
            String identity = databaseIdentity(url, who) + "|db=" + DatabaseIncarnation.of(real, dialect, url);
            return new CachingConnection(real, runtime, dialect, identity);
        } catch (SQLException | RuntimeException e) {
            runtime.connectionClosed(); // it never became a connection of the cache
            closeQuietly(real, e);
            throw e;
        }
    }

    /**
     * The database and user as key material: the URL without credentials, a digest of the whole
     * URL (so that two URLs a mask makes look alike never share entries), the user name, and the
     * JVM's time zone (drivers render and convert date/time values in it; pgjdbc also sets the
     * session's time zone from it).
     */
    static String databaseIdentity(String url, String user) {
        return JdbcUrls.mask(url) + "|url#" + digest(url) + "|user=" + user + "|tz=" + TimeZone.getDefault().getID();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void closeQuietly(Connection real, Exception cause) {
        try {
            real.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
