package dev.jdbccache.driver.config;

import java.sql.SQLException;

/**
 * A configuration error: names the key, the value and where it came from. SQLState {@code 22023}
 * (invalid parameter value), so that {@code connect} and {@code getConnection} fail with it.
 */
public final class ConfigException extends SQLException {
    private static final long serialVersionUID = 1L;

    /** SQLState of every configuration error. */
    public static final String SQL_STATE = "22023";

    public ConfigException(String message) {
        super("jdbc-cache configuration: " + message, SQL_STATE);
    }

    public ConfigException(String message, Throwable cause) {
        super("jdbc-cache configuration: " + message, SQL_STATE, cause);
    }

    ConfigException(ConfigEntry entry, String problem) {
        this(entry.key() + "=" + entry.displayValue() + " (" + entry.origin() + ") " + problem);
    }
}
