package dev.jdbccache.it.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDriver;
import dev.jdbccache.it.support.ChildJvm;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real driver in a class loader of its own, as in a web application's {@code WEB-INF/lib},
 * a plugin loader or a pool's {@code driverClassName} in a child loader: a child JVM runs with
 * jdbc-cache on its class path but pgjdbc only in a loader it creates. DriverManager lists only
 * the drivers jdbc-cache's loader can see, so the driver must find pgjdbc through the thread's
 * context class loader, or by the class {@code cache.delegate-driver} names.
 */
class IsolatedClassLoaderTest {

    static final String PG = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @Test
    void aDriverInTheContextClassLoaderOnly_isFound_byServiceLoaderOrByName() throws Exception {
        String pgjdbc = ChildJvm.artifactOnTestClassPath("org.postgresql");
        List<String> classPath = ChildJvm.testClassPath(entry -> !entry.equals(pgjdbc));
        String output = ChildJvm.run(classPath, Program.class, pgjdbc, PG);
        assertTrue(output.contains("without the loader: accepts=false"), output);
        assertTrue(output.contains("without the loader, by name: 08001 cache.delegate-driver=org.postgresql.Driver: no such class"), output);
        assertTrue(output.contains("context loader: accepts=true, select 1 = 1"), output);
        assertTrue(output.contains("by name: select 1 = 1"), output);
    }

    /** The child: pgjdbc only in a URLClassLoader, set as the thread's context class loader. */
    public static final class Program {
        public static void main(String[] args) throws Exception {
            String url = "jdbc:cache:" + args[1].substring("jdbc:".length());
            CacheDriver driver = new CacheDriver();
            System.out.println("without the loader: accepts=" + driver.acceptsURL(url));
            try {
                DriverManager.getConnection(url + "&cache.delegate-driver=org.postgresql.Driver").close();
            } catch (SQLException e) {
                System.out.println("without the loader, by name: " + e.getSQLState() + " " + e.getMessage());
            }
            try (URLClassLoader webapp = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                    Program.class.getClassLoader())) {
                Thread.currentThread().setContextClassLoader(webapp);
                System.out.println("context loader: accepts=" + driver.acceptsURL(url) + ", select 1 = " + selectOne(url));
                System.out.println("by name: select 1 = " + selectOne(url + "&cache.name=by-name&cache.delegate-driver=org.postgresql.Driver"));
            }
        }

        private static int selectOne(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
