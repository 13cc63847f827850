package dev.jdbccache.driver;

import dev.jdbccache.driver.admin.Warmup;
import dev.jdbccache.driver.cache.CacheRuntimes;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.CacheSetting;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:cache:} driver. It accepts {@code jdbc:cache:<rest>} when a registered driver
 * accepts {@code jdbc:<rest>}, connects through that driver, and wraps the connection so that
 * repeated reads are answered from the cache. {@code cache.*} keys in the URL (query parameters,
 * or {@code ;key=value} segments; taking precedence) and connection properties configure the
 * cache and are removed before the properties reach the real driver.
 *
 * <p>Registered with {@link DriverManager} when the class loads (through
 * {@code META-INF/services/java.sql.Driver}). Thread-safe.
 */
public final class CacheDriver implements Driver {

    private static final CacheDriver REGISTERED = new CacheDriver();

    static {
        try {
            DriverManager.registerDriver(REGISTERED);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CacheRuntimes runtimes = new CacheRuntimes();

    /** The instance registered with {@link DriverManager}, which owns the caches of URL connections. */
    public static CacheDriver registered() {
        return REGISTERED;
    }

    /** The caches this driver holds, by name. */
    public CacheRuntimes runtimes() {
        return runtimes;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "08001");
        }
        if (!JdbcUrls.isOurs(url)) {
            return null;
        }
        JdbcUrls.UrlSettings fromUrl = JdbcUrls.split(JdbcUrls.delegateUrl(url));
        String realUrl = fromUrl.url();
        Driver real = findDelegate(realUrl);
        if (real == null) {
            throw new SQLException("No registered JDBC driver accepts " + JdbcUrls.mask(realUrl)
                    + " (the part of " + JdbcUrls.mask(url) + " after jdbc:cache:); put the database's driver on the class path",
                    "08001");
        }
        Properties properties = info == null ? new Properties() : info;
        CacheConfig config = ConfigLoader.standard().load(properties, fromUrl.settings());
        Connection connection = real.connect(realUrl, ConfigLoader.withoutCacheKeys(properties));
        if (connection == null) {
            throw new SQLException("The driver " + real.getClass().getName() + " declined " + JdbcUrls.mask(realUrl), "08001");
        }
        Connection wrapped = ConnectionWrapping.wrap(connection, config, runtimes, realUrl, properties.getProperty("user"));
        if (config.warmupFile() != null && wrapped instanceof CachingConnection caching) {
            // the first connection of a cache starts its warm-up, through a connection of its own
            Properties copy = new Properties();
            copy.putAll(properties);
            Warmup.startOnce(caching.runtime(), () -> connect(url, copy));
        }
        return wrapped;
    }

    /**
     * True for {@code jdbc:cache:<rest>} when a registered driver accepts {@code jdbc:<rest>}; so
     * URLs such as {@code jdbc:cache:mem:} that belong to other libraries are left to them.
     */
    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "08001");
        }
        return JdbcUrls.isOurs(url) && findDelegate(withoutCacheSettings(url)) != null;
    }

    /** The real driver's URL without the {@code cache.*} settings (left in when they cannot be read). */
    private static String withoutCacheSettings(String url) {
        String delegate = JdbcUrls.delegateUrl(url);
        try {
            return JdbcUrls.split(delegate).url();
        } catch (SQLException malformed) {
            return delegate; // connect reports it
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (url == null || !JdbcUrls.isOurs(url)) {
            return new DriverPropertyInfo[0];
        }
        List<DriverPropertyInfo> result = new ArrayList<>();
        String realUrl = withoutCacheSettings(url);
        Driver real = findDelegate(realUrl);
        if (real != null) {
            result.addAll(Arrays.asList(real.getPropertyInfo(realUrl, ConfigLoader.withoutCacheKeys(info))));
        }
        for (CacheSetting setting : CacheSetting.values()) {
            String value = info == null ? null : info.getProperty(setting.key());
            DriverPropertyInfo property = new DriverPropertyInfo(setting.key(), value != null ? value : setting.defaultValue());
            property.description = setting.description();
            property.required = false;
            result.add(property);
        }
        return result.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /**
     * False: compliance is the real driver's to claim, and this driver passes everything that is
     * not a cacheable read to it untouched.
     */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** This driver logs through SLF4J, not java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("jdbc-cache logs through SLF4J", "0A000");
    }

    /** The first registered driver, other than ours, that accepts {@code realUrl}. */
    private static Driver findDelegate(String realUrl) {
        Enumeration<Driver> drivers = DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            Driver driver = drivers.nextElement();
            if (driver instanceof CacheDriver) {
                continue;
            }
            try {
                if (driver.acceptsURL(realUrl)) {
                    return driver;
                }
            } catch (SQLException | RuntimeException e) {
                // a driver that cannot judge the URL is not the one for it
            }
        }
        return null;
    }
}
