package dev.jdbccache.driver.catalog;

/**
 * How a function's result may change, as PostgreSQL's {@code pg_proc.provolatile} says, ordered
 * from the safest: a call's volatility is the worst of its functions'.
 */
public enum Volatility {
    /** The same arguments always give the same result: a read calling it may be cached. */
    IMMUTABLE,
    /** The same result within one statement only: a read, never cached. */
    STABLE,
    /** May change at each call, and may write: a read calling it invalidates what it may write. */
    VOLATILE;

    /** The volatility {@code provolatile} codes: {@code i}, {@code s}, {@code v}; anything else is volatile. */
    static Volatility ofCode(String code) {
        if ("i".equals(code)) {
            return IMMUTABLE;
        }
        return "s".equals(code) ? STABLE : VOLATILE;
    }

    Volatility worst(Volatility other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
