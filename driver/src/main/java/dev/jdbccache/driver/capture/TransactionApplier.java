package dev.jdbccache.driver.capture;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.driver.cache.DatabaseScope;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies each committed transaction of the stream to the cache, then confirms its position to
 * PostgreSQL: never before its invalidations have reached the store. Not thread-safe (the
 * consumer's thread).
 */
final class TransactionApplier implements PgOutput.Listener {

    private final CacheRuntime runtime;
    private final DatabaseScope scope;
    private final LogicalStream stream;
    private final ChangeSet changes;
    private final ChangeCaptureStats stats;
    private final Duration maxGap;
    private final long clockOffsetMillis;
    private final Consumer<String> flush;
    /** The store did not take a transaction's invalidations: it is not confirmed. */
    static final class NotTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotTaken() {
            super("the store did not take the invalidations of a transaction; it is applied again once the store answers");
        }
    }

    private boolean flushedForLag;
    private boolean inTransaction;

    /**
     * @param side              the consumer's ordinary connection, which reads the catalog when needed
     * @param clockOffsetMillis the server's clock minus this JVM's: commit times are the server's
     * @param flush             flushes the cache, saying why
     */
    TransactionApplier(CacheRuntime runtime, DatabaseScope scope, Connection side, LogicalStream stream,
            long clockOffsetMillis, Consumer<String> flush) {
        this.runtime = runtime;
        this.scope = scope;
        this.stream = stream;
        this.stats = runtime.stats().changeCapture();
        this.maxGap = runtime.config().changeCapture().maxGap();
        this.changes = new ChangeSet(table -> scope.changedTable(table, side),
                runtime.config().changeCapture().maxRowTags(), stats);
        this.clockOffsetMillis = clockOffsetMillis;
        this.flush = flush;
    }

    /** True between a transaction's begin and its commit. */
    boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void begin(long commitMillis) {
        changes.clear();
        inTransaction = true;
    }

    @Override
    public void relation(PgOutput.Relation relation, PgOutput.Relation previous) {
        if (previous != null && !previous.equals(relation)) {
            scope.catalogChanged(); // its columns or name changed: plans are derived again
        }
    }

    @Override
    public void insert(PgOutput.Relation relation, String[] after) {
        changes.insert(relation, after);
    }

    @Override
    public void update(PgOutput.Relation relation, char oldKind, String[] before, String[] after) {
        changes.update(relation, oldKind, before, after);
    }

    @Override
    public void delete(PgOutput.Relation relation, char oldKind, String[] before) {
        changes.delete(relation, oldKind, before);
    }

    @Override
    public void truncate(List<PgOutput.Relation> relations) {
        relations.forEach(changes::truncated);
    }

    @Override
    public void commit(long endLsn, long commitMillis) {
        if (changes.everything()) {
            runtime.versions().invalidateAll();
        } else if (!changes.tags().isEmpty()) {
            runtime.versions().invalidate(changes.tags());
        }
        if (!runtime.storeHoldsEveryInvalidation()) {
            // not confirmed: the next consumer (this node once the store answers) applies it again
            throw new NotTaken();
        }
        long age = System.currentTimeMillis() + clockOffsetMillis - commitMillis;
        stats.applied(changes.rows(), changes.tags().size(), age);
        changes.clear();
        inTransaction = false;
        stream.confirm(endLsn);
        if (age > maxGap.toMillis() && !flushedForLag) {
            flushedForLag = true;
            stats.fellBack("behind");
            flush.accept("the stream is " + age + " ms behind the database");
            stats.state(ChangeCaptureStats.State.STREAMING);
        } else if (age < maxGap.toMillis() / 2) {
            flushedForLag = false;
        }
    }
}
