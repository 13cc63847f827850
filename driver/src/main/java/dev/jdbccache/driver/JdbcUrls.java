package dev.jdbccache.driver;

import dev.jdbccache.driver.config.Secrets;

/** Our URL prefix, and URLs made safe to print. */
final class JdbcUrls {

    /** The prefix of every URL this driver accepts. */
    static final String PREFIX = "jdbc:cache:";

    private JdbcUrls() {
    }

    static boolean isOurs(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** {@code jdbc:cache:postgresql://h/db} becomes {@code jdbc:postgresql://h/db}. */
    static String delegateUrl(String url) {
        return "jdbc:" + url.substring(PREFIX.length());
    }

    /** The URL with every password replaced by {@code ****}: safe for logs and messages. */
    static String mask(String url) {
        if (url == null) {
            return null;
        }
        return Secrets.maskUserInfo(Secrets.maskParameters(url), true);
    }
}
