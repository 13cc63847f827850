package dev.jdbccache.driver;

import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.CacheSetting;
import dev.jdbccache.driver.config.ConfigLoader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for containers and pools that prefer data sources. It either connects to a
 * {@code jdbc:cache:} (or plain) URL through {@link DriverManager}, or wraps another
 * {@code DataSource} ({@link #setTargetDataSource}). {@code cache.*} settings are given with
 * {@link #setCacheProperty}, {@link #setProperties} or, for bean-style configuration, the
 * dedicated setters. Caches are shared by {@code cache.name} with URL connections of the
 * same JVM, so that a write through either invalidates both.
 *
 * <p>The data source holds the caches its connections opened; {@link #close} lets go of them,
 * and each closes (its store, its Redis connections, its MBean) once its last connection has
 * closed, unless URL connections or another data source still hold it. A closed data source
 * gives no more connections. Configure before first use; then thread-safe.
 */
public class CacheDataSource implements DataSource, AutoCloseable {

    private volatile String url;
    private volatile DataSource targetDataSource;
    private volatile String user;
    private volatile String password;
    private final Properties properties = new Properties();
    private volatile int loginTimeout;
    private volatile PrintWriter logWriter;
    private volatile boolean closed;

    public CacheDataSource() {
    }

    /** A data source for {@code url} ({@code jdbc:cache:...}, or a plain URL that gets the cache prefix). */
    public CacheDataSource(String url) {
        setUrl(url);
    }

    /** A data source that caches on top of {@code target}. */
    public CacheDataSource(DataSource target) {
        setTargetDataSource(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (closed) {
            throw new SQLException("CacheDataSource has been closed", "08003");
        }
        Properties info = new Properties();
        synchronized (properties) {
            info.putAll(properties);
        }
        DataSource target = targetDataSource;
        if (target != null) {
            CacheConfig config = ConfigLoader.standard().load(info);
            Connection real = username == null ? target.getConnection() : target.getConnection(username, pass);
            return ConnectionWrapping.wrap(real, config, CacheDriver.registered().runtimes(), this, null, username);
        }
        String jdbcUrl = url;
        if (jdbcUrl == null) {
            throw new SQLException("CacheDataSource has neither a url nor a targetDataSource", "08001");
        }
        if (username != null) {
            info.setProperty("user", username);
        }
        if (pass != null) {
            info.setProperty("password", pass);
        }
        return CacheDriver.registered().connect(jdbcUrl, info, this);
    }

    /**
     * Lets go of the caches this data source opened: those that nobody else holds close when
     * their last connection does (at once if none is open). Call it after closing the pool
     * in front, if any; idempotent.
     */
    @Override
    public void close() {
        closed = true;
        CacheDriver.registered().runtimes().release(this);
    }

    public boolean isClosed() {
        return closed;
    }

    public String getUrl() {
        return url;
    }

    /** A {@code jdbc:cache:} URL; a plain {@code jdbc:} URL is given the prefix. */
    public void setUrl(String url) {
        if (url != null && !JdbcUrls.isOurs(url) && url.startsWith("jdbc:")) {
            url = JdbcUrls.PREFIX + url.substring("jdbc:".length());
        }
        this.url = url;
    }

    /** Same as {@link #setUrl}, for tools that call the property {@code jdbcUrl}. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    public String getJdbcUrl() {
        return url;
    }

    public DataSource getTargetDataSource() {
        return targetDataSource;
    }

    public void setTargetDataSource(DataSource targetDataSource) {
        this.targetDataSource = targetDataSource;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Same as {@link #setUser}. */
    public void setUsername(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Sets one connection property; {@code cache.*} keys configure the cache, others go to the real driver. */
    public void setCacheProperty(String key, String value) {
        synchronized (properties) {
            properties.setProperty(key, value);
        }
    }

    /** Adds connection properties; {@code cache.*} keys configure the cache, others go to the real driver. */
    public void setProperties(Properties more) {
        synchronized (properties) {
            properties.putAll(more);
        }
    }

    /** A copy of the connection properties given so far. */
    public Properties getProperties() {
        synchronized (properties) {
            Properties copy = new Properties();
            copy.putAll(properties);
            return copy;
        }
    }

    /** Bean-style setter for {@code cache.name}. */
    public void setCacheName(String name) {
        setCacheProperty(CacheSetting.NAME.key(), name);
    }

    /** Bean-style setter for {@code cache.enabled}. */
    public void setCacheEnabled(boolean enabled) {
        setCacheProperty(CacheSetting.ENABLED.key(), Boolean.toString(enabled));
    }

    /** Bean-style setter for {@code cache.ttl} (e.g. {@code 30s}). */
    public void setCacheTtl(String ttl) {
        setCacheProperty(CacheSetting.TTL.key(), ttl);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("jdbc-cache logs through SLF4J", "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        DataSource target = targetDataSource;
        if (target != null) {
            return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
        }
        throw new SQLException("CacheDataSource does not wrap a " + iface.getName(), "0A000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        DataSource target = targetDataSource;
        return iface.isInstance(this) || (target != null && (iface.isInstance(target) || target.isWrapperFor(iface)));
    }
}
