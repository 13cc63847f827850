package dev.jdbccache.driver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, from the build's metadata (never a literal in code). */
final class DriverVersion {

    static final String VERSION;
    static final int MAJOR;
    static final int MINOR;

    static {
        String version = "0.0.0";
        try (InputStream in = DriverVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version", version);
            }
        } catch (IOException e) {
            // keep 0.0.0: a version number must never stop the driver from loading
        }
        VERSION = version;
        String[] parts = version.split("[.-]");
        MAJOR = parse(parts, 0);
        MINOR = parse(parts, 1);
    }

    private DriverVersion() {
    }

    private static int parse(String[] parts, int index) {
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
