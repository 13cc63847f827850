package dev.jdbccache.driver.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords out of URLs and settings, for logs and messages. Passwords may hold any character
 * ({@code / ? ; @ =} included): where a password ends is decided from what must follow it, and
 * when that is ambiguous more is masked, never less.
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "****";

    // password=, sslpassword=, PASSWORD=, pwd=, secret= after ? & or ;
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;])\\s*[a-z_.-]*(?:password|passwd|pwd|secret)[a-z_.-]*\\s*=");

    private Secrets() {
    }

    /** True when a setting named {@code key} holds a secret. */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("hmac");
    }

    /**
     * {@code text} with the values of password parameters masked: in a query string
     * ({@code ?a=1&password=...}) a value ends at the next {@code &}, in a property list
     * ({@code ;PASSWORD=...;}) at the next {@code ;}.
     */
    public static String maskParameters(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SECRET_PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            char end = m.group(1).charAt(0) == ';' ? ';' : '&';
            int valueEnd = text.indexOf(end, m.end());
            valueEnd = valueEnd < 0 ? text.length() : valueEnd;
            out.append(text, copied, m.end()).append(MASK);
            copied = valueEnd;
            from = valueEnd;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * {@code scheme://user:password@host/...} with the password masked ({@code keepUser}) or the
     * whole user information. The user information ends at the last {@code @} not preceded by a
     * query's {@code =} (a password may hold {@code @} or {@code ?}, a query {@code user=a@b}).
     * Text without user information is returned as is.
     */
    public static String maskUserInfo(String text, boolean keepUser) {
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return text;
        }
        int start = scheme + 3;
        int firstAt = text.indexOf('@', start);
        if (firstAt < 0) {
            return text;
        }
        int colon = text.indexOf(':', start);
        boolean hasPassword = colon >= 0 && colon < firstAt;
        if (keepUser && !hasPassword) {
            return text;
        }
        int at = userInfoEnd(text, start, firstAt);
        int secretStart = keepUser ? colon + 1 : start;
        return text.substring(0, secretStart) + MASK + text.substring(at);
    }

    private static int userInfoEnd(String text, int start, int firstAt) {
        int candidate = text.lastIndexOf('@');
        while (candidate > firstAt && text.substring(start, candidate).indexOf('=') >= 0) {
            candidate = text.lastIndexOf('@', candidate - 1);
        }
        // only the query holds '=' before every later '@': the user information ends at the first one
        return candidate < firstAt ? firstAt : candidate;
    }
}
