package dev.jdbccache.driver.result;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The SQLExceptions a cached result set throws, with the SQLStates the real drivers use. */
final class SqlErrors {
  static final String NUMERIC_OUT_OF_RANGE = "22003";
  static final String DATETIME_FORMAT = "22007";
  static final String DATA_CONVERSION = "22018";
  static final String INVALID_PARAMETER_TYPE = "22023";
  static final String DATA_TYPE_MISMATCH = "42821";
  static final String CANNOT_COERCE = "42846";
  static final String INVALID_CURSOR_STATE = "24000";
  static final String NOT_SUPPORTED = "0A000";

  private SqlErrors() {}

  static SQLException of(String sqlState, String message) {
    return new SQLException(message, sqlState);
  }

  static SQLException conversion(ColumnInfo c, String target) {
    return of(DATA_CONVERSION, "Data conversion error converting " + describe(c) + " to " + target);
  }

  static SQLException readOnly() {
    return new SQLFeatureNotSupportedException("result set is read-only (CONCUR_READ_ONLY)",
        NOT_SUPPORTED);
  }

  static String describe(ColumnInfo c) {
    return c.columnTypeName().isEmpty() ? "column " + c.columnLabel() : c.columnTypeName();
  }
}
