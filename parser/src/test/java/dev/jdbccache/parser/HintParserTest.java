package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of hint, read through the whole analyzer. */
class HintParserTest {

    private static CacheHint hint(String sql) {
        return SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build().analyze(sql).hint();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/* cache:off */ select 1",
        "/*cache:off*/select 1",
        "/* CACHE:OFF */ select 1",
        "/* cache : off */ select 1",
        "-- cache:off\nselect 1",
        "select 1 -- cache:off",
        "select /* cache:off */ 1",
        "/* Customer#findAll, cache:off */ select 1",
    })
    void cacheOff(String sql) {
        assertTrue(hint(sql).off(), sql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/* cache:ttl=30s */ select 1|PT30S",
        "/*cache: ttl = 30s*/ select 1|PT30S",
        "/* CACHE:TTL=30S */ select 1|PT30S",
        "/* cache:ttl=500ms */ select 1|PT0.5S",
        "/* cache:ttl=5m */ select 1|PT5M",
        "/* cache:ttl=2h */ select 1|PT2H",
        "/* cache:ttl=1d */ select 1|PT24H",
        "select 1 -- cache:ttl=10s|PT10S",
        "/* cache:ttl=abc */ /* cache:ttl=7s */ select 1|PT7S",
    })
    void cacheTtl(String sql, String expected) {
        assertEquals(Duration.parse(expected), hint(sql).ttl(), sql);
        assertFalse(hint(sql).off());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/* cache:ttl=abc */ select 1",
        "/* cache:ttl=30 */ select 1",
        "/* cache:ttl=0s */ select 1",
        "/* cache:ttl=-5s */ select 1",
        "/* cache:ttl=1.5s */ select 1",
        "/* cache:ttl=99999999999s */ select 1",
        "/* cache:ttl= */ select 1",
        "select '/* cache:ttl=30s */'",
        "select '-- cache:off'",
        "/* nocache:off */ select 1",
        "/* mycache:ttl=5s */ select 1",
        "select 1",
    })
    void noHint(String sql) {
        CacheHint h = hint(sql);
        assertNull(h.ttl(), sql);
        assertFalse(h.off(), sql);
    }
}
