package dev.jdbccache.parser;

/** What a statement does, as far as the cache is concerned. */
public enum StatementKind {
    /** A read: {@code SELECT}, {@code VALUES}, {@code TABLE t}, {@code WITH ... SELECT}. */
    QUERY,
    INSERT,
    UPDATE,
    DELETE,
    /** {@code MERGE}, {@code UPSERT}, {@code REPLACE}, H2's {@code MERGE INTO ... KEY}. */
    MERGE,
    TRUNCATE,
    /** {@code CREATE/ALTER/DROP/COMMENT ON/RENAME/GRANT ...}. */
    DDL,
    /** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code SET TRANSACTION}. */
    TRANSACTION_CONTROL,
    /** {@code SET name ...}, {@code RESET}, {@code USE schema}: a change of session state. */
    SESSION_SET,
    /** {@code CALL}, {@code EXEC}, {@code {call ...}} escapes, {@code DO} blocks. */
    CALL,
    /** Anything else ({@code EXPLAIN}, {@code SHOW}, {@code VACUUM}, unparseable text, ...). */
    OTHER;

    /** True for the kinds that change table data or structure. */
    public boolean isWrite() {
        return switch (this) {
            case INSERT, UPDATE, DELETE, MERGE, TRUNCATE, DDL, CALL -> true;
            default -> false;
        };
    }
}
