package dev.jdbccache.parser;

/** Why the result of a statement may not be cached. */
public enum NotCacheableReason {
    /** The statement is not a read (it writes, or changes the session or the transaction). */
    NOT_A_QUERY,
    /** {@code FOR UPDATE}, {@code FOR SHARE}, {@code FOR NO KEY UPDATE}, {@code FOR KEY SHARE}, {@code LOCK IN SHARE MODE}. */
    LOCKING_CLAUSE,
    /** A read that also writes: {@code SELECT ... INTO}, a data-modifying CTE. */
    WRITES,
    /** A function whose result changes between calls ({@code random()}, {@code nextval()}, {@code pg_sleep()}, ...). */
    VOLATILE_FUNCTION,
    /**
     * A function of the current time or session ({@code now()}, {@code current_timestamp}, {@code current_user}).
     * A TTL hint may force such a statement into the cache.
     */
    TIME_FUNCTION,
    /** A function that is neither a known deterministic built-in nor declared deterministic in the configuration. */
    UNKNOWN_FUNCTION,
    /** Reads a system catalog ({@code pg_catalog}, {@code information_schema}, {@code pg_*} tables). */
    SYSTEM_CATALOG,
    /** Reads a temporary table ({@code pg_temp}, {@code temp}/{@code session} schemas). */
    TEMPORARY_TABLE,
    /** More than one statement in the string. */
    MULTIPLE_STATEMENTS,
    /** The parser could not parse the statement (or gave up: too long, too deep, timed out). */
    UNPARSEABLE,
    /** A {@code cache:off} hint in the statement. */
    HINT_OFF
}
