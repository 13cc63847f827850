package dev.jdbccache.it.differential;

/** A JDBC call whose result goes into the transcript. */
@FunctionalInterface
interface SqlSupplier<T> {
    T get() throws Exception;
}
