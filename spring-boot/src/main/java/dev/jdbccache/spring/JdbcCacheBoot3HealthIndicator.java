package dev.jdbccache.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code jdbcCache} health of Spring Boot 3 (its actuator's API): see {@link CacheHealth}. */
public final class JdbcCacheBoot3HealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        return Health.up().withDetails(CacheHealth.now().details()).build();
    }
}
