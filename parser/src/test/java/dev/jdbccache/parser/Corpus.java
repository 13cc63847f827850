package dev.jdbccache.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statement corpus under {@code src/test/resources/corpus}: one file per family, each entry a
 * block
 *
 * <pre>
 * -- name: what the entry shows
 * -- dialect: h2                      (optional; else the file's "-- default-dialect:")
 * SELECT ...                          (any number of lines)
 * kind: QUERY
 * reads: a, s.b                       (exact set; empty means none)
 * writes: c                           (exact set)
 * writesUnknown: yes|no
 * cacheable: yes|no
 * reason: LOCKING_CLAUSE|none
 * session: search_path
 * tx: BEGIN
 * </pre>
 *
 * {@code kind} and {@code cacheable} are required; the other expectations are checked when present.
 */
final class Corpus {

    private static final Pattern EXPECTATION =
            Pattern.compile("^(kind|reads|writes|writesUnknown|cacheable|reason|session|tx|ttl):.*");

    record Entry(String file, String name, SqlDialect dialect, String sql, Map<String, String> expected) {

        String get(String key) {
            return expected.get(key);
        }

        boolean expectsWrite() {
            return StatementKind.valueOf(get("kind")).isWrite()
                    || "yes".equals(get("writesUnknown"))
                    || get("writes") != null && !get("writes").isBlank();
        }

        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private Corpus() {
    }

    static List<Entry> load() {
        try {
            Path dir = Path.of(Corpus.class.getResource("/corpus").toURI());
            List<Entry> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    entries.addAll(parse(file.getFileName().toString(),
                            Files.readAllLines(file, StandardCharsets.UTF_8)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> parse(String file, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        SqlDialect defaultDialect = SqlDialect.POSTGRESQL;
        String name = null;
        SqlDialect dialect = null;
        StringBuilder sql = new StringBuilder();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("-- default-dialect:")) {
                defaultDialect = SqlDialect.valueOf(value(line).toUpperCase(Locale.ROOT));
            } else if (line.startsWith("-- name:")) {
                add(entries, file, name, dialect, sql, expected);
                name = value(line);
                dialect = defaultDialect;
                sql = new StringBuilder();
                expected = new LinkedHashMap<>();
            } else if (name == null) {
                continue;
            } else if (line.startsWith("-- dialect:") && sql.isEmpty()) {
                dialect = SqlDialect.valueOf(value(line).toUpperCase(Locale.ROOT));
            } else if (EXPECTATION.matcher(line).matches() && !sql.isEmpty()) {
                int colon = line.indexOf(':');
                expected.put(line.substring(0, colon), line.substring(colon + 1).strip());
            } else if (expected.isEmpty()) {
                sql.append(sql.isEmpty() ? "" : "\n").append(line);
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException(file + ": text after the expectations of '" + name + "': " + line);
            }
        }
        add(entries, file, name, dialect, sql, expected);
        return entries;
    }

    private static void add(List<Entry> entries, String file, String name, SqlDialect dialect, StringBuilder sql,
                            Map<String, String> expected) {
        if (name == null) {
            return;
        }
        if (!expected.containsKey("kind") || !expected.containsKey("cacheable")) {
            throw new IllegalArgumentException(file + ": '" + name + "' needs kind: and cacheable:");
        }
        entries.add(new Entry(file, name, dialect, sql.toString().strip(), Map.copyOf(expected)));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    /** "a, s.b" as a sorted set; empty for a blank list. */
    static Set<String> tables(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> qualified(Set<TableName> tables) {
        return tables.stream().map(TableName::qualified).collect(Collectors.toCollection(TreeSet::new));
    }
}
