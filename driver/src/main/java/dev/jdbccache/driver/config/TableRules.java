package dev.jdbccache.driver.config;

import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.TableName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-table rules: {@code cache.table.<table>.ttl}, {@code cache.table.<table>.invalidates} and
 * {@code cache.table.<table>.partition-columns}.
 * A table is written as in SQL, optionally schema-qualified and quoted; unquoted parts fold as
 * the database folds them, so rules are matched per dialect. Immutable.
 */
public final class TableRules {

    static final String PREFIX = "cache.table.";

    /** One rule's table, parsed from the key. */
    record RuleTable(Identifier schema, Identifier name) {
        TableName canonical(SqlDialect dialect) {
            return TableName.of(schema == null ? null : schema.canonical(dialect), name.canonical(dialect));
        }
    }

    /** An identifier as written: quoted ones keep their case. */
    record Identifier(String text, boolean quoted) {
        String canonical(SqlDialect dialect) {
            return quoted ? text : dialect.foldUnquoted(text);
        }
    }

    record TtlRule(RuleTable table, Duration ttl) {
    }

    record InvalidatesRule(RuleTable table, List<RuleTable> targets) {
    }

    record PartitionRule(RuleTable table, List<Identifier> columns) {
    }

    private final List<TtlRule> ttlRules;
    private final List<InvalidatesRule> invalidatesRules;
    private final List<PartitionRule> partitionRules;

    private TableRules(List<TtlRule> ttlRules, List<InvalidatesRule> invalidatesRules, List<PartitionRule> partitionRules) {
        this.ttlRules = List.copyOf(ttlRules);
        this.invalidatesRules = List.copyOf(invalidatesRules);
        this.partitionRules = List.copyOf(partitionRules);
    }

    static TableRules parse(List<ConfigEntry> tableEntries) throws ConfigException {
        List<TtlRule> ttls = new ArrayList<>();
        List<InvalidatesRule> invalidates = new ArrayList<>();
        List<PartitionRule> partitions = new ArrayList<>();
        for (ConfigEntry entry : tableEntries) {
            String rest = entry.key().substring(PREFIX.length());
            if (rest.endsWith(".ttl")) {
                ttls.add(new TtlRule(table(entry, rest.substring(0, rest.length() - 4)), ConfigValues.duration(entry)));
            } else if (rest.endsWith(".invalidates")) {
                List<RuleTable> targets = new ArrayList<>();
                for (String target : entry.value().split(",")) {
                    if (!target.isBlank()) {
                        targets.add(table(entry, target.strip()));
                    }
                }
                invalidates.add(new InvalidatesRule(table(entry, rest.substring(0, rest.length() - 12)), targets));
            } else if (rest.endsWith(".partition-columns")) {
                List<Identifier> columns = new ArrayList<>();
                for (String column : entry.value().split(",")) {
                    String c = column.strip();
                    if (c.isEmpty()) {
                        continue;
                    }
                    boolean quoted = c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"");
                    if (!quoted && !c.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                        throw new ConfigException(entry, "has a malformed column name '" + c + "' (quote it as \"" + c + "\")");
                    }
                    columns.add(new Identifier(quoted ? c.substring(1, c.length() - 1) : c, quoted));
                }
                partitions.add(new PartitionRule(table(entry, rest.substring(0, rest.length() - 18)), columns));
            } else {
                throw new ConfigException(entry, "is not a table setting; use cache.table.<table>.ttl, "
                        + "cache.table.<table>.invalidates or cache.table.<table>.partition-columns");
            }
        }
        return new TableRules(ttls, invalidates, partitions);
    }

    /**
     * The TTL for a query reading {@code table}, or {@code null} when no rule names it. A rule
     * qualified with a schema also applies to an unqualified read of the same name (the schema
     * is not known without the search path; the shorter TTL is the safe side).
     */
    public Duration ttlFor(TableName table, SqlDialect dialect) {
        Duration result = null;
        for (TtlRule rule : ttlRules) {
            if (matches(rule.table().canonical(dialect), table) && (result == null || rule.ttl().compareTo(result) < 0)) {
                result = rule.ttl();
            }
        }
        return result;
    }

    /** Tables that a write to {@code table} also changes (declared triggers), by canonical name. */
    public Set<String> alsoInvalidated(TableName table, SqlDialect dialect) {
        Set<String> result = new LinkedHashSet<>();
        for (InvalidatesRule rule : invalidatesRules) {
            if (matches(rule.table().canonical(dialect), table)) {
                for (RuleTable target : rule.targets()) {
                    result.add(target.canonical(dialect).name());
                }
            }
        }
        return result;
    }

    /** The columns declared as partition columns of {@code table} (by its name: invalidation keys are unqualified). */
    public Set<String> partitionColumns(String table, SqlDialect dialect) {
        Set<String> result = new LinkedHashSet<>();
        for (PartitionRule rule : partitionRules) {
            if (rule.table().canonical(dialect).name().equals(table)) {
                rule.columns().forEach(c -> result.add(c.canonical(dialect)));
            }
        }
        return result;
    }

    /** The partition-column rules as one canonical text (nodes sharing a store must agree on it). */
    public String partitionSignature() {
        java.util.TreeSet<String> rules = new java.util.TreeSet<>();
        for (PartitionRule rule : partitionRules) {
            java.util.TreeSet<String> columns = new java.util.TreeSet<>();
            rule.columns().forEach(c -> columns.add((c.quoted() ? "\"" : "") + c.text()));
            rules.add(rule.table() + "=" + columns);
        }
        return "partition-columns=" + rules;
    }

    public boolean isEmpty() {
        return ttlRules.isEmpty() && invalidatesRules.isEmpty() && partitionRules.isEmpty();
    }

    private static boolean matches(TableName rule, TableName table) {
        return rule.name().equals(table.name())
                && (rule.schema() == null || table.schema() == null || rule.schema().equals(table.schema()));
    }

    /** Parses {@code orders}, {@code sales.orders}, {@code "Sales"."Order Lines"}. */
    private static RuleTable table(ConfigEntry entry, String text) throws ConfigException {
        List<Identifier> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ConfigException(entry, "has an unclosed quote in table name " + text);
                }
                parts.add(new Identifier(text.substring(i + 1, end), true));
                i = end + 1;
            } else {
                int end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                parts.add(new Identifier(text.substring(i, end).strip(), false));
                i = end;
            }
            if (i < text.length()) {
                if (text.charAt(i) != '.') {
                    throw new ConfigException(entry, "has a malformed table name " + text);
                }
                i++;
            }
        }
        if (parts.isEmpty() || parts.size() > 2 || parts.stream().anyMatch(p -> p.text().isEmpty())) {
            throw new ConfigException(entry, "needs a table name as table or schema.table, not '" + text + "'");
        }
        return parts.size() == 1 ? new RuleTable(null, parts.get(0)) : new RuleTable(parts.get(0), parts.get(1));
    }
}
