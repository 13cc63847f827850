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

    @Test
    void mySqlTableNames_quotedOrNot_shareOneLowerCaseKey() {
        // MySQL/MariaDB never fold table names; the case rule is the server's
        // lower_case_table_names, so every spelling of a name must invalidate the same key.
        SqlAnalyzer mysql = SqlAnalyzer.builder(SqlDialect.MYSQL).build();
        assertEquals(mysql.analyze("select * from Orders").tablesRead(),
                mysql.analyze("select * from `Orders`").tablesRead());
        assertEquals(mysql.analyze("select * from orders").tablesRead(),
                mysql.analyze("update `Orders` set x = 1").tablesWritten());
        // PostgreSQL really distinguishes "Orders" from orders
        SqlAnalyzer pg = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();
        assertEquals("Orders", pg.analyze("select * from \"Orders\"").tablesRead().iterator().next().name());
    }
}
