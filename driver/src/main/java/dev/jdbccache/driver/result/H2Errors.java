package dev.jdbccache.driver.result;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;

/**
 * The exceptions H2 throws from result set getters, rebuilt for a cached result: H2's vendor
 * code, its SQLState, the {@code java.sql} class H2's own exception class extends, and H2's
 * message, whose parameters are double-quoted and which ends in {@code " [code-build]"}.
 *
 * <p>The build number is that of the H2 driver that produced the recording (the third part of
 * its driver version, {@code 252} in {@code "2.5.252 (2026-09-23)"}); without one the suffix is
 * left out. Immutable and thread-safe.
 */
final class H2Errors {
  static final int NO_DATA_AVAILABLE = 2000;
  static final int NUMERIC_VALUE_OUT_OF_RANGE = 22003;
  static final int INVALID_DATETIME_CONSTANT = 22007;
  static final int DATA_CONVERSION_ERROR = 22018;
  static final int COLUMN_NOT_FOUND = 42122;
  static final int FEATURE_NOT_SUPPORTED = 50100;
  static final int OBJECT_CLOSED = 90007;
  static final int INVALID_VALUE = 90008;
  static final int DESERIALIZATION_FAILED = 90027;

  private final String build;

  private H2Errors(String build) {
    this.build = build;
  }

  private static final java.util.Map<String, H2Errors> BY_VERSION = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The errors of the H2 driver whose {@code getDriverVersion()} is {@code driverVersion}; one
   * shared instance per version (every cache hit of an H2 recording asks for it).
   */
  static H2Errors forDriverVersion(String driverVersion) {
    String version = driverVersion == null ? "" : driverVersion;
    return BY_VERSION.computeIfAbsent(version, v -> new H2Errors(buildOf(v)));
  }

  static String buildOf(String driverVersion) {
    if (driverVersion == null) {
      return "";
    }
    String[] parts = driverVersion.trim().split("[ .]");
    return parts.length >= 3 && !parts[2].isEmpty() && parts[2].chars().allMatch(Character::isDigit)
        ? parts[2] : "";
  }

  /** H2's message {@code template} with each {@code {n}} replaced by its quoted parameter. */
  SQLException get(int code, String template, String... params) {
    String message = template;
    for (int i = 0; i < params.length; i++) {
      message = message.replace("{" + i + "}", quote(params[i]));
    }
    if (!build.isEmpty()) {
      message = message + " [" + code + "-" + build + "]";
    }
    return create(message, sqlState(code), code);
  }

  SQLException noData() {
    return get(NO_DATA_AVAILABLE, "No data is available");
  }

  SQLException closed() {
    return get(OBJECT_CLOSED, "The object is already closed");
  }

  SQLException invalidValue(String parameter, Object value) {
    return get(INVALID_VALUE, "Invalid value {0} for parameter {1}", String.valueOf(value),
        parameter);
  }

  SQLException columnNotFound(String label) {
    return get(COLUMN_NOT_FOUND, "Column {0} not found", label);
  }

  /** A value of {@code sourceType} (H2's type name) cannot become {@code targetType}. */
  SQLException conversion(String sourceType, String targetType) {
    return get(DATA_CONVERSION_ERROR, "Data conversion error converting {0}",
        sourceType + " to " + targetType);
  }

  /** A string that does not parse as the target type. */
  SQLException cannotConvert(String value) {
    return get(DATA_CONVERSION_ERROR, "Data conversion error converting {0}", value);
  }

  SQLException outOfRange(String value) {
    return get(NUMERIC_VALUE_OUT_OF_RANGE, "Numeric value out of range: {0}", value);
  }

  SQLException cannotParse(String type, String value) {
    return get(INVALID_DATETIME_CONSTANT, "Cannot parse {0} constant {1}", type, value);
  }

  SQLException featureNotSupported(String what) {
    return get(FEATURE_NOT_SUPPORTED, "Feature not supported: {0}", what);
  }

  /** H2 quotes a non-empty parameter like an identifier, doubling inner quotes. */
  private static String quote(String s) {
    return s == null || s.isEmpty() ? String.valueOf(s) : '"' + s.replace("\"", "\"\"") + '"';
  }

  /** H2's ErrorCode.getState for the codes used here; others are the zero-padded code. */
  static String sqlState(int code) {
    switch (code) {
      case COLUMN_NOT_FOUND:
        return "42S22";
      case 50004:
        return "HY004";
      case FEATURE_NOT_SUPPORTED:
        return "HYC00";
      default:
        return String.format("%05d", code);
    }
  }

  /** The java.sql class H2's exception for {@code code} extends (H2's DbException rules). */
  static SQLException create(String message, String state, int code) {
    switch (code / 1000) {
      case 2:
        return new SQLNonTransientException(message, state, code);
      case 7:
      case 21:
      case 42:
      case 54:
        return new SQLSyntaxErrorException(message, state, code);
      case 22:
        return new SQLDataException(message, state, code);
      default:
        break;
    }
    switch (code) {
      case FEATURE_NOT_SUPPORTED:
        return new SQLFeatureNotSupportedException(message, state, code);
      case INVALID_VALUE:
      case DESERIALIZATION_FAILED:
        return new SQLDataException(message, state, code);
      case OBJECT_CLOSED:
      case 50004:
        return new SQLNonTransientException(message, state, code);
      default:
        return new SQLException(message, state, code);
    }
  }
}
