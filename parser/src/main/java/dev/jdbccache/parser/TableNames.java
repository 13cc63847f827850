package dev.jdbccache.parser;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical table names for one dialect, and which of them are system catalogs or temporary
 * tables. Quotes are removed and quoted parts kept as written; unquoted parts fold as the
 * dialect folds them; a catalog (database) part is dropped. Immutable and thread-safe.
 */
final class TableNames {

    private static final Pattern PG_TEMP = Pattern.compile("pg_temp(_\\d+)?");

    private final SqlDialect dialect;

    TableNames(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** {@code [catalog.][schema.]name} as written, to a canonical name; null when there is no name. */
    TableName canonical(List<String> partsAsWritten) {
        int n = partsAsWritten.size();
        if (n == 0 || partsAsWritten.get(n - 1) == null || partsAsWritten.get(n - 1).isEmpty()) {
            return null;
        }
        String name = tableNamePart(partsAsWritten.get(n - 1));
        String schema = n >= 2 && partsAsWritten.get(n - 2) != null && !partsAsWritten.get(n - 2).isEmpty()
                ? tableNamePart(partsAsWritten.get(n - 2)) : null;
        return TableName.of(schema, name);
    }

    /**
     * One part of a table's name as an invalidation key. MySQL and MariaDB do not fold table
     * names, quoted or not: whether {@code Orders} and {@code orders} are one table depends on
     * the server's {@code lower_case_table_names}. Lower-casing every part (quoted ones too) makes
     * {@code `Orders`} and {@code Orders} one key, as they are one table; two tables that differ
     * only in case share a key, which costs misses, never a stale read.
     */
    String tableNamePart(String asWritten) {
        String part = identifier(asWritten);
        return dialect == SqlDialect.MYSQL ? part.toLowerCase(Locale.ROOT) : part;
    }

    /** One identifier: unquoted and kept as written when quoted, folded otherwise. */
    String identifier(String asWritten) {
        String s = asWritten.strip();
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if (first == '"' && last == '"') {
                return s.substring(1, s.length() - 1).replace("\"\"", "\"");
            }
            if (first == '`' && last == '`') {
                return s.substring(1, s.length() - 1).replace("``", "`");
            }
            if (first == '[' && last == ']') {
                return s.substring(1, s.length() - 1);
            }
        }
        return dialect.foldUnquoted(s);
    }

    /** True for a table of a system catalog: its content changes without DML we could see. */
    boolean isSystemCatalog(TableName table) {
        String schema = table.schema() == null ? null : table.schema().toLowerCase(Locale.ROOT);
        String name = table.name().toLowerCase(Locale.ROOT);
        boolean postgres = schema == null ? name.startsWith("pg_") && !isTemporarySchema(name)
                : schema.equals("pg_catalog") || schema.equals("information_schema");
        boolean h2 = "information_schema".equals(schema);
        boolean mysql = schema != null && (schema.equals("information_schema")
                || schema.equals("performance_schema") || schema.equals("mysql") || schema.equals("sys"));
        return switch (dialect) {
            case POSTGRESQL -> postgres;
            case H2 -> h2;
            case MYSQL -> mysql;
            case GENERIC -> postgres || h2 || mysql;
        };
    }

    /** True for a table of a temporary schema ({@code pg_temp}, {@code pg_temp_3}, DB2's {@code session}). */
    boolean isTemporary(TableName table) {
        if (table.schema() == null) {
            return false;
        }
        String schema = table.schema().toLowerCase(Locale.ROOT);
        return isTemporarySchema(schema) || dialect == SqlDialect.GENERIC && schema.equals("session");
    }

    private static boolean isTemporarySchema(String lowerSchema) {
        return PG_TEMP.matcher(lowerSchema).matches();
    }
}
