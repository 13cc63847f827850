package dev.jdbccache.driver.admin;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.config.CacheSetting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL-level administration for tools that only speak SQL, answered by the driver without reaching
 * the database. A statement is an admin statement only when it begins (after whitespace) with the
 * comment {@code /* cache:admin *&#47;}; everything else, including the same text without the
 * comment, goes to the database as usual:
 *
 * <pre>
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.stats               -- NAME, VALUE
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.config              -- KEY, VALUE, ORIGIN (secrets masked)
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.invalidations       -- TABLE_NAME, INVALIDATIONS
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.hot_queries         -- SQL, READS, HITS, MISSES, BYPASSES, ..., FOOTPRINT
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.expensive_queries   -- the same columns, by total miss time
 * /* cache:admin *&#47; SELECT * FROM jdbc_cache.explain('select ...') -- WHAT, DETAIL: cacheable, footprints
 * /* cache:admin *&#47; CALL jdbc_cache.invalidate('orders', 'sales.order_lines')
 * /* cache:admin *&#47; CALL jdbc_cache.invalidate_all()
 * /* cache:admin *&#47; CALL jdbc_cache.reset_stats()
 * </pre>
 *
 * Keywords are case-insensitive and a trailing {@code ;} is allowed. Every command answers with a
 * result set (a {@code CALL} with one row: {@code RESULT}). An admin statement that is none of
 * these fails with SQLState {@code 42000}; one from a user that {@code cache.admin.enabled} or
 * {@code cache.admin.users} does not allow fails with {@code 42501}. Unless
 * {@code cache.admin.show-literals} is set, the statements listed show {@code ?} for literals,
 * which may be other users' data. Stateless and thread-safe.
 */
public final class AdminCommands {

    /** The comment that marks an admin statement. */
    public static final String MARKER = "/* cache:admin */";
    /** Rows of the top-N tables (invalidations, hot and expensive queries). */
    static final int TOP = 50;

    private static final Pattern SELECT = Pattern.compile(
            "(?is)select\\s+\\*\\s+from\\s+jdbc_cache\\s*\\.\\s*([a-z_]+)\\s*;?\\s*");
    private static final Pattern EXPLAIN = Pattern.compile(
            "(?is)select\\s+\\*\\s+from\\s+jdbc_cache\\s*\\.\\s*explain\\s*\\(\\s*'((?:[^']|'')*)'\\s*\\)\\s*;?\\s*");
    private static final Pattern CALL = Pattern.compile(
            "(?is)call\\s+jdbc_cache\\s*\\.\\s*([a-z_]+)\\s*\\((.*)\\)\\s*;?\\s*");
    private static final Pattern ARGUMENT = Pattern.compile("\\s*'((?:[^']|'')*)'\\s*(,|$)");
    private static final String USAGE = "supported: SELECT * FROM jdbc_cache.stats | jdbc_cache.config | "
            + "jdbc_cache.invalidations | jdbc_cache.hot_queries | jdbc_cache.expensive_queries | jdbc_cache.explain('sql'); "
            + "CALL jdbc_cache.invalidate('table', ...) | jdbc_cache.invalidate_all() | jdbc_cache.reset_stats()";

    private AdminCommands() {
    }

    /**
     * The answer to {@code sql} if it is an admin statement, else {@code null} (the caller runs it
     * as usual). Cheap for ordinary SQL: a look at its first characters.
     *
     * @param owner what the result set's {@code getStatement()} answers
     * @param user   asked for the database user only when {@code sql} is an admin statement
     * @param explainer answers {@code jdbc_cache.explain}
     * @throws SQLException (SQLState {@code 42000}) for an admin statement that is not understood,
     *     ({@code 42501}) for one the user is not allowed
     */
    public static ResultSet answer(String sql, CacheRuntime runtime, Statement owner, UserName user, Explainer explainer)
            throws SQLException {
        int start = commandStart(sql);
        if (start < 0) {
            return null;
        }
        String name = user.get();
        if (!runtime.config().adminAllowed(name)) {
            throw new SQLException("jdbc-cache admin: the admin SQL is not enabled for user " + name + "; set "
                    + CacheSetting.ADMIN_ENABLED.key() + "=true, or list the user in " + CacheSetting.ADMIN_USERS.key(),
                    "42501");
        }
        String command = sql.substring(start);
        Matcher explain = EXPLAIN.matcher(command);
        if (explain.matches()) {
            AdminResult result = new AdminResult().column("WHAT", Types.VARCHAR).column("DETAIL", Types.VARCHAR);
            for (String[] row : explainer.explain(explain.group(1).replace("''", "'"))) {
                result.row(row[0], row[1]);
            }
            return result.toResultSet(owner);
        }
        Matcher select = SELECT.matcher(command);
        if (select.matches()) {
            return table(select.group(1).toLowerCase(Locale.ROOT), runtime, owner);
        }
        Matcher call = CALL.matcher(command);
        if (call.matches()) {
            return call(call.group(1).toLowerCase(Locale.ROOT), arguments(call.group(2)), runtime, owner);
        }
        throw unknown();
    }

    /** What the cache does with a statement (the connection's plans for it), for {@code jdbc_cache.explain}. */
    @FunctionalInterface
    public interface Explainer {
        java.util.List<String[]> explain(String sql) throws SQLException;
    }

    /** The database user of the connection, read only when needed. */
    @FunctionalInterface
    public interface UserName {
        String get() throws SQLException;
    }

    /**
     * Where the command after the marker begins, or -1 when {@code sql} does not begin with the
     * marker (spaces inside the comment are optional, {@code cache:admin} is case-insensitive).
     */
    static int commandStart(String sql) {
        if (sql == null) {
            return -1;
        }
        int i = skipSpace(sql, 0);
        if (!sql.startsWith("/*", i)) {
            return -1;
        }
        i = skipSpace(sql, i + 2);
        if (!sql.regionMatches(true, i, "cache:admin", 0, "cache:admin".length())) {
            return -1;
        }
        i = skipSpace(sql, i + "cache:admin".length());
        if (!sql.startsWith("*/", i)) {
            return -1;
        }
        return skipSpace(sql, i + 2);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static ResultSet table(String name, CacheRuntime runtime, Statement owner) throws SQLException {
        CacheStats stats = runtime.stats();
        return switch (name) {
            case "stats" -> {
                AdminResult result = new AdminResult().column("NAME", Types.VARCHAR).column("VALUE", Types.VARCHAR);
                stats.snapshot().forEach((key, value) -> result.row(key, String.valueOf(value)));
                yield result.toResultSet(owner);
            }
            case "config" -> {
                AdminResult result = new AdminResult().column("KEY", Types.VARCHAR).column("VALUE", Types.VARCHAR)
                        .column("ORIGIN", Types.VARCHAR);
                Map<String, String> origins = runtime.config().origins();
                runtime.config().effective().forEach((key, value) -> result.row(key, value, origins.get(key)));
                yield result.toResultSet(owner);
            }
            case "invalidations" -> {
                AdminResult result = new AdminResult().column("TABLE_NAME", Types.VARCHAR)
                        .column("INVALIDATIONS", Types.BIGINT);
                stats.invalidationsByTable(TOP).forEach((table, count) -> result.row(table, count));
                yield result.toResultSet(owner);
            }
            case "hot_queries" -> queries(stats.hottestQueries(TOP), runtime.config().adminShowsLiterals(), owner);
            case "expensive_queries" -> queries(stats.mostExpensiveQueries(TOP), runtime.config().adminShowsLiterals(), owner);
            default -> throw unknown();
        };
    }

    private static ResultSet queries(List<CacheStats.QueryStats> queries, boolean literals, Statement owner)
            throws SQLException {
        AdminResult result = new AdminResult().column("SQL", Types.VARCHAR).column("READS", Types.BIGINT)
                .column("HITS", Types.BIGINT).column("MISSES", Types.BIGINT).column("BYPASSES", Types.BIGINT)
                .column("MISS_NANOS_TOTAL", Types.BIGINT).column("MISS_NANOS_AVG", Types.BIGINT)
                .column("FOOTPRINT", Types.VARCHAR);
        for (CacheStats.QueryStats q : queries) {
            result.row(literals ? q.sql() : Literals.masked(q.sql()), q.reads(), q.hits(), q.misses(), q.bypasses(),
                    q.missNanosTotal(), q.missNanosAverage(), q.footprint());
        }
        return result.toResultSet(owner);
    }

    private static ResultSet call(String procedure, List<String> arguments, CacheRuntime runtime, Statement owner)
            throws SQLException {
        String outcome = switch (procedure) {
            case "invalidate" -> {
                if (arguments.isEmpty()) {
                    throw new SQLException("jdbc-cache admin: jdbc_cache.invalidate needs at least one table name "
                            + "in single quotes", "42000");
                }
                runtime.invalidateTables(arguments);
                yield "invalidated " + arguments.size() + " table(s)";
            }
            case "invalidate_all" -> {
                requireNoArguments(procedure, arguments);
                runtime.invalidateAll();
                yield "invalidated every entry";
            }
            case "reset_stats" -> {
                requireNoArguments(procedure, arguments);
                runtime.stats().reset();
                yield "stats reset";
            }
            default -> throw unknown();
        };
        return new AdminResult().column("RESULT", Types.VARCHAR).row(outcome).toResultSet(owner);
    }

    private static void requireNoArguments(String procedure, List<String> arguments) throws SQLException {
        if (!arguments.isEmpty()) {
            throw new SQLException("jdbc-cache admin: jdbc_cache." + procedure + " takes no arguments", "42000");
        }
    }

    /** {@code 'a', 'b''c'} to [a, b'c]; anything else than single-quoted strings is an error. */
    private static List<String> arguments(String text) throws SQLException {
        List<String> result = new ArrayList<>();
        if (text.isBlank()) {
            return result;
        }
        Matcher m = ARGUMENT.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new SQLException("jdbc-cache admin: arguments must be table names in single quotes, "
                        + "separated by commas", "42000");
            }
            result.add(m.group(1).replace("''", "'"));
            at = m.end();
        }
        return result;
    }

    private static SQLException unknown() {
        // the statement's text is not repeated: it is the caller's own, and may hold anything
        return new SQLException("jdbc-cache admin: unknown admin statement; " + USAGE, "42000");
    }
}
