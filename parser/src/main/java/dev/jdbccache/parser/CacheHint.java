package dev.jdbccache.parser;

import java.time.Duration;

/**
 * A cache hint found in a comment of the statement: {@code /* cache:off *&#47;},
 * {@code /* cache:ttl=30s *&#47;}, or the same as a {@code --} line comment.
 *
 * @param off true when the statement must not be cached
 * @param ttl the TTL the statement asks for, or {@code null}
 */
public record CacheHint(boolean off, Duration ttl) {

    /** No hint in the statement. */
    public static final CacheHint NONE = new CacheHint(false, null);

    public boolean isPresent() {
        return off || ttl != null;
    }
}
