package dev.jdbccache.bench.demo;

import java.util.List;
import java.util.Locale;

/** The outcome of a demo run: both targets' figures and the verdict computed from them. */
record DemoReport(DemoOptions options, TargetResult plain, TargetResult cache) {

    List<TargetResult> targets() {
        return List.of(plain, cache);
    }

    long staleReadsFound() {
        return plain.staleReadsFound() + cache.staleReadsFound();
    }

    /**
     * One sentence comparing the cached run with the plain one, for example
     * "jdbc:cache: served 93% of reads from memory (the ideal for this workload is 95%: 98% of
     * it): 8.1x the throughput, p99 read latency 12.4x lower, 0 stale reads in 120,345 checked."
     */
    String verdict() {
        double served = cache.cache().map(CacheCounts::servedFromMemory).orElse(0.0);
        double throughput = cache.throughput() / plain.throughput();
        double plainP99 = plain.readMicros(0.99);
        double cacheP99 = cache.readMicros(0.99);
        String latency = cacheP99 <= plainP99
                ? String.format(Locale.ROOT, "p99 read latency %.1fx lower", plainP99 / cacheP99)
                : String.format(Locale.ROOT, "p99 read latency %.1fx higher", cacheP99 / plainP99);
        double ideal = plain.idealHitRatio();
        return String.format(Locale.ROOT, "jdbc:cache: served %.0f%% of reads from memory (the ideal for this workload "
                        + "is %.0f%%: %.0f%% of it): %.1fx the throughput, %s, %,d stale reads in %,d checked.",
                served * 100, ideal * 100, ideal == 0 ? 0 : 100 * served / ideal, throughput, latency,
                cache.staleReadsFound(), cache.staleReadsChecked());
    }
}
