package dev.jdbccache.parser;

import java.util.Objects;

/**
 * A canonical table name: quotes removed, unquoted parts folded as the dialect folds them, quoted
 * parts kept as written. {@code schema} is {@code null} when the SQL did not qualify the name.
 *
 * <p>Invalidation works on {@link #name()} alone (see {@code docs/consistency.md}): a write to
 * {@code a.orders} also invalidates reads of {@code b.orders}, which is safe and keeps search-path
 * resolution out of the hot path.
 */
public record TableName(String schema, String name) {

    public TableName {
        Objects.requireNonNull(name, "name");
    }

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    public static TableName of(String schema, String name) {
        return new TableName(schema, name);
    }

    /**
     * The last part of a possibly qualified name as written, quotes kept: {@code s."a.b"} gives
     * {@code "a.b"} (a dot inside quotes is part of the name).
     */
    public static String lastPart(String qualified) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return (dot < 0 ? qualified : qualified.substring(dot + 1)).strip();
    }

    /** {@code schema.name}, or {@code name} when unqualified. */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
