package dev.jdbccache.driver.catalog;

import dev.jdbccache.parser.TableName;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the tables a trigger function's body writes, from its source text. Deliberately
 * generous: any {@code INSERT INTO x}, {@code UPDATE x}, {@code DELETE FROM x},
 * {@code TRUNCATE x}, {@code MERGE INTO x} names x (an extra name costs a miss, a missing one a
 * stale read). Dynamic SQL ({@code EXECUTE}) cannot be named: {@code null}.
 */
final class TriggerBodies {

    private static final String NAME = "(?:\"[^\"]+\"|[A-Za-z_][A-Za-z_0-9$]*)";
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into)\\s+(?:only\\s+)?("
                    + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)");
    private static final Pattern DYNAMIC = Pattern.compile("(?i)\\bexecute\\b");

    private TriggerBodies() {
    }

    /** The canonical names written, or {@code null} when the body runs dynamic SQL. */
    static Set<String> writtenTables(String body) {
        if (body == null || DYNAMIC.matcher(body).find()) {
            return null;
        }
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = WRITE.matcher(body);
        while (m.find()) {
            String qualified = m.group(1);
            String last = TableName.lastPart(qualified);
            tables.add(last.startsWith("\"") ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT));
        }
        return tables;
    }
}
