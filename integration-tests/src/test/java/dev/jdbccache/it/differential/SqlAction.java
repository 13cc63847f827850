package dev.jdbccache.it.differential;

/** A step of a scenario that may throw anything a JDBC call throws. */
@FunctionalInterface
interface SqlAction {
    void run() throws Exception;
}
