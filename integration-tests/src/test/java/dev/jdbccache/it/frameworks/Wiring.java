package dev.jdbccache.it.frameworks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jdbccache.driver.CacheDataSource;

/**
 * How the application's HikariCP pool reaches PostgreSQL: the plain driver, or jdbc-cache in one
 * of the ways a pool can be put together with it. Every framework suite runs unchanged on
 * {@link #PLAIN_URL} and {@link #CACHE_URL}; some also on the data-source wirings.
 */
public enum Wiring {
    /** {@code jdbcUrl=jdbc:postgresql://...}: the reference the cached wirings must match. */
    PLAIN_URL,
    /** {@code jdbcUrl=jdbc:cache:postgresql://...}, cache settings as {@code dataSourceProperties}. */
    CACHE_URL,
    /** Pool over cache: {@code setDataSource(new CacheDataSource(url))}. */
    POOL_OVER_CACHE_DATA_SOURCE,
    /** Pool over cache, bean-style: {@code dataSourceClassName=dev.jdbccache.driver.CacheDataSource}, property {@code url}. */
    POOL_WITH_CACHE_DATA_SOURCE_CLASS,
    /** Cache over pool: {@code new CacheDataSource(hikariDataSource)}. */
    CACHE_DATA_SOURCE_OVER_POOL;

    public boolean caches() {
        return this != PLAIN_URL;
    }

    /** The JDBC URL an application configured by URL alone uses ({@link #PLAIN_URL}, {@link #CACHE_URL}). */
    public String jdbcUrl(ShopDatabase db) {
        return switch (this) {
            case PLAIN_URL -> db.url();
            case CACHE_URL -> db.cacheUrl();
            default -> throw new IllegalStateException(this + " is not configured by URL alone");
        };
    }

    ShopPool open(ShopDatabase db, String cacheName) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(ShopPool.SIZE);
        config.setPoolName(cacheName);
        switch (this) {
            case PLAIN_URL, CACHE_DATA_SOURCE_OVER_POOL -> config.setJdbcUrl(db.url());
            case CACHE_URL -> {
                config.setJdbcUrl(db.cacheUrl());
                config.addDataSourceProperty("cache.name", cacheName);
            }
            case POOL_OVER_CACHE_DATA_SOURCE -> {
                CacheDataSource cache = new CacheDataSource(db.url());
                cache.setCacheName(cacheName);
                config.setDataSource(cache);
            }
            case POOL_WITH_CACHE_DATA_SOURCE_CLASS -> {
                config.setDataSourceClassName(CacheDataSource.class.getName());
                config.addDataSourceProperty("url", db.url());
                config.addDataSourceProperty("cacheName", cacheName);
            }
        }
        HikariDataSource pool = new HikariDataSource(config);
        if (this == CACHE_DATA_SOURCE_OVER_POOL) {
            CacheDataSource cache = new CacheDataSource(pool);
            cache.setCacheName(cacheName);
            return new ShopPool(this, db, cacheName, cache, pool::close);
        }
        return new ShopPool(this, db, cacheName, pool, pool::close);
    }
}
