package dev.jdbccache.driver.result;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names {@code findColumn} accepts for each column, upper-cased, mapped to the 1-based
 * index of the first column that has the name. Every driver matches labels case-insensitively;
 * H2 then also accepts a column's underlying name and {@code TABLE.COLUMN} ({@code findColumn
 * ("title")} finds {@code d.title as name}), labels taking precedence.
 */
final class ColumnNames {
  private ColumnNames() {}

  static Map<String, Integer> index(ColumnInfo[] columns, boolean h2) {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      map.putIfAbsent(upper(columns[i].columnLabel()), i + 1);
    }
    if (h2) {
      for (int i = 0; i < columns.length; i++) {
        String name = columns[i].columnName();
        if (name.isEmpty()) {
          continue;
        }
        map.putIfAbsent(upper(name), i + 1);
        String table = columns[i].tableName();
        if (!table.isEmpty()) {
          map.putIfAbsent(upper(table) + "." + upper(name), i + 1);
        }
      }
    }
    return map;
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
