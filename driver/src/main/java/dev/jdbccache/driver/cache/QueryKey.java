package dev.jdbccache.driver.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything that decides a query's result (DESIGN section 3): the database and user, the
 * normalized SQL, every bound parameter with how it was bound, the session state that resolves
 * names (catalog, schema, and the session settings changed by SQL), maxRows and the result set
 * type. The local tier compares keys in full, and shared stores compare {@link #keyMaterial()}, so
 * a hash collision is never a hit.
 * Immutable.
 */
public final class QueryKey {
    private final String database;
    private final String sql;
    private final Object[] parameters;
    private final String session;
    private final long maxRows;
    private final int resultSetType;
    private final int hash;

    QueryKey(String database, String sql, Object[] parameters, String session, long maxRows, int resultSetType) {
        this.database = database;
        this.sql = sql;
        this.parameters = parameters;
        this.session = session;
        this.maxRows = maxRows;
        this.resultSetType = resultSetType;
        int h = database.hashCode();
        h = 31 * h + sql.hashCode();
        h = 31 * h + Arrays.hashCode(parameters);
        h = 31 * h + Objects.hashCode(session);
        h = 31 * h + Long.hashCode(maxRows);
        h = 31 * h + resultSetType;
        this.hash = h;
    }

    /** The normalized SQL (a fingerprint for stats; never carries parameter values). */
    public String sql() {
        return sql;
    }

    /**
     * The key's full content as bytes (database, SQL, session, maxRows, result set type, and every
     * parameter with how it was bound), deterministic across JVMs: a shared store keeps it with an
     * entry and compares it on a hit. A new array on each call.
     *
     * @throws IllegalArgumentException when a parameter cannot be key material
     */
    public byte[] keyMaterial() {
        return KeyMaterial.of(database, sql, parameters, session, maxRows, resultSetType);
    }

    /** Rough heap size of the key, counted in the entry's weight. */
    long estimatedBytes() {
        return 64L + 2L * sql.length() + 32L * parameters.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueryKey other)) {
            return false;
        }
        return hash == other.hash
                && maxRows == other.maxRows
                && resultSetType == other.resultSetType
                && sql.equals(other.sql)
                && database.equals(other.database)
                && Objects.equals(session, other.session)
                && Arrays.equals(parameters, other.parameters);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        // parameters are never printed: they may be personal data
        return "QueryKey[" + sql + ", " + parameters.length + " parameters]";
    }
}
