package dev.jdbccache.driver.config;

/**
 * One {@code key=value} with where it came from, so that an error can name the file and line.
 *
 * @param origin e.g. {@code connection properties} or {@code file /etc/app/jdbc-cache.properties line 12}
 */
public record ConfigEntry(String key, String value, String origin) {

    /** The value for messages: masked when the key holds a secret, and so is a URL's user information. */
    public String displayValue() {
        return isSecret(key) ? Secrets.MASK : maskUserInfo(value);
    }

    /** {@code redis://user:pw@host:6379/0} becomes {@code redis://****@host:6379/0}; other text is returned as is. */
    public static String maskUserInfo(String text) {
        return Secrets.maskUserInfo(text, false);
    }

    static boolean isSecret(String key) {
        return Secrets.isSecretKey(key);
    }
}
