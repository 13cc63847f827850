package dev.jdbccache.bench.demo;

import java.util.List;
import java.util.Optional;

/**
 * The figures of one target's measured run.
 *
 * @param cache the driver's counters over the measured interval; empty for the plain URL
 * @param staleReadsChecked product reads checked against the version model (warm-up included)
 * @param idealHitRatio the share of the measured reads whose key was read before with the same
 *     result ({@link IdealHits}): the ceiling of any cache's hit ratio on this run
 */
record TargetResult(String target, String url, LoadPhase.Result measured, Optional<CacheCounts> cache,
                    long staleReadsChecked, long staleReadsFound, double idealHitRatio) {

    /** The percentiles reported and charted, as quantiles and as labels. */
    static final List<Double> QUANTILES = List.of(0.50, 0.90, 0.99, 0.999);
    static final List<String> QUANTILE_LABELS = List.of("p50", "p90", "p99", "p99.9");

    double throughput() {
        return measured.operations() / measured.seconds();
    }

    double readMicros(double quantile) {
        return measured.readLatency().valueAt(quantile) / 1_000.0;
    }
}
