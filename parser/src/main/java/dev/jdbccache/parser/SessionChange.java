package dev.jdbccache.parser;

/** How a {@link StatementKind#SESSION_SET} statement changes its setting, as far as the text tells. */
public enum SessionChange {
    /** {@code SET x = ...}, {@code SET ROLE ...}, {@code set_config(x, v, false)}: a new value for the session. */
    SET,
    /** {@code SET LOCAL x = ...}, {@code set_config(x, v, true)}: a new value until the transaction ends. */
    SET_LOCAL,
    /** {@code RESET x}: back to the session's default. */
    RESET,
    /** {@code RESET ALL}: every setting back to its default (session authorization excepted). */
    RESET_ALL,
    /** {@code DISCARD ALL}: the whole session state back to its start, temporary objects dropped. */
    DISCARD_ALL,
    /** {@code DISCARD TEMP}: the session's temporary objects dropped; settings unchanged. */
    DISCARD_TEMP,
    /** Anything else ({@code DISCARD PLANS}, a {@code set_config} whose scope is not a literal, ...). */
    OTHER
}
