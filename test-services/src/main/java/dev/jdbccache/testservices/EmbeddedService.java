package dev.jdbccache.testservices;

/** A server a test suite needs, started from the binaries a Maven artifact ships. */
interface EmbeddedService extends AutoCloseable {

    String name();

    int port();

    /** Starts it on {@link #port()}, ready for what the suites expect of the machine's own service. */
    void start() throws Exception;

    /** Stops it; never throws (the suite has finished). */
    @Override
    void close();
}
