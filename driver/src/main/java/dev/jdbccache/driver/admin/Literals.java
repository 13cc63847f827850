package dev.jdbccache.driver.admin;

import java.util.regex.Pattern;

/** Statement texts with their literals replaced by {@code ?}: shown without the data they carry. */
final class Literals {

    // 'text' (with '' inside), E'text' and N'text', $tag$text$tag$, numbers that are not part of a name or a $n parameter
    private static final Pattern LITERAL = Pattern.compile(
            "(?s)(?<![A-Za-z0-9_])[EeNnBbXx]?'(?:[^']|'')*'?"
                    + "|\\$([A-Za-z_][A-Za-z_0-9]*)?\\$.*?(?:\\$\\1\\$|$)"
                    + "|(?<![A-Za-z0-9_$.])\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![A-Za-z0-9_])");

    private Literals() {
    }

    static String masked(String sql) {
        return sql == null ? null : LITERAL.matcher(sql).replaceAll("?");
    }
}
