package dev.jdbccache.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.parser.SessionChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    private final SessionState state = new SessionState();
    private String fresh;

    @BeforeEach
    void load() {
        fresh = key();
    }

    private String key() {
        if (state.needsLoad()) {
            state.load("test", "public");
        }
        return state.fingerprint();
    }

    private void set(String setting, String sql, boolean inTransaction) {
        state.settingChanged(setting, SessionChange.SET, sql, inTransaction);
    }

    @Test
    void theSameSetRepeated_keepsOneKeyAndNeverStopsCaching() {
        set("search_path", "SET search_path TO app", false);
        String once = key();
        for (int i = 0; i < 10_000; i++) {
            set("search_path", "SET search_path TO app", false);
            set("role", "SET ROLE reader", false);
        }
        set("role", "SET ROLE reader", false);
        assertFalse(state.unknown());
        assertNotEquals(fresh, once);
        state.settingChanged("role", SessionChange.RESET, "RESET ROLE", false);
        assertEquals(once, key(), "only the current value of each setting is keyed on");
    }

    @Test
    void anotherValue_isAnotherKey() {
        set("search_path", "SET search_path TO a", false);
        String a = key();
        set("search_path", "SET search_path TO b", false);
        assertNotEquals(a, key());
        set("search_path", "SET search_path TO a", false);
        assertEquals(a, key());
    }

    @Test
    void resetAndResetAll_goBackToTheDefaults() {
        set("search_path", "SET search_path TO a", false);
        state.settingChanged("search_path", SessionChange.RESET, "RESET search_path", false);
        assertEquals(fresh, key());
        set("timezone", "SET TIME ZONE 'UTC'", false);
        set("search_path", "SET search_path TO a", false);
        state.settingChanged("*", SessionChange.RESET_ALL, "RESET ALL", false);
        assertEquals(fresh, key());
    }

    @Test
    void resetAll_keepsTheSessionAuthorization() {
        set("session_authorization", "SET SESSION AUTHORIZATION alice", false);
        String alice = key();
        state.settingChanged("*", SessionChange.RESET_ALL, "RESET ALL", false);
        assertEquals(alice, key());
    }

    @Test
    void harmlessSettings_areNotKeyedOn() {
        set("application_name", "SET application_name = 'x'", false);
        set("statement_timeout", "SET statement_timeout = 5000", true);
        assertEquals(fresh, key());
        assertFalse(state.unknown());
    }

    @Test
    void setLocal_holdsUntilTheTransactionEnds() {
        state.settingChanged("app.tenant", SessionChange.SET_LOCAL, "SET LOCAL app.tenant = '1'", true);
        String tenant = key();
        assertNotEquals(fresh, tenant, "inside the transaction the local value is keyed on");
        state.transactionEnded(true);
        assertEquals(fresh, key(), "committed or not, a local value ends with its transaction");
        assertFalse(state.unknown());
        state.settingChanged("app.tenant", SessionChange.SET_LOCAL, "SET LOCAL app.tenant = '1'", false);
        assertEquals(fresh, key(), "SET LOCAL outside a transaction has no effect");
    }

    @Test
    void aSetInsideATransaction_isUndoneByARollbackAndUnknownAfterACommit() {
        set("search_path", "SET search_path TO a", false);
        String before = key();
        set("search_path", "SET search_path TO b", true);
        assertNotEquals(before, key());
        state.transactionEnded(false);
        assertEquals(before, key());
        assertFalse(state.unknown());
        set("search_path", "SET search_path TO b", true);
        state.transactionEnded(true);
        assertTrue(state.unknown(), "the commit of a failed transaction is a rollback: the value is not known");
    }

    @Test
    void aRollbackToASavepoint_leavesTheStateUnknownUntilTheTransactionEnds() {
        state.rolledBackToSavepoint();
        assertFalse(state.unknown(), "nothing changed in this transaction");
        state.settingChanged("app.tenant", SessionChange.SET_LOCAL, "SET LOCAL app.tenant = '1'", true);
        state.rolledBackToSavepoint();
        assertTrue(state.unknown());
        state.transactionEnded(true);
        assertFalse(state.unknown());
        assertEquals(fresh, key());
    }

    @Test
    void discardAll_makesTheSessionNewAgain() {
        state.temporaryObjectCreated();
        state.settingChanged("*", SessionChange.OTHER, "DISCARD PLANS", true);
        assertTrue(state.unknown());
        state.transactionEnded(true);
        state.settingChanged("*", SessionChange.DISCARD_ALL, "DISCARD ALL", false);
        assertFalse(state.unknown());
        assertFalse(state.ownsTemporaryObjects());
        assertEquals(fresh, key());
    }

    @Test
    void discardTempInsideATransaction_keepsTheTemporaryObjects() {
        state.temporaryObjectCreated();
        state.settingChanged("*", SessionChange.DISCARD_TEMP, "DISCARD TEMP", true);
        assertTrue(state.ownsTemporaryObjects(), "a rollback would bring them back");
        state.settingChanged("*", SessionChange.DISCARD_TEMP, "DISCARD TEMP", false);
        assertFalse(state.ownsTemporaryObjects());
    }

    @Test
    void settingsPastTheBound_stopCaching() {
        for (int i = 0; i < 200; i++) {
            set("app.setting_" + i, "SET app.setting_" + i + " = 'a value long enough'", false);
        }
        assertTrue(state.unknown());
    }
}
