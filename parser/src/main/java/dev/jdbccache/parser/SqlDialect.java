package dev.jdbccache.parser;

import java.util.Locale;

/**
 * The SQL dialect of the database behind a connection. It decides how unquoted identifiers fold
 * and which built-in functions are known to be deterministic or volatile.
 */
public enum SqlDialect {
    /** PostgreSQL: unquoted identifiers fold to lower case. */
    POSTGRESQL(IdentifierCase.LOWER),
    /** H2: unquoted identifiers fold to upper case. */
    H2(IdentifierCase.UPPER),
    /** MySQL and MariaDB: table names compared in lower case (as with {@code lower_case_table_names=1}). */
    MYSQL(IdentifierCase.LOWER),
    /** Anything else: lower case, conservative function lists. */
    GENERIC(IdentifierCase.LOWER);

    /** How a dialect folds unquoted identifiers. */
    public enum IdentifierCase { LOWER, UPPER }

    private final IdentifierCase identifierCase;

    SqlDialect(IdentifierCase identifierCase) {
        this.identifierCase = identifierCase;
    }

    public IdentifierCase identifierCase() {
        return identifierCase;
    }

    /** Folds an unquoted identifier the way this dialect does. */
    public String foldUnquoted(String identifier) {
        return identifierCase == IdentifierCase.UPPER
                ? identifier.toUpperCase(Locale.ROOT)
                : identifier.toLowerCase(Locale.ROOT);
    }

    /**
     * The dialect of a JDBC URL such as {@code jdbc:postgresql://...} or {@code jdbc:h2:mem:x};
     * {@link #GENERIC} when the subprotocol is not one we know.
     */
    public static SqlDialect fromJdbcUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return GENERIC;
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:pgsql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        return GENERIC;
    }
}
