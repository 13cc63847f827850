package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

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
}
