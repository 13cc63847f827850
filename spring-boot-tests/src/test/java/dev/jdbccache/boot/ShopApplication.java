package dev.jdbccache.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application under test: Data JPA over HikariCP, actuator, Spring MVC; nothing of jdbc-cache but its URL. */
@SpringBootApplication
public class ShopApplication {
}
