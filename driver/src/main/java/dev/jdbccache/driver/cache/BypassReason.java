package dev.jdbccache.driver.cache;

/** Why a read went to the database without using the cache. */
public enum BypassReason {
    /** The parser says the statement may not be cached (see the parser's reason in the stats). */
    NOT_CACHEABLE,
    /** A {@code cache:off} hint. */
    HINT_OFF,
    /** The statement matches {@code cache.exclude} or not {@code cache.include}. */
    EXCLUDED,
    /** A table the query reads has TTL 0. */
    TTL_ZERO,
    /** The transaction has written a table the query reads. */
    WRITE_TRANSACTION,
    /** A REPEATABLE READ / SERIALIZABLE transaction (with {@code snapshot-isolation=bypass}). */
    SNAPSHOT_ISOLATION,
    /** Another writer's lease is live on a table the query reads. */
    LEASE_IN_FLIGHT,
    /** A session setting that may change results ({@code SET search_path}, {@code SET ROLE}, ...). */
    SESSION_STATE,
    /** A bound parameter cannot be key material (stream, LOB, unknown object). */
    PARAMETERS,
    /** The result set type or concurrency cannot be served from a recording (sensitive, updatable). */
    RESULT_SET_TYPE,
    /** The database catalog (views, foreign keys, triggers) could not be read, so dependencies are unknown. */
    CATALOG_UNAVAILABLE,
    /** The store failed (unreachable, slow, corrupt entry): the read went to the database. */
    STORE_FAILURE,
    /**
     * The session created a temporary object ({@code CREATE TEMP TABLE}): a name in its queries may
     * resolve to an object no other session sees, so its reads are neither stored nor served.
     */
    TEMPORARY_OBJECTS
}
