package dev.jdbccache.driver.jdbc;

import dev.jdbccache.driver.cache.BoundParameters;
import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.DatabaseScope;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.cache.QueryKey;
import dev.jdbccache.driver.cache.ReadPlan;
import dev.jdbccache.driver.cache.SingleFlight;
import dev.jdbccache.driver.cache.WritePlan;
import dev.jdbccache.driver.result.CachedResultSet;
import dev.jdbccache.driver.result.RecordingResultSet;
import dev.jdbccache.invalidation.TransactionWriteSet;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.StatementKind;
import dev.jdbccache.parser.TransactionControl;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection that answers cacheable reads from its cache and invalidates, through the table
 * version protocol, what its writes change. It keeps the session state that decides whether and
 * under which key a read may be cached: the transaction (its write set, isolation, whether it was
 * opened by SQL) and the catalog, schema and settings. Like JDBC connections, it is meant to be
 * used by one thread at a time.
 */
public final class CachingConnection extends DelegatingConnection {

    private static final Object[] NO_PARAMETERS = new Object[0];

    private final CacheRuntime runtime;
    private final DatabaseScope scope;
    private final SqlAnalyzer analyzer;
    private final String database;
    private final TransactionWriteSet writes;
    private final SessionState session;
    private String userName;
    private boolean autoCommit;
    /** A transaction begun with SQL ({@code BEGIN}) while in autocommit mode. */
    private boolean sqlTransaction;
    /** Isolation of the transactions of this connection; -1 until read from the real connection. */
    private int isolation = -1;
    /** {@code SET TRANSACTION ...} ran in the current transaction: its isolation is not known. */
    private boolean transactionIsolationUnknown;
    /** DDL ran in the current transaction: read the catalog again when it ends. */
    private boolean ddlInTransaction;
    /** Closed or aborted: the cache was told. */
    private final AtomicBoolean left = new AtomicBoolean();

    /**
     * @param database the database identity for keys: the real URL without credentials, and the user
     */
    public CachingConnection(Connection delegate, CacheRuntime runtime, SqlDialect dialect, String database) throws SQLException {
        super(delegate);
        this.runtime = runtime;
        this.scope = runtime.database(database, dialect);
        this.analyzer = scope.analyzer();
        this.database = database;
        this.writes = new TransactionWriteSet(runtime.versions());
        this.session = SessionStates.borrowed(delegate);
        this.autoCommit = delegate.getAutoCommit();
    }

    /** The cache this connection uses. */
    public CacheRuntime runtime() {
        return runtime;
    }

    /** The cache's view of this connection's database. */
    public DatabaseScope scope() {
        return scope;
    }

    /** The database user, as the real driver's metadata names it (asked once, for the admin SQL). */
    String userName() throws SQLException {
        if (userName == null) {
            userName = delegate.getMetaData().getUserName();
        }
        return userName;
    }

    SqlAnalysis analyze(String sql) {
        return analyzer.analyze(sql);
    }

    /**
     * True for statements that go through the read path (and may be cached): queries that write
     * nothing, and those whose writes only the catalog's function volatility can tell (their
     * {@link ReadPlan} says whether they write).
     */
    static boolean isRead(SqlAnalysis analysis) {
        return analysis.kind() == StatementKind.QUERY && (!analysis.writes() || !analysis.catalogFunctions().isEmpty());
    }

    // ---- statement factories -------------------------------------------------------------

    @Override
    protected Statement wrapStatement(Statement statement) {
        return new CachingStatement(statement, this);
    }

    @Override
    protected PreparedStatement wrapPreparedStatement(PreparedStatement statement, String sql) {
        return new CachingPreparedStatement(statement, this, analyze(sql));
    }

    @Override
    protected CallableStatement wrapCallableStatement(CallableStatement statement, String sql) {
        return new CachingCallableStatement(statement, this, analyze(sql));
    }

    /** What the cache does with {@code sql} on this connection ({@code jdbc_cache.explain}). */
    List<String[]> explain(String sql) {
        return scope.explain(analyze(sql), delegate);
    }

    // ---- the read path -------------------------------------------------------------------

    /**
     * How the cache treats {@code analysis}, a read: {@code remembered} (a plan this connection
     * returned for the same analysis before) while it still holds, else the current plan.
     */
    ReadPlan readPlan(SqlAnalysis analysis, ReadPlan remembered) {
        return scope.readPlan(analysis, delegate, remembered);
    }

    /**
     * Runs a read ({@code plan}: {@link #readPlan} of {@code analysis}): from the cache on a hit;
     * on a miss through the real driver with a result set that records what the application reads
     * (unless the store would not keep it); straight through when the read may not use the cache.
     * Returns the result set to hand to the application, or {@code null} when the real execution
     * produced none.
     */
    ResultSet read(SqlAnalysis analysis, ReadPlan plan, BoundParameters parameters, DelegatingStatement<?> owner,
            SqlCall<ResultSet> execute) throws SQLException {
        Statement real = owner.delegate();
        int type = real.getResultSetType();
        BypassReason reason = plan.bypass();
        Object[] values = null;
        String[] tags = null;
        if (reason == null) {
            values = parameters == null ? NO_PARAMETERS : parameters.snapshot();
            tags = plan.tags(values);
            reason = sessionBypass(tags, parameters, real, type);
        }
        if (reason != null) {
            runtime.bypassed(plan, reason, analysis.reason());
            return owner.wrap(plan.writesUnknown() ? write(WritePlan.UNKNOWN, execute) : execute.run());
        }
        QueryKey key = runtime.key(database, plan, values, sessionKey(real), real.getMaxRows(), type);
        long start = System.nanoTime();
        EntryStore.Lookup lookup = runtime.lookup(key, plan, tags);
        if (lookup == null) {
            return owner.wrap(execute.run()); // a live lease or a failing store: counted as a bypass
        }
        if (lookup.hit()) {
            ResultSet hit = owner.serve(new CachedResultSet(lookup.recording(), owner, type));
            runtime.served(plan, true, System.nanoTime() - start);
            return hit;
        }
        VersionSnapshot captured = lookup.captured();
        SingleFlight.Flight flight = lookup.worthRecording() ? runtime.flight(key) : null;
        if (flight != null && !flight.leading()) {
            ResultSet shared = afterFlight(flight, key, tags, owner, type);
            if (shared != null) {
                runtime.served(plan, false, System.nanoTime() - start); // a miss that did not reach the database
                return shared;
            }
            flight = null; // the leader's entry is not there: run it, leading nobody
        }
        ResultSet result;
        try {
            result = execute.run();
        } catch (SQLException | RuntimeException e) {
            endFlight(flight);
            throw e;
        }
        runtime.served(plan, false, System.nanoTime() - start); // until the execution returned, not the rows' reading
        if (flight != null) {
            flight.executed();
        }
        if (result == null) {
            endFlight(flight);
            return null;
        }
        if (!scope.catalogCurrent(plan, captured)) {
            runtime.missNotRecorded(); // derived from a catalog another node's DDL has changed since
            endFlight(flight);
            return owner.wrap(result);
        }
        if (!lookup.worthRecording()) {
            runtime.missNotRecorded();
            return owner.wrap(result);
        }
        RecordingResultSet recording = new RecordingResultSet(result, owner, runtime.config().maxEntryRows(),
                runtime.config().maxEntryBytes(), plan.columns(), completed -> runtime.fill(key, plan, captured, completed));
        if (flight != null) {
            recording.whenRecordingEnds(flight::ended);
        }
        return owner.serve(recording);
    }

    /**
     * A follower's miss: waits for the leader of its flight, then serves the leader's entry;
     * {@code null} when it is not there in time (the caller runs the query).
     */
    private ResultSet afterFlight(SingleFlight.Flight flight, QueryKey key, String[] tags, DelegatingStatement<?> owner,
            int type) throws SQLException {
        try {
            if (!flight.awaitLeader()) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // kept for the caller; the query still runs
            return null;
        }
        EntryStore.Lookup shared = runtime.afterFlight(key, tags);
        return shared == null ? null : owner.serve(new CachedResultSet(shared.recording(), owner, type));
    }

    private static void endFlight(SingleFlight.Flight flight) {
        if (flight != null) {
            flight.ended();
        }
    }

    /**
     * The session part of a read's key: the session state, and the statement's maximum field size
     * when one is set (the real driver truncates values to it, and so does the recording).
     */
    private String sessionKey(Statement real) throws SQLException {
        int maxFieldSize = real.getMaxFieldSize();
        return maxFieldSize == 0 ? session.fingerprint() : session.fingerprint() + "\u0000max_field_size=" + maxFieldSize;
    }

    /** Why this connection's state keeps a read from the cache, or {@code null}. */
    private BypassReason sessionBypass(String[] tags, BoundParameters parameters, Statement real, int type)
            throws SQLException {
        if (session.unknown()) {
            return BypassReason.SESSION_STATE;
        }
        if (session.ownsTemporaryObjects()) {
            return BypassReason.TEMPORARY_OBJECTS;
        }
        if (parameters != null && !parameters.keyable()) {
            return BypassReason.PARAMETERS;
        }
        if (inTransaction()) {
            if (writes.touches(tags)) {
                return BypassReason.WRITE_TRANSACTION;
            }
            if (!runtime.config().snapshotIsolationAllowed() && snapshotIsolation()) {
                return BypassReason.SNAPSHOT_ISOLATION;
            }
        }
        if (type == ResultSet.TYPE_SCROLL_SENSITIVE
                || real.getResultSetConcurrency() != ResultSet.CONCUR_READ_ONLY) {
            return BypassReason.RESULT_SET_TYPE;
        }
        if (session.needsLoad()) {
            session.load(delegate.getCatalog(), delegate.getSchema());
        }
        return null;
    }

    private boolean snapshotIsolation() throws SQLException {
        if (transactionIsolationUnknown) {
            return true;
        }
        if (isolation < 0) {
            isolation = delegate.getTransactionIsolation();
        }
        return isolation >= TRANSACTION_REPEATABLE_READ;
    }

    private boolean inTransaction() {
        return !autoCommit || sqlTransaction;
    }

    // ---- the write path ------------------------------------------------------------------

    /**
     * Runs anything that is not a read: writes take their leases first and (outside a
     * transaction) end them right after; transaction and session statements update the state
     * the read path relies on.
     */
    <T> T execute(SqlAnalysis analysis, SqlCall<T> call) throws SQLException {
        return execute(analysis, null, call);
    }

    /**
     * As {@link #execute(SqlAnalysis, SqlCall)} for a statement whose bound {@code parameters}
     * ({@link dev.jdbccache.driver.cache.BoundParameters#snapshot()}) name the rows a keyed write touches.
     */
    <T> T execute(SqlAnalysis analysis, Object[] parameters, SqlCall<T> call) throws SQLException {
        if (analysis.createsTemporary()) {
            // before the call: a failure may still have created it (several statements, or an error after)
            session.temporaryObjectCreated();
        }
        if (analysis.several()) {
            return several(analysis, call);
        }
        return switch (analysis.kind()) {
            case TRANSACTION_CONTROL -> transactionControl(analysis, call);
            case SESSION_SET -> {
                T result = call.run();
                sessionChanged(analysis);
                yield result;
            }
            case DDL -> {
                try {
                    yield write(checkedWritePlan(analysis, parameters), call);
                } finally {
                    catalogChanged();
                }
            }
            default -> write(checkedWritePlan(analysis, parameters), call);
        };
    }

    private void sessionChanged(SqlAnalysis analysis) {
        session.settingChanged(analysis.sessionSetting(), analysis.sessionChange(), analysis.normalizedSql(), inTransaction());
    }

    /**
     * Runs a text of several statements. Its writes, whatever else it holds, go through the write
     * path: one lease over the whole call covers what commits inside it ({@code BEGIN; UPDATE ...;
     * COMMIT}), and, when a transaction is open around or after it, the transaction's write set
     * keeps them leased until that transaction ends. After a successful call its transaction
     * control and session changes are followed in order, as if each had been sent alone.
     */
    private <T> T several(SqlAnalysis analysis, SqlCall<T> call) throws SQLException {
        WritePlan plan = checkedWritePlan(analysis, null);
        boolean ends = false;
        for (SqlAnalysis part : analysis.statements()) {
            ends |= part.kind() == StatementKind.TRANSACTION_CONTROL && endsTransaction(part.transactionControl());
        }
        WriteLease lease = null;
        if (plan.writes()) {
            runtime.wrote();
            if (inTransaction()) {
                writes.add(plan.tables(), plan.unknownTables());
            }
            lease = runtime.versions().beginWrite(plan.tables(), plan.unknownTables());
        }
        if (ends) {
            writes.renew();
        }
        boolean succeeded = false;
        try {
            T result = call.run();
            succeeded = true;
            return result;
        } finally {
            try {
                if (succeeded) {
                    follow(analysis.statements());
                } else if (ends || analysis.transactionControl() != null || analysis.sessionSetting() != null) {
                    // which statements ran is not known: neither is the transaction or the session state
                    session.lost();
                }
                if (plan.writes() && inTransaction()) {
                    writes.add(plan.tables(), plan.unknownTables()); // written after the string's last COMMIT, or in a transaction it left open
                }
            } finally {
                if (lease != null) {
                    runtime.versions().endWrite(lease);
                }
            }
        }
    }

    private static boolean endsTransaction(TransactionControl control) {
        return switch (control) {
            case COMMIT, ROLLBACK, OTHER -> true;
            default -> false;
        };
    }

    /** The transaction and session effects of statements that ran one after the other. */
    private void follow(List<SqlAnalysis> statements) {
        for (SqlAnalysis part : statements) {
            switch (part.kind()) {
                case TRANSACTION_CONTROL -> followTransactionControl(part);
                case SESSION_SET -> sessionChanged(part);
                case DDL -> catalogChanged();
                default -> { }
            }
        }
    }

    private void followTransactionControl(SqlAnalysis part) {
        switch (part.transactionControl()) {
            case BEGIN -> {
                if (autoCommit) {
                    sqlTransaction = true;
                }
                beganWithIsolation(part);
            }
            case COMMIT -> transactionEnded(true);
            case ROLLBACK -> transactionEnded(false);
            case ROLLBACK_TO_SAVEPOINT -> session.rolledBackToSavepoint();
            case SET_TRANSACTION -> transactionCharacteristicsSet();
            case OTHER -> {
                transactionEnded(true);
                runtime.invalidateAll();
            }
            default -> { }
        }
    }

    /** {@code BEGIN ISOLATION LEVEL ...}: the transaction's isolation is not the connection's. */
    private void beganWithIsolation(SqlAnalysis begin) {
        if (begin.normalizedSql().toLowerCase(Locale.ROOT).contains("isolation")) {
            transactionIsolationUnknown = true;
        }
    }

    private void transactionCharacteristicsSet() {
        if (inTransaction()) {
            transactionIsolationUnknown = true;
        } else {
            // SET SESSION CHARACTERISTICS and the like: read the isolation again
            isolation = -1;
        }
    }

    /** Runs a batch whose statements write the union of {@code plan}'s tables. */
    <T> T write(WritePlan unbound, SqlCall<T> call) throws SQLException {
        WritePlan plan = unbound.bound((Object[]) null); // a plan bound already is kept; any other bumps wide tags
        if (!plan.writes()) {
            return call.run();
        }
        runtime.wrote();
        if (inTransaction()) {
            writes.add(plan.tables(), plan.unknownTables());
            return call.run();
        }
        WriteLease lease = runtime.versions().beginWrite(plan.tables(), plan.unknownTables());
        try {
            return call.run();
        } finally {
            // after the autocommit statement, whatever its outcome: an extra increment is harmless
            runtime.versions().endWrite(lease);
        }
    }

    WritePlan writePlan(SqlAnalysis analysis) {
        return scope.writePlan(analysis, delegate);
    }

    /**
     * The plan of one write, after making sure the catalog it is derived from is not older than
     * another node's DDL (one version read per statement); every table while a DDL is in flight.
     */
    private WritePlan checkedWritePlan(SqlAnalysis analysis, Object[] parameters) {
        if (!analysis.writes()) {
            return writePlan(analysis).bound(parameters);
        }
        boolean inFlux = catalogInFlux();
        WritePlan plan = writePlan(analysis);
        return inFlux ? plan.anyTable() : plan.bound(parameters);
    }

    /** See {@link DatabaseScope#catalogInFlux()}: once per write statement or batch. */
    boolean catalogInFlux() {
        return scope.catalogInFlux();
    }

    /**
     * DDL ran: views, keys or triggers may have changed, so the catalog is read again; inside a
     * transaction, once more when it ends (a rollback undoes the DDL).
     */
    void catalogChanged() {
        scope.catalogChanged();
        if (inTransaction()) {
            ddlInTransaction = true;
        }
    }

    private <T> T transactionControl(SqlAnalysis analysis, SqlCall<T> call) throws SQLException {
        switch (analysis.transactionControl()) {
            case BEGIN -> {
                T result = call.run();
                if (autoCommit) {
                    sqlTransaction = true;
                }
                beganWithIsolation(analysis);
                return result;
            }
            case COMMIT -> {
                writes.renew();
                try {
                    return call.run();
                } finally {
                    transactionEnded(true);
                }
            }
            case ROLLBACK -> {
                try {
                    return call.run();
                } finally {
                    transactionEnded(false);
                }
            }
            case SET_TRANSACTION -> {
                T result = call.run();
                transactionCharacteristicsSet();
                return result;
            }
            case SAVEPOINT, RELEASE_SAVEPOINT -> {
                return call.run();
            }
            case ROLLBACK_TO_SAVEPOINT -> {
                // the write set stays: a rolled-back write's tables stay leased until the end
                try {
                    return call.run();
                } finally {
                    session.rolledBackToSavepoint();
                }
            }
            default -> {
                // PREPARE TRANSACTION / COMMIT PREPARED: the commit may happen elsewhere, later
                try {
                    return call.run();
                } finally {
                    transactionEnded(true);
                    runtime.invalidateAll();
                }
            }
        }
    }

    private void transactionEnded(boolean committed) {
        session.transactionEnded(committed);
        if (ddlInTransaction) {
            ddlInTransaction = false;
            scope.catalogChanged();
        }
        writes.end();
        sqlTransaction = false;
        transactionIsolationUnknown = false;
    }

    // ---- transaction and session methods -------------------------------------------------

    @Override
    public void setAutoCommit(boolean enable) throws SQLException {
        if (enable && !autoCommit) {
            writes.renew(); // switching autocommit on commits the open transaction
            try {
                delegate.setAutoCommit(true);
            } finally {
                transactionEnded(true);
            }
        } else {
            delegate.setAutoCommit(enable);
        }
        autoCommit = enable;
    }

    @Override
    public void commit() throws SQLException {
        writes.renew();
        try {
            delegate.commit();
        } finally {
            // also when the outcome is unknown (the connection broke during COMMIT): treat as committed
            transactionEnded(true);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            delegate.rollback();
        } finally {
            transactionEnded(false);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try {
            delegate.rollback(savepoint);
        } finally {
            session.rolledBackToSavepoint();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } finally {
            try {
                transactionEnded(false); // an open transaction is rolled back by the close
            } finally {
                leaveRuntime();
            }
        }
    }

    /** Tells the cache, once, that this connection is gone: the last one lets a released cache close. */
    private void leaveRuntime() {
        if (left.compareAndSet(false, true)) {
            runtime.connectionClosed();
        }
    }

    /**
     * May come from another thread while this connection's thread is inside a commit: the outcome
     * is unknown, so the write set's leases are left to expire (after an increment) rather than
     * released.
     */
    @Override
    public void abort(Executor executor) throws SQLException {
        try {
            delegate.abort(executor);
        } finally {
            try {
                writes.abandon();
            } finally {
                leaveRuntime();
            }
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        delegate.setTransactionIsolation(level);
        isolation = level;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        try {
            delegate.setSchema(schema);
        } finally {
            session.reload();
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        try {
            delegate.setCatalog(catalog);
        } finally {
            session.reload();
        }
    }
}
