package dev.jdbccache.driver;

import dev.jdbccache.driver.admin.Warmup;
import dev.jdbccache.driver.cache.CacheRuntimes;
import dev.jdbccache.driver.capture.CaptureConnections;
import dev.jdbccache.driver.capture.ChangeCapture;
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
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The {@code jdbc:cache:} driver. It accepts {@code jdbc:cache:<rest>} when a registered driver
 * accepts {@code jdbc:<rest>}, connects through that driver, and wraps the connection so that
 * repeated reads are answered from the cache. {@code cache.*} keys in the URL (query parameters,
 * or {@code ;key=value} segments; taking precedence) and connection properties configure the
 * cache and are removed before the properties reach the real driver.
 *
 * <p>Registered with {@link DriverManager} when the class loads (through
 * {@code META-INF/services/java.sql.Driver}). Every instance shares the caches of this JVM, so
 * that a write through any of them invalidates what the others cached. Deregistering the driver
 * ({@link DriverManager#deregisterDriver}, as an application server does when it undeploys the
 * application) closes the caches its connections opened, once their connections have closed
 * and unless a {@link CacheDataSource} still holds them. Thread-safe.
 */
public final class CacheDriver implements Driver {

    /** The caches of this JVM, for every instance and for {@link CacheDataSource}. */
    private static final CacheRuntimes RUNTIMES = new CacheRuntimes();
    private static final CacheDriver REGISTERED = new CacheDriver();

    static {
        try {
            DriverManager.registerDriver(REGISTERED, () -> RUNTIMES.release(REGISTERED));
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The instance registered with {@link DriverManager}, which holds the caches of URL connections. */
    public static CacheDriver registered() {
        return REGISTERED;
    }

    /** The caches of this JVM, by name. */
    public CacheRuntimes runtimes() {
        return RUNTIMES;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return connect(url, info, REGISTERED);
    }

    /** {@link #connect(String, Properties)}, the cache held by {@code owner} rather than by the driver. */
    Connection connect(String url, Properties info, Object owner) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "08001");
        }
        if (!JdbcUrls.isOurs(url)) {
            return null;
        }
        JdbcUrls.UrlSettings fromUrl = JdbcUrls.split(JdbcUrls.delegateUrl(url));
        String realUrl = fromUrl.url();
        Properties properties = info == null ? new Properties() : info;
        String named = fromUrl.settings().getProperty(CacheSetting.DELEGATE_DRIVER.key(),
                properties.getProperty(CacheSetting.DELEGATE_DRIVER.key()));
        Driver real = findDelegate(realUrl, named);
        if (real == null) {
            throw new SQLException("No registered JDBC driver accepts " + JdbcUrls.mask(realUrl)
                    + " (the part of " + JdbcUrls.mask(url) + " after jdbc:cache:); put the database's driver on the class path, or name it with "
                    + CacheSetting.DELEGATE_DRIVER.key(),
                    "08001");
        }
        CacheConfig config = ConfigLoader.standard().load(properties, fromUrl.settings());
        Connection connection = real.connect(realUrl, ConfigLoader.withoutCacheKeys(properties));
        if (connection == null) {
            throw new SQLException("The driver " + real.getClass().getName() + " declined " + JdbcUrls.mask(realUrl), "08001");
        }
        Connection wrapped = ConnectionWrapping.wrap(connection, config, RUNTIMES, owner, realUrl, properties.getProperty("user"));
        if (config.changeCapture().enabled() && wrapped instanceof CachingConnection caching) {
            // the first connection to a database starts its consumer, with connections of its own
            ChangeCapture.startOnce(caching.runtime(), caching.scope(), JdbcUrls.mask(realUrl),
                    CaptureConnections.through(real, realUrl, ConfigLoader.withoutCacheKeys(properties)));
        }
        if (config.warmupFile() != null && wrapped instanceof CachingConnection caching) {
            // the first connection of a cache starts its warm-up, through a connection of its own
            Properties copy = new Properties();
            copy.putAll(properties);
            Warmup.startOnce(caching.runtime(), () -> connect(url, copy, owner));
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
        if (!JdbcUrls.isOurs(url)) {
            return false;
        }
        try {
            JdbcUrls.UrlSettings fromUrl = JdbcUrls.split(JdbcUrls.delegateUrl(url));
            return findDelegate(fromUrl.url(), fromUrl.settings().getProperty(CacheSetting.DELEGATE_DRIVER.key())) != null;
        } catch (SQLException e) {
            return false;
        }
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

    /**
     * The real driver for {@code realUrl}: the class {@code cache.delegate-driver} names (from
     * the URL or the properties), else the first driver, other than ours, that accepts the URL
     * among those registered with {@link DriverManager} (it lists only drivers this class's loader
     * can see), then those that {@link ServiceLoader} finds through the thread's context class
     * loader and this class's loader (a web application's {@code WEB-INF/lib}, a plugin loader,
     * HikariCP's {@code driverClassName} in a child loader).
     */
    private static Driver findDelegate(String realUrl, String delegateClass) throws SQLException {
        if (delegateClass != null && !delegateClass.isBlank()) {
            return named(delegateClass.strip());
        }
        Enumeration<Driver> drivers = DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            Driver driver = drivers.nextElement();
            if (accepts(driver, realUrl)) {
                return driver;
            }
        }
        for (ClassLoader loader : loaders()) {
            try {
                for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                    if (accepts(driver, realUrl)) {
                        return driver;
                    }
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // a broken META-INF/services entry of some library: not the driver we are after
            }
        }
        return null;
    }

    private static Driver findDelegate(String realUrl) {
        try {
            return findDelegate(realUrl, null);
        } catch (SQLException e) {
            return null;
        }
    }

    private static boolean accepts(Driver driver, String realUrl) {
        if (driver instanceof CacheDriver) {
            return false;
        }
        try {
            return driver.acceptsURL(realUrl);
        } catch (SQLException | RuntimeException e) {
            return false; // a driver that cannot judge the URL is not the one for it
        }
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>(2);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        ClassLoader own = CacheDriver.class.getClassLoader();
        if (own != null && own != context) {
            loaders.add(own);
        }
        return loaders;
    }

    /** Real drivers named by {@code cache.delegate-driver}, one instance per class (weakly held). */
    private static final ClassValue<Driver[]> NAMED = new ClassValue<>() {
        @Override
        protected Driver[] computeValue(Class<?> type) {
            return new Driver[1];
        }
    };

    private static Driver named(String className) throws SQLException {
        Class<?> type = null;
        for (ClassLoader loader : loaders()) {
            try {
                type = Class.forName(className, true, loader);
                break;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        if (type == null) {
            throw new SQLException("cache.delegate-driver=" + className + ": no such class in the thread's context "
                    + "class loader or jdbc-cache's", "08001");
        }
        if (!Driver.class.isAssignableFrom(type) || type == CacheDriver.class) {
            throw new SQLException("cache.delegate-driver=" + className + " is not a java.sql.Driver", "08001");
        }
        Driver[] holder = NAMED.get(type);
        synchronized (holder) {
            if (holder[0] == null) {
                try {
                    holder[0] = (Driver) type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new SQLException("cache.delegate-driver=" + className + " cannot be created: " + e, "08001", e);
                }
            }
            return holder[0];
        }
    }
}
