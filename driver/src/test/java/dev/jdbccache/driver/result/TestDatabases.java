package dev.jdbccache.driver.result;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The databases the result package is verified against, and helpers shared by its tests. */
enum TestDatabases {
  H2 {
    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:h2:mem:result_" + UUID.randomUUID().toString()
          .replace("-", "") + ";DB_CLOSE_DELAY=0");
    }

    @Override
    String binaryType() {
      return "varbinary(64)";
    }

    @Override
    String arrayOf(String elementType) {
      return elementType + " array";
    }
  },
  POSTGRESQL {
    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(System.getProperty("jdbccache.test.pg.url",
          "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
    }

    @Override
    String binaryType() {
      return "bytea";
    }

    @Override
    String arrayOf(String elementType) {
      return elementType + "[]";
    }
  };

  abstract Connection connect() throws SQLException;

  abstract String binaryType();

  abstract String arrayOf(String elementType);

  /** A table name no other test run uses. */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Runs {@code sql} and reads it to the end through a RecordingResultSet. */
  static Recording record(Connection c, String sql) throws SQLException {
    AtomicReference<Recording> out = new AtomicReference<>();
    try (Statement st = c.createStatement();
        ResultSet rs = new RecordingResultSet(st.executeQuery(sql), st, 100_000, 64L << 20,
            out::set)) {
      while (rs.next()) {
        // read to the end
      }
    }
    if (out.get() == null) {
      throw new AssertionError("nothing recorded for " + sql);
    }
    return out.get();
  }

  static void execute(Connection c, String... statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  static List<String> columnLabels(Recording r) {
    List<String> out = new ArrayList<>();
    for (ColumnInfo c : r.columns()) {
      out.add(c.columnLabel());
    }
    return out;
  }
}
