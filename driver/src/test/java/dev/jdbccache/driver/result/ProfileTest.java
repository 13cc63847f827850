package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void storedCodes_neverChange() {
        // The code is part of every stored recording (local and Redis): appending only.
        assertEquals(0, Profile.POSTGRESQL.code());
        assertEquals(1, Profile.H2.code());
        assertEquals(2, Profile.GENERIC.code());
        assertEquals(3, Profile.MARIADB.code());
        assertEquals(4, Profile.MYSQL.code());
    }

    @Test
    void mariaDb_isNeverEmulatedSoNoRecordingOfItIsRead() {
        assertFalse(Profile.MARIADB.hitsEmulated());
        assertFalse(Profile.MYSQL.hitsEmulated());
        assertTrue(Profile.POSTGRESQL.hitsEmulated() && Profile.H2.hitsEmulated()
                && Profile.GENERIC.hitsEmulated());
        assertNull(Profile.ofCode(Profile.MARIADB.code()));
        assertEquals(Profile.GENERIC, Profile.ofCode(Profile.GENERIC.code()));
        assertThrows(IllegalArgumentException.class,
                () -> ValueConversions.of(Profile.MARIADB, null));
    }
}
