package dev.jdbccache.driver.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeCaptureStatsTest {

    @Test
    void aFallbackCountsOncePerOutageAndReason_notOncePerRetry() {
        ChangeCaptureStats stats = new ChangeCaptureStats();
        stats.fellBack("stream");
        stats.fellBack("stream"); // the consumer retries every second
        assertEquals(1, stats.fallbacks());
        stats.fellBack("slot_lost");
        assertEquals(2, stats.fallbacks());
        stats.state(ChangeCaptureStats.State.STREAMING);
        stats.fellBack("slot_lost"); // a new outage
        assertEquals(3, stats.fallbacks());
        assertEquals("slot_lost", stats.lastFallback());
    }

    @Test
    void theSnapshot_namesEveryNumber_withTheLargestLagAndTagSetKept() {
        ChangeCaptureStats stats = new ChangeCaptureStats();
        stats.applied(10, 12, 40);
        stats.applied(1, 2, 5);
        Map<String, Object> m = new LinkedHashMap<>();
        stats.putInto(m);
        assertEquals("off", m.get("change_capture.state"));
        assertEquals(2L, m.get("change_capture.transactions"));
        assertEquals(11L, m.get("change_capture.row_changes"));
        assertEquals(5L, m.get("change_capture.lag_millis"));
        assertEquals(40L, m.get("change_capture.max_lag_millis"));
        assertEquals(12L, m.get("change_capture.largest_tag_set"));
    }
}
