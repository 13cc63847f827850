package dev.jdbccache.driver.config;

/**
 * One {@code key=value} with where it came from, so that an error can name the file and line.
 *
 * @param origin e.g. {@code connection properties} or {@code file /etc/app/jdbc-cache.properties line 12}
 */
public record ConfigEntry(String key, String value, String origin) {

    /** The value for messages: masked when the key holds a secret. */
    public String displayValue() {
        return isSecret(key) ? "****" : value;
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("hmac");
    }
}
