package dev.jdbccache.driver.cache;

/**
 * Who reads the change stream of a cache (cache.change-capture): with a shared store one node at a
 * time, elected through a lease in the store; with a store of one JVM, that JVM. Thread-safe.
 */
public interface ConsumerLease extends AutoCloseable {

    /** Returned by {@link #acquire()} while another node holds the lease. */
    long HELD_ELSEWHERE = -1;

    /** The lease of a store no other node shares: always held, token 0. */
    ConsumerLease OWN = new ConsumerLease() {
        @Override
        public long acquire() {
            return 0;
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Takes the lease, or keeps it for another {@code ttl}: the fencing token of this holding
     * (larger for each new holder), or {@link #HELD_ELSEWHERE}.
     *
     * @throws RuntimeException when the store cannot be asked
     */
    long acquire();

    /** True when other nodes compete for it (and the stream's slot outlives one JVM). */
    boolean shared();

    /**
     * The catalog digest the slot's consumer last recorded ({@code null} when none): a successor
     * compares it with the catalog it finds, since DDL is not in the stream.
     *
     * @throws RuntimeException when the store cannot be asked
     */
    default String recordedDigest() {
        return null;
    }

    /** Records the catalog digest the stream's position stands for. */
    default void recordDigest(String digest) {
    }

    /** Gives the lease up if held. Never throws. */
    @Override
    void close();
}
