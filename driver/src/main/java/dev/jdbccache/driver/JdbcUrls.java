package dev.jdbccache.driver;

import java.util.regex.Pattern;

/** Our URL prefix, and URLs made safe to print. */
final class JdbcUrls {

    /** The prefix of every URL this driver accepts. */
    static final String PREFIX = "jdbc:cache:";

    // password=..., sslpassword=..., PASSWORD=... in query strings (&) and property lists (;)
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;]\\s*[a-z_.-]*(?:password|passwd|pwd|secret)[a-z_.-]*\\s*=)[^&;]*");
    // scheme://user:password@host
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^/@?;]*@");

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
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }
}
