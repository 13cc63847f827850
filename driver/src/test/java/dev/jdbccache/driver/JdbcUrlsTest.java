package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.config.ConfigEntry;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void cacheKeysInTheQueryOrInSemicolonSegments_areTakenOutOfTheUrl() throws Exception {
        JdbcUrls.UrlSettings pg = JdbcUrls.split(
                "jdbc:postgresql://h/db?user=u&cache.ttl=30s&ssl=true&cache.include=select%20x");
        assertEquals("jdbc:postgresql://h/db?user=u&ssl=true", pg.url());
        assertEquals("30s", pg.settings().getProperty("cache.ttl"));
        assertEquals("select x", pg.settings().getProperty("cache.include"), "query values are %-decoded");
        assertEquals("jdbc:postgresql://h/db", JdbcUrls.split("jdbc:postgresql://h/db?cache.store=redis").url());
        JdbcUrls.UrlSettings h2 = JdbcUrls.split("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;cache.ttl=0;MODE=PostgreSQL");
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;MODE=PostgreSQL", h2.url());
        assertEquals("0", h2.settings().getProperty("cache.ttl"));
        String untouched = "jdbc:postgresql://h/db?user=u&cachename=x";
        assertEquals(untouched, JdbcUrls.split(untouched).url());
        assertTrue(JdbcUrls.split(untouched).settings().isEmpty());
        SQLException malformed = assertThrows(SQLException.class,
                () -> JdbcUrls.split("jdbc:postgresql://h/db?cache.include=%zz"));
        assertTrue(malformed.getMessage().contains("cache.include"), malformed.getMessage());
    }

    @Test
    void prefixIsStrippedOnceFromTheStart() {
        assertEquals("jdbc:postgresql://h/db", JdbcUrls.delegateUrl("jdbc:cache:postgresql://h/db"));
        assertEquals("jdbc:h2:mem:jdbc:cache:x", JdbcUrls.delegateUrl("jdbc:cache:h2:mem:jdbc:cache:x"));
    }

    @Test
    void passwordsAreMaskedInEveryPlaceAUrlCarriesThem() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=****&ssl=true",
                JdbcUrls.mask("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=****", JdbcUrls.mask("jdbc:h2:mem:x;USER=sa;PASSWORD=pw"));
        assertEquals("jdbc:mysql://u:****@h:3306/db", JdbcUrls.mask("jdbc:mysql://u:pw@h:3306/db"));
        assertEquals("jdbc:postgresql://h/db?sslpassword=****", JdbcUrls.mask("jdbc:postgresql://h/db?sslpassword=k"));
        assertEquals("jdbc:postgresql://h/db", JdbcUrls.mask("jdbc:postgresql://h/db"));
    }

    @Test
    void passwordsHoldingSeparatorsAreMaskedWhole() {
        for (String password : new String[] {"a/b", "a?b", "a;b", "a@b", "p/w?x;y@z", "@/?;"}) {
            String query = JdbcUrls.mask("jdbc:postgresql://h/db?user=u&password=" + password + "&ssl=true");
            assertEquals("jdbc:postgresql://h/db?user=u&password=****&ssl=true", query, password);
            String userInfo = JdbcUrls.mask("jdbc:mysql://u:" + password + "@h:3306/db?user=a@b.c");
            assertEquals("jdbc:mysql://u:****@h:3306/db?user=a@b.c", userInfo, password);
            String redis = ConfigEntry.maskUserInfo("redis://u:" + password + "@h:6379/0");
            assertEquals("redis://****@h:6379/0", redis, password);
        }
        assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=****;MODE=PostgreSQL",
                JdbcUrls.mask("jdbc:h2:mem:x;USER=sa;PASSWORD=a?b/c@d;MODE=PostgreSQL"));
        assertEquals("jdbc:mysql://u@h/db", JdbcUrls.mask("jdbc:mysql://u@h/db"), "a user alone is no secret");
    }

    @Test
    void twoUrlsThatMaskAlike_areTwoDatabases() {
        String one = ConnectionWrapping.databaseIdentity("jdbc:mysql://u:pw@h1/db", "u");
        String other = ConnectionWrapping.databaseIdentity("jdbc:mysql://u:other@h1/db", "u");
        assertTrue(one.startsWith("jdbc:mysql://u:****@h1/db|"));
        assertFalse(one.contains("pw@"));
        assertNotEquals(one, other);
        assertEquals(one, ConnectionWrapping.databaseIdentity("jdbc:mysql://u:pw@h1/db", "u"));
    }
}
