package dev.jdbccache.parser;

/** The transaction statement a {@link StatementKind#TRANSACTION_CONTROL} statement is. */
public enum TransactionControl {
    /** {@code BEGIN}, {@code START TRANSACTION}. */
    BEGIN,
    /** {@code COMMIT}, {@code END}, {@code COMMIT WORK}. */
    COMMIT,
    /** {@code ROLLBACK}, {@code ABORT} (not to a savepoint). */
    ROLLBACK,
    /** {@code SAVEPOINT name}. */
    SAVEPOINT,
    /** {@code RELEASE [SAVEPOINT] name}. */
    RELEASE_SAVEPOINT,
    /** {@code ROLLBACK TO [SAVEPOINT] name}. */
    ROLLBACK_TO_SAVEPOINT,
    /** {@code SET TRANSACTION ...}, {@code SET SESSION CHARACTERISTICS AS TRANSACTION ...}. */
    SET_TRANSACTION,
    /** {@code PREPARE TRANSACTION}, {@code COMMIT PREPARED} and others. */
    OTHER
}
