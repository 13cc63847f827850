package dev.jdbccache.driver.result;

import java.sql.ResultSet;

/**
 * Whose conversion rules a cached result set follows. Recorded with the result because the same
 * (type, value, text) converts differently per driver: {@code getInt} on REAL 1.5 is 1 on
 * PostgreSQL (truncation) and 2 on H2 (rounding).
 */
enum Profile {
  /** pgjdbc: getters parse the server's text, as pgjdbc does in text transfer mode. */
  POSTGRESQL,
  /** H2: getters convert the value with H2's CAST rules. */
  H2,
  /** Any other driver: the PostgreSQL rules, which are the JDBC specification's closest match. */
  GENERIC;

  static Profile of(ResultSet rs) {
    String name = rs.getClass().getName();
    if (name.startsWith("org.postgresql.")) {
      return POSTGRESQL;
    }
    if (name.startsWith("org.h2.")) {
      return H2;
    }
    return GENERIC;
  }

  byte code() {
    return (byte) ordinal();
  }

  static Profile ofCode(int code) {
    Profile[] all = values();
    return code >= 0 && code < all.length ? all[code] : null;
  }
}
