package dev.jdbccache.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lexer pass: statement split and normalized text. */
class SqlTextTest {

    private static String normalized(String sql) {
        return SqlText.of(sql, SqlDialect.POSTGRESQL).normalized();
    }

    @Test
    void whitespaceOutsideLiteralsCollapsesToOneSpace() {
        assertEquals("select a, b from t where x = 1", normalized("  select a,\n\t b   from t\r\n where x = 1  "));
    }

    @Test
    void commentsAreRemoved() {
        assertEquals("select a from t where x = 1",
                normalized("/* leading */ select a -- trailing\n from t /* inner */ where x = 1"));
        assertEquals("select 1 from t", normalized("select 1/*x*/from t"));
    }

    @Test
    void nestedCommentsAreRemovedWhole() {
        assertEquals("select 1", normalized("select 1 /* a /* b */ c */"));
    }

    @Test
    void literalsAndQuotedIdentifiersAreUntouched() {
        String sql = "select '  two  spaces  ', E'a\\'  b', $$ x  -- y $$, \"Odd   Name\" from t";
        assertEquals(sql, normalized(sql));
        assertEquals("select 'it''s  --not a comment' from t", normalized("select   'it''s  --not a comment'  from t"));
    }

    @Test
    void hintCommentsAreKept() {
        assertEquals("/* cache:ttl=30s */ select * from t", normalized("/* cache:ttl=30s */\n  select *\n from t"));
        assertEquals("select * from t /* cache:off */", normalized("select * from t -- cache:off"));
        assertEquals("/* cache:off */ select 1", normalized("-- cache:off\nselect 1"));
    }

    @Test
    void keywordsKeepTheirCase() {
        assertEquals("SELECT * FROM T", normalized("SELECT  *  FROM  T"));
    }

    @Test
    void statementsSplitOnTopLevelSemicolonsOnly() {
        assertEquals(1, SqlText.of("select ';' from t;", SqlDialect.POSTGRESQL).statements().size());
        assertEquals(1, SqlText.of("select 1 /* ; */ ;;", SqlDialect.POSTGRESQL).statements().size());
        assertEquals(2, SqlText.of("select 1; select 2", SqlDialect.POSTGRESQL).statements().size());
        assertEquals(1, SqlText.of("select $a$ ; $a$", SqlDialect.POSTGRESQL).statements().size());
        assertEquals(1, SqlText.of("select \"a;b\" from `c;d`", SqlDialect.MYSQL).statements().size());
        assertEquals(0, SqlText.of("  ;  ; -- x", SqlDialect.POSTGRESQL).statements().size());
    }

    @Test
    void mysqlBackslashEscapesDoNotEndAString() {
        assertEquals(1, SqlText.of("select 'a\\'; b' from t", SqlDialect.MYSQL).statements().size());
        // In PostgreSQL a backslash is an ordinary character of a standard string.
        assertEquals(2, SqlText.of("select 'a\\'; select 2", SqlDialect.POSTGRESQL).statements().size());
    }

    @Test
    void unterminatedTextIsFlagged() {
        assertTrue(SqlText.of("select 'abc", SqlDialect.POSTGRESQL).unterminated());
        assertTrue(SqlText.of("select 1 /* x", SqlDialect.POSTGRESQL).unterminated());
        assertTrue(SqlText.of("select $x$ abc", SqlDialect.POSTGRESQL).unterminated());
    }

    @Test
    void parserTextRewritesStringsTheParserCannotRead() {
        SqlText.Piece piece = SqlText.of("select E'a\\'b', $$c'd$$ from t -- x", SqlDialect.POSTGRESQL)
                .statements().get(0);
        assertEquals("select 'ab', 'cd' from t", piece.parserText());
    }
}
