package dev.jdbccache.bench.demo;

import java.util.Properties;

/**
 * Where a run sends its workload: an H2 in-memory database or a PostgreSQL schema of its own,
 * either directly or through {@code jdbc:cache:} with some store. Each target gets its own copy of
 * the catalogue.
 *
 * @param url      the URL the workload connects to
 * @param adminUrl the plain URL used to create, load and drop the target's data
 * @param schema   the PostgreSQL schema holding the data, or {@code null} for H2
 */
record Target(String label, String url, String adminUrl, String schema, Properties properties) {

    private static final String H2_OPTIONS = ";DB_CLOSE_DELAY=-1";

    /** The demo's plain target: its own in-memory H2 database. */
    static Target plain(String database) {
        return h2("plain", database, null);
    }

    /** The demo's cached target: its own in-memory H2 database through the local tier. */
    static Target cache(String database, String cacheName) {
        return h2("cache", database, Stores.settings("local", cacheName));
    }

    /** An H2 target; {@code cacheSettings} null for the plain driver. */
    static Target h2(String label, String database, Properties cacheSettings) {
        String rest = "h2:mem:" + database + H2_OPTIONS;
        return new Target(label, (cacheSettings == null ? "jdbc:" : "jdbc:cache:") + rest, "jdbc:" + rest, null,
                cacheSettings == null ? new Properties() : cacheSettings);
    }

    /** A PostgreSQL target in schema {@code schema} of the database at {@code plainUrl}. */
    static Target postgres(String label, String plainUrl, String schema, Properties cacheSettings) {
        String separator = plainUrl.contains("?") ? "&" : "?";
        String inSchema = plainUrl + separator + "currentSchema=" + schema;
        String url = cacheSettings == null ? inSchema : "jdbc:cache:" + inSchema.substring("jdbc:".length());
        return new Target(label, url, plainUrl, schema, cacheSettings == null ? new Properties() : cacheSettings);
    }

    boolean cached() {
        return url.startsWith("jdbc:cache:");
    }

    boolean onPostgres() {
        return schema != null;
    }
}
