package dev.jdbccache.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code jdbcCache} health of Spring Boot 4 (its {@code spring-boot-health} API): see {@link CacheHealth}. */
public final class JdbcCacheHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        return Health.up().withDetails(CacheHealth.now().details()).build();
    }
}
