package dev.jdbccache.driver.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .properties} text keeping the line each entry starts on, which
 * {@link java.util.Properties} forgets. Understands {@code #} and {@code !} comments,
 * {@code key=value}, {@code key: value} and {@code key value}, backslash continuation lines and
 * the escapes tab, newline, return, form-feed, backslash and unicode ("backslash u" plus four hex digits).
 */
final class PropertiesFileReader {

    private PropertiesFileReader() {
    }

    static List<ConfigEntry> read(Reader reader, String sourceName) throws IOException, ConfigException {
        List<ConfigEntry> entries = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            int startLine = lineNumber;
            String logical = stripLeading(line);
            if (logical.isEmpty() || logical.charAt(0) == '#' || logical.charAt(0) == '!') {
                continue;
            }
            while (endsWithContinuation(logical)) {
                String next = lines.readLine();
                logical = logical.substring(0, logical.length() - 1);
                if (next == null) {
                    break;
                }
                lineNumber++;
                logical += stripLeading(next);
            }
            String origin = sourceName + " line " + startLine;
            entries.add(parse(logical, origin));
        }
        return entries;
    }

    private static ConfigEntry parse(String logical, String origin) throws ConfigException {
        int i = 0;
        StringBuilder key = new StringBuilder();
        while (i < logical.length()) {
            char c = logical.charAt(i);
            if (c == '\\' && i + 1 < logical.length()) {
                i = unescape(logical, i, key, origin);
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            key.append(c);
            i++;
        }
        while (i < logical.length() && Character.isWhitespace(logical.charAt(i))) {
            i++;
        }
        if (i < logical.length() && (logical.charAt(i) == '=' || logical.charAt(i) == ':')) {
            i++;
        }
        while (i < logical.length() && Character.isWhitespace(logical.charAt(i))) {
            i++;
        }
        StringBuilder value = new StringBuilder();
        while (i < logical.length()) {
            char c = logical.charAt(i);
            if (c == '\\' && i + 1 < logical.length()) {
                i = unescape(logical, i, value, origin);
                continue;
            }
            value.append(c);
            i++;
        }
        return new ConfigEntry(key.toString(), value.toString().strip(), origin);
    }

    private static int unescape(String text, int backslash, StringBuilder out, String origin) throws ConfigException {
        char c = text.charAt(backslash + 1);
        switch (c) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (backslash + 6 > text.length()) {
                    throw new ConfigException("malformed unicode escape (" + origin + ")");
                }
                try {
                    out.append((char) Integer.parseInt(text.substring(backslash + 2, backslash + 6), 16));
                } catch (NumberFormatException e) {
                    throw new ConfigException("malformed unicode escape (" + origin + ")");
                }
                return backslash + 6;
            }
            default -> out.append(c);
        }
        return backslash + 2;
    }

    private static boolean endsWithContinuation(String text) {
        int backslashes = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripLeading(String text) {
        return text.stripLeading();
    }
}
