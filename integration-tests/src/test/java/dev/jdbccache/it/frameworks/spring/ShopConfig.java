package dev.jdbccache.it.frameworks.spring;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** Plain Spring (no Boot): the {@code DataSource} bean is the application's HikariCP pool. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
public class ShopConfig {

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    NamedParameterJdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    @Bean
    OrderService orderService(NamedParameterJdbcTemplate jdbcTemplate) {
        return new OrderService(jdbcTemplate);
    }
}
