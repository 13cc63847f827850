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
  GENERIC,
  /**
   * MariaDB Connector/J: never recorded (see {@link #hitsEmulated}). Its getters convert by
   * rules of their own that are irregular at the edges ({@code getInt("12.5")} is 12 but
   * {@code getLong("12.5")} throws; {@code getBoolean("false")} is true; every error has its own
   * message and no SQLState), so the PostgreSQL rules would answer hits differently from it.
   */
  MARIADB,
  /**
   * MySQL Connector/J: never recorded either. Untested here (no MySQL server), but its getters
   * follow MySQL's own conversion rules, of the same family as MariaDB's: a correct miss until a
   * differential run shows otherwise.
   */
  MYSQL;

  static Profile of(ResultSet rs) {
    String name = rs.getClass().getName();
    if (name.startsWith("org.postgresql.")) {
      return POSTGRESQL;
    }
    if (name.startsWith("org.h2.")) {
      return H2;
    }
    if (name.startsWith("org.mariadb.jdbc.")) {
      return MARIADB;
    }
    if (name.startsWith("com.mysql.")) {
      return MYSQL;
    }
    return GENERIC;
  }

  /**
   * Whether a {@link CachedResultSet} answers like this driver. When not, its results are not
   * recorded: the application reads them from the real driver every time (a correct miss rather
   * than a hit that converts differently).
   */
  boolean hitsEmulated() {
    return this != MARIADB && this != MYSQL;
  }

  byte code() {
    return (byte) ordinal();
  }

  /** The profile stored as {@code code}; null when unknown or never recorded. */
  static Profile ofCode(int code) {
    Profile[] all = values();
    Profile profile = code >= 0 && code < all.length ? all[code] : null;
    return profile != null && profile.hitsEmulated() ? profile : null;
  }
}
