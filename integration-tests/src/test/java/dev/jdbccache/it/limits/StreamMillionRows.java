package dev.jdbccache.it.limits;

import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run in a JVM with a small heap: streams a million rows from PostgreSQL through jdbc:cache:
 * with a fetch size (cursor-based fetching), reads every row, and prints what the cache did.
 * Exit code 0 and {@code rows=1000000 stores=0} on success.
 */
public final class StreamMillionRows {

    private StreamMillionRows() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties p = new Properties();
        p.setProperty("cache.name", "stream-million");
        try (Connection c = DriverManager.getConnection("jdbc:cache:" + url.substring("jdbc:".length()), p)) {
            c.setAutoCommit(false); // pgjdbc fetches with a cursor only inside a transaction
            long rows = 0;
            long checksum = 0;
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery(
                        "select g, md5(g::text) as digest, repeat('x', 40) as pad from generate_series(1, 1000000) g")) {
                    while (rs.next()) {
                        rows++;
                        checksum += rs.getLong(1) + rs.getString(2).length() + rs.getString(3).length();
                    }
                }
            }
            c.commit();
            CacheStats stats = c.unwrap(CachingConnection.class).runtime().stats();
            System.out.println("rows=" + rows + " checksum=" + checksum + " misses=" + stats.misses() + " stores=" + stats.stores()
                    + " maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
        }
    }
}
