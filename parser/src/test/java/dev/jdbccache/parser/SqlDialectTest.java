package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void dialectFollowsTheJdbcSubprotocol() {
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.fromJdbcUrl("jdbc:postgresql://h/db"));
        assertEquals(SqlDialect.H2, SqlDialect.fromJdbcUrl("jdbc:h2:mem:x"));
        assertEquals(SqlDialect.MYSQL, SqlDialect.fromJdbcUrl("jdbc:mariadb://h/db"));
        assertEquals(SqlDialect.GENERIC, SqlDialect.fromJdbcUrl("jdbc:sqlite:x.db"));
    }

    @Test
    void unquotedIdentifiersFoldAsTheDatabaseFoldsThem() {
        assertEquals("orders", SqlDialect.POSTGRESQL.foldUnquoted("Orders"));
        assertEquals("ORDERS", SqlDialect.H2.foldUnquoted("Orders"));
    }
}
