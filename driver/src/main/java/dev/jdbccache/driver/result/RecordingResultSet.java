package dev.jdbccache.driver.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result set that reads the real one and records every row it reads (a cache miss). The
 * application's calls go to the real result set, except the simple getters of a row just
 * recorded, which are answered from the recording where that is provably the real driver's answer
 * (see {@link RecordedRowResultSet}); the first reader pays no extra round trip.
 *
 * <p>The {@link #next()} that reports the end hands the finished {@link Recording} to the
 * consumer, exactly once, if the recording stayed within its limits. When the application closes
 * the result set before the end (a lookup that reads one row, say), the rest is read and
 * recorded before the real result set closes, as long as the limits allow; past a limit the
 * recording is released. The recording is abandoned when the cursor moves any other way than
 * {@code next()}, or when {@code next()} itself fails. Recording never makes a query fail: its own
 * failures abandon it and are logged at debug level.
 *
 * <p>Not thread-safe, like the JDBC result set it wraps.
 */
public final class RecordingResultSet extends RecordedRowResultSet {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingResultSet.class);

    private final Consumer<Recording> onComplete;
    private ResultRecorder recorder; // null once abandoned, delivered, or if it could not start
    private Runnable onRecordingEnd; // run once, when the recording is over (stored or not)

    /**
     * Wraps {@code real}. When its metadata cannot be read, the result set is only delegated.
     *
     * @param owner      what {@link #getStatement()} returns (the application's statement wrapper)
     * @param maxRows    the most rows a recording may hold
     * @param maxBytes   the largest estimated size a recording may reach
     * @param onComplete receives the recording when the end is reached
     */
    public RecordingResultSet(ResultSet real, Statement owner, int maxRows, long maxBytes, Consumer<Recording> onComplete) {
        this(real, owner, maxRows, maxBytes, null, onComplete);
    }

    /**
     * As above, taking the column metadata from {@code memo} when it still describes the result.
     */
    public RecordingResultSet(ResultSet real, Statement owner, int maxRows, long maxBytes, ColumnsMemo memo,
            Consumer<Recording> onComplete) {
        this(Objects.requireNonNull(real, "real"), owner, start(real, maxRows, maxBytes, memo),
                onComplete);
    }

    private RecordingResultSet(ResultSet real, Statement owner, ResultRecorder recorder,
            Consumer<Recording> onComplete) {
        super(real, owner, recorder == null ? Profile.GENERIC : recorder.profile());
        this.onComplete = Objects.requireNonNull(onComplete, "onComplete");
        this.recorder = recorder;
    }

    private static ResultRecorder start(ResultSet real, int maxRows, long maxBytes,
            ColumnsMemo memo) {
        ResultRecorder started;
        try {
            started = ResultRecorder.start(real, maxRows, maxBytes, memo);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Not recording: result set metadata unavailable", e);
            return null;
        }
        if (started.abandoned()) {
            LOG.debug("Not recording: cached answers cannot follow this driver's conversions");
            return null;
        }
        return started;
    }

    /**
     * Runs {@code action} once, as soon as the recording is over for any reason: handed to
     * {@code onComplete}, abandoned, over the limits, or the result set closed (at once when it
     * is over already). A single-flight leader ends its flight so.
     */
    public void whenRecordingEnds(Runnable action) {
        onRecordingEnd = action;
        endIfOver();
    }

    private void endIfOver() {
        Runnable action = onRecordingEnd;
        if (recorder == null && action != null) {
            onRecordingEnd = null;
            action.run();
        }
    }

    /** True while the result is still being recorded (not abandoned, not yet handed over). */
    boolean recording() {
        return recorder != null && !recorder.abandoned();
    }

    @Override
    public Statement getStatement() throws SQLException {
        delegate.getStatement(); // keeps the real result set's closed-state check
        return super.getStatement();
    }

    @Override
    public boolean next() throws SQLException {
        stopServing();
        boolean more;
        try {
            more = delegate.next();
        } catch (SQLException | RuntimeException e) {
            stopRecording("next() failed");
            throw e;
        }
        if (recorder != null) {
            if (more) {
                recordRow();
            } else {
                complete();
            }
            endIfOver();
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        try {
            drain();
        } finally {
            stopServing(); // the cursor has left the application's row, even if close fails
            recorder = null; // drained, or given up
            endIfOver();
            delegate.close();
        }
    }

    /** Reads and records the rows the application left unread, within the limits. */
    private void drain() {
        if (recorder == null) {
            return;
        }
        try {
            if (delegate.isClosed()) {
                stopRecording("a close by the real driver");
                return;
            }
            while (recorder != null) {
                if (delegate.next()) {
                    recordRow();
                } else {
                    complete();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Not caching: reading the rest of the result failed", e);
            stopRecording("a failed drain");
        }
    }

    private void recordRow() {
        try {
            if (recorder.recordCurrentRow()) {
                serveRow(recorder.lastValues(), recorder.lastTexts());
            } else {
                LOG.debug("Not caching: result over the limits or holds a value that cannot be cached");
                recorder = null;
            }
        } catch (SQLException | RuntimeException e) {
            // our own read of the row failed; the application's reads are unaffected
            LOG.debug("Not caching: recording a row failed", e);
            stopRecording("a failed recording");
        }
    }

    private void complete() {
        ResultRecorder done = recorder;
        recorder = null;
        if (done.abandoned()) {
            return;
        }
        Recording recording;
        try {
            recording = done.finish();
        } catch (RuntimeException e) {
            LOG.debug("Not caching: finishing the recording failed", e);
            return;
        }
        try {
            onComplete.accept(recording);
        } catch (RuntimeException e) {
            LOG.warn("Storing a recorded result failed; the query itself succeeded", e);
        }
    }

    private void stopRecording(String why) {
        stopServing();
        if (recorder != null) {
            LOG.debug("Not caching: {}", why);
            recorder.abandonRecording();
            recorder = null;
        }
        endIfOver();
    }

    // Any cursor move but next() means the application does not read the result once in order.

    @Override
    public boolean previous() throws SQLException {
        stopRecording("previous()");
        return delegate.previous();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        stopRecording("absolute()");
        return delegate.absolute(row);
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        stopRecording("relative()");
        return delegate.relative(rows);
    }

    @Override
    public boolean first() throws SQLException {
        stopRecording("first()");
        return delegate.first();
    }

    @Override
    public boolean last() throws SQLException {
        stopRecording("last()");
        return delegate.last();
    }

    @Override
    public void beforeFirst() throws SQLException {
        stopRecording("beforeFirst()");
        delegate.beforeFirst();
    }

    @Override
    public void afterLast() throws SQLException {
        stopRecording("afterLast()");
        delegate.afterLast();
    }

    @Override
    public void refreshRow() throws SQLException {
        stopRecording("refreshRow()");
        delegate.refreshRow();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        stopRecording("moveToInsertRow()");
        delegate.moveToInsertRow();
    }
}
