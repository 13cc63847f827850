package dev.jdbccache.driver.redis;

/**
 * A Redis call did not happen or did not succeed (circuit open, timeout, error reply, out of
 * memory). Thrown out of a store's read path, where the runtime turns it into a bypass; writer
 * steps catch it and mark the store dirty instead.
 */
final class RedisUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedisUnavailableException(String message) {
        super(message, null, false, false);
    }

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
