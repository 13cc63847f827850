package dev.jdbccache.it.differential;

import java.lang.reflect.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Struct;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders values, errors and warnings as transcript text. A value is rendered with its Java class
 * so that a cache returning {@code Long} where the driver returns {@code Integer} is a difference;
 * JDBC interface types (arrays, LOBs) are rendered by interface and content, since applications
 * see them only through the interface.
 */
final class Render {

    private static final int MAX_CHAIN = 20;
    private static final Pattern IDENTITY_HASH =
            Pattern.compile("([\\w$.\\[;]+)@[0-9a-f]{4,8}\\b");
    /** MariaDB Connector/J starts its messages with the server's id of the connection. */
    private static final Pattern MARIADB_CONNECTION_ID = Pattern.compile("^\\(conn=\\d+\\) ");

    private Render() {
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        try {
            return valueOrThrow(v);
        } catch (SQLException e) {
            return v.getClass().getName() + ":" + error(e);
        }
    }

    private static String valueOrThrow(Object v) throws SQLException {
        if (v instanceof byte[] bytes) {
            return "byte[]:" + HexFormat.of().formatHex(bytes);
        }
        if (v.getClass().isArray()) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Array.getLength(v); i++) {
                elements.add(value(Array.get(v, i)));
            }
            return v.getClass().getComponentType().getName() + "[]:" + elements;
        }
        if (v instanceof java.sql.Array array) {
            return "java.sql.Array(baseType=" + array.getBaseType() + ", baseTypeName="
                    + array.getBaseTypeName() + "):" + value(array.getArray());
        }
        if (v instanceof Blob blob) {
            return "java.sql.Blob:" + value(blob.getBytes(1, (int) blob.length()));
        }
        if (v instanceof Clob clob) {
            return "java.sql.Clob:" + text(clob.getSubString(1, (int) clob.length()));
        }
        if (v instanceof SQLXML xml) {
            return "java.sql.SQLXML:" + text(xml.getString());
        }
        if (v instanceof Struct struct) {
            return "java.sql.Struct(" + struct.getSQLTypeName() + "):" + value(struct.getAttributes());
        }
        if (v instanceof java.util.Date date) {
            // java.sql.Time#toString drops milliseconds; the epoch value keeps them.
            return v.getClass().getName() + ":" + v + "@" + date.getTime();
        }
        if (v instanceof String s) {
            return "java.lang.String:" + text(s);
        }
        if (v instanceof Properties properties) {
            return "Properties:" + new TreeMap<>(properties);
        }
        if (v instanceof Map<?, ?> map) {
            return "Map:" + new TreeMap<>(map);
        }
        return v.getClass().getName() + ":" + text(String.valueOf(v));
    }

    /** A string with line breaks and tabs made visible, so a transcript entry stays one line. */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        // Object#toString output such as "[B@1b6d3586" carries an identity hash that differs
        // between any two runs; it is masked, the class name before it is kept.
        String stable = IDENTITY_HASH.matcher(s).replaceAll("$1@<identity>");
        // Two connections never share an id, and the two sides of a run use different ones.
        stable = MARIADB_CONNECTION_ID.matcher(stable).replaceFirst("(conn=<id>) ");
        return '"' + stable.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }

    /**
     * SQLState, vendor code, message and the nearest standard {@code java.sql} class of an
     * exception and of every exception chained to it with {@code setNextException}. The driver's
     * own class name is left out: a proxy may only rethrow the database's exception, and the
     * standard class is what applications catch.
     */
    static String error(SQLException e) {
        StringJoiner chain = new StringJoiner(" | next: ");
        SQLException current = e;
        for (int i = 0; current != null && i < MAX_CHAIN; i++) {
            chain.add(oneError(current));
            current = current.getNextException();
        }
        return "!" + chain;
    }

    private static String oneError(SQLException e) {
        String s = standardClass(e.getClass()) + "[state=" + e.getSQLState() + ", code="
                + e.getErrorCode() + "] " + text(e.getMessage());
        if (e instanceof BatchUpdateException batch) {
            s += " updateCounts=" + Arrays.toString(batch.getUpdateCounts())
                    + " largeUpdateCounts=" + Arrays.toString(batch.getLargeUpdateCounts());
        }
        return s;
    }

    private static String standardClass(Class<?> type) {
        Class<?> c = type;
        while (c != null && !c.getName().startsWith("java.")) {
            c = c.getSuperclass();
        }
        return c == null ? type.getName() : c.getSimpleName();
    }

    static String warnings(SQLWarning first) {
        if (first == null) {
            return "none";
        }
        StringJoiner chain = new StringJoiner(" ; ");
        SQLWarning w = first;
        for (int i = 0; w != null && i < MAX_CHAIN; i++) {
            chain.add(standardClass(w.getClass()) + "[state=" + w.getSQLState() + ", code="
                    + w.getErrorCode() + "] " + text(w.getMessage()));
            w = w.getNextWarning();
        }
        return chain.toString();
    }

    static String throwable(Throwable t) {
        if (t instanceof SQLException e) {
            return error(e);
        }
        return "!" + t.getClass().getName() + " " + text(t.getMessage());
    }
}
