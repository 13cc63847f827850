package dev.jdbccache.spring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Boot derives {@code spring.datasource.driver-class-name} from the URL and does not know the
 * {@code jdbc:cache:} prefix, so it would refuse to start ("Failed to determine a suitable driver
 * class"). When the URL is a {@code jdbc:cache:} one and no driver class is set, this names
 * jdbc-cache's, with the lowest precedence: the URL stays the application's only change.
 * Registered under the interface of Boot 3 ({@code org.springframework.boot.env}), which Boot 4
 * still loads.
 */
@SuppressWarnings("deprecation") // Boot 4 deprecates the Boot 3 interface that both generations load
public final class CacheDriverClassEnvironment implements org.springframework.boot.env.EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final String DRIVER_CLASS = "spring.datasource.driver-class-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url != null && url.startsWith("jdbc:cache:") && environment.getProperty(DRIVER_CLASS) == null) {
            environment.getPropertySources().addLast(new MapPropertySource("jdbcCacheDriverClass",
                    Map.of(DRIVER_CLASS, "dev.jdbccache.driver.CacheDriver")));
        }
    }
}
