package dev.jdbccache.driver.result;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Objects;

/**
 * An {@link SQLException} the real driver threw while a result was recorded (a metadata method
 * that fails for a column), kept so that a hit throws an equivalent one: the same standard
 * {@code java.sql} class (the driver's own subclass cannot be rebuilt), message, SQLState and
 * vendor code. Immutable.
 *
 * @param kind the simple name of the nearest {@code java.sql} class of the original exception
 */
record RecordedError(String kind, String message, String sqlState, int vendorCode) {

  RecordedError {
    Objects.requireNonNull(kind);
  }

  static RecordedError of(SQLException e) {
    Class<?> c = e.getClass();
    while (!c.getName().startsWith("java.sql.")) {
      c = c.getSuperclass();
    }
    return new RecordedError(c.getSimpleName(), e.getMessage(), e.getSQLState(), e.getErrorCode());
  }

  /** A fresh exception equivalent to the recorded one. */
  SQLException toException() {
    switch (kind) {
      case "SQLDataException":
        return new SQLDataException(message, sqlState, vendorCode);
      case "SQLFeatureNotSupportedException":
        return new SQLFeatureNotSupportedException(message, sqlState, vendorCode);
      case "SQLIntegrityConstraintViolationException":
        return new SQLIntegrityConstraintViolationException(message, sqlState, vendorCode);
      case "SQLInvalidAuthorizationSpecException":
        return new SQLInvalidAuthorizationSpecException(message, sqlState, vendorCode);
      case "SQLNonTransientConnectionException":
        return new SQLNonTransientConnectionException(message, sqlState, vendorCode);
      case "SQLNonTransientException":
        return new SQLNonTransientException(message, sqlState, vendorCode);
      case "SQLSyntaxErrorException":
        return new SQLSyntaxErrorException(message, sqlState, vendorCode);
      case "SQLRecoverableException":
        return new SQLRecoverableException(message, sqlState, vendorCode);
      case "SQLTimeoutException":
        return new SQLTimeoutException(message, sqlState, vendorCode);
      case "SQLTransactionRollbackException":
        return new SQLTransactionRollbackException(message, sqlState, vendorCode);
      case "SQLTransientConnectionException":
        return new SQLTransientConnectionException(message, sqlState, vendorCode);
      case "SQLTransientException":
        return new SQLTransientException(message, sqlState, vendorCode);
      default:
        return new SQLException(message, sqlState, vendorCode);
    }
  }
}
