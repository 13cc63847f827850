package dev.jdbccache.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jdbc-cache in a Spring Boot 3.x or 4.x application: its Micrometer meters when Micrometer is
 * there, and a {@code jdbcCache} health indicator when Boot's health API is (Boot 4's
 * {@code spring-boot-health}, or Boot 3's actuator). Each part is off with
 * {@code jdbc-cache.metrics.enabled=false} / {@code management.health.jdbc-cache.enabled=false},
 * and gives way to a bean of the same kind the application defines.
 */
@AutoConfiguration
public class JdbcCacheAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    @ConditionalOnProperty(name = "jdbc-cache.metrics.enabled", matchIfMissing = true)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        JdbcCacheMeterBinder jdbcCacheMeterBinder() {
            return new JdbcCacheMeterBinder();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(name = "management.health.jdbc-cache.enabled", matchIfMissing = true)
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "jdbcCacheHealthIndicator")
        JdbcCacheHealthIndicator jdbcCacheHealthIndicator() {
            return new JdbcCacheHealthIndicator();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(name = "management.health.jdbc-cache.enabled", matchIfMissing = true)
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "jdbcCacheHealthIndicator")
        JdbcCacheBoot3HealthIndicator jdbcCacheHealthIndicator() {
            return new JdbcCacheBoot3HealthIndicator();
        }
    }
}
