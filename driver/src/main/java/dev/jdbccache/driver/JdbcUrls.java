package dev.jdbccache.driver;

import dev.jdbccache.driver.config.ConfigException;
import dev.jdbccache.driver.config.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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

    /**
     * A real driver's URL split into the URL the real driver gets and the {@code cache.*}
     * settings it carried: query parameters ({@code ?user=x&cache.ttl=30s}, %-decoded) and
     * {@code ;key=value} segments (H2, SQL Server style). Tools that pass only a URL (SQL consoles,
     * benchmark clients) configure the cache this way; the real driver never sees the keys.
     */
    record UrlSettings(String url, Properties settings) {
    }

    static UrlSettings split(String url) throws ConfigException {
        Properties settings = new Properties();
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? null : url.substring(query + 1);
        StringBuilder kept = new StringBuilder();
        String[] segments = head.split(";", -1);
        kept.append(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith(CACHE_KEY)) {
                put(settings, segments[i], false);
            } else {
                kept.append(';').append(segments[i]);
            }
        }
        if (tail != null) {
            List<String> params = new ArrayList<>();
            for (String param : tail.split("&", -1)) {
                if (param.startsWith(CACHE_KEY)) {
                    put(settings, param, true);
                } else {
                    params.add(param);
                }
            }
            if (!params.isEmpty()) {
                kept.append('?').append(String.join("&", params));
            }
        }
        return new UrlSettings(settings.isEmpty() ? url : kept.toString(), settings);
    }

    private static final String CACHE_KEY = "cache.";

    private static void put(Properties settings, String pair, boolean decode) throws ConfigException {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        if (decode) {
            try {
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("the URL's " + key + " has a malformed %-escape in its value");
            }
        }
        settings.setProperty(key, value);
    }

    /** The URL with every password replaced by {@code ****}: safe for logs and messages. */
    static String mask(String url) {
        if (url == null) {
            return null;
        }
        return Secrets.maskUserInfo(Secrets.maskParameters(url), true);
    }
}
