package dev.jdbccache.bench.demo;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a set of {@link Workload} clients, one thread each, for a fixed duration, and optionally
 * prints a progress line once per second. The first failure of any client stops the phase and is
 * rethrown.
 */
final class LoadPhase {

    /** What a phase did: operations, reads and their latencies (all, and per operation), over {@code elapsedNanos}. */
    record Result(long operations, long reads, long writes, LatencyRecorder readLatency,
                  Map<OperationMix.Operation, LatencyRecorder> byOperation, long elapsedNanos) {
        double seconds() {
            return elapsedNanos / 1e9;
        }
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long POLL = 50_000_000L;

    private final List<Workload> clients;
    private final String label;
    private final PrintStream progress;

    /** {@code progress} may be null: then nothing is printed. */
    LoadPhase(List<Workload> clients, String label, PrintStream progress) {
        this.clients = List.copyOf(clients);
        this.label = label;
        this.progress = progress;
    }

    Result run(Duration duration) throws SQLException, InterruptedException {
        LongAdder operations = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Worker worker = new Worker(clients.get(i), operations, start, failure);
            Thread thread = new Thread(worker, "demo-" + label + "-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            workers.add(worker);
            thread.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        waitAndReport(begin, duration, operations, failure);
        for (Worker worker : workers) {
            worker.stop = true;
        }
        long end = System.nanoTime();
        for (Worker worker : workers) {
            worker.thread.join();
        }
        rethrow(failure.get());
        return combine(workers, end - begin);
    }

    private void waitAndReport(long begin, Duration duration, LongAdder operations, AtomicReference<Throwable> failure) {
        long deadline = begin + duration.toNanos();
        long previous = 0;
        int second = 0;
        while (failure.get() == null) {
            long now = System.nanoTime();
            long nextTick = begin + (second + 1) * SECOND;
            if (now >= nextTick) {
                second++;
                long sofar = operations.sum();
                if (progress != null) {
                    progress.printf(Locale.ROOT, "  %-6s %3ds %,12d ops  (%,d ops/s)%n", label, second, sofar, sofar - previous);
                }
                previous = sofar;
            } else if (now >= deadline) {
                return;
            } else {
                // Short parks, so that a failing client ends the phase promptly.
                LockSupport.parkNanos(Math.min(POLL, Math.min(nextTick, deadline) - now));
            }
        }
    }

    private static Result combine(List<Worker> workers, long elapsedNanos) {
        LatencyRecorder latency = new LatencyRecorder();
        Map<OperationMix.Operation, LatencyRecorder> byOperation = new EnumMap<>(OperationMix.Operation.class);
        long reads = 0;
        long writes = 0;
        for (Worker worker : workers) {
            latency.add(worker.readLatency);
            worker.byOperation.forEach((operation, recorder) ->
                    byOperation.computeIfAbsent(operation, o -> new LatencyRecorder()).add(recorder));
            reads += worker.reads;
            writes += worker.writes;
        }
        return new Result(reads + writes, reads, writes, latency, byOperation, elapsedNanos);
    }

    private static void rethrow(Throwable failure) throws SQLException {
        if (failure == null) {
            return;
        }
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    /** One client's loop; its counters are read by the phase only after the thread has ended. */
    private static final class Worker implements Runnable {
        private final Workload client;
        private final LongAdder operations;
        private final CountDownLatch start;
        private final AtomicReference<Throwable> failure;
        private final LatencyRecorder readLatency = new LatencyRecorder();
        private final Map<OperationMix.Operation, LatencyRecorder> byOperation = new EnumMap<>(OperationMix.Operation.class);
        private volatile boolean stop;
        private Thread thread;
        private long reads;
        private long writes;

        Worker(Workload client, LongAdder operations, CountDownLatch start, AtomicReference<Throwable> failure) {
            this.client = client;
            this.operations = operations;
            this.start = start;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                start.await();
                while (!stop && failure.get() == null) {
                    long began = System.nanoTime();
                    OperationMix.Operation operation = client.step();
                    long took = System.nanoTime() - began;
                    byOperation.computeIfAbsent(operation, o -> new LatencyRecorder()).record(took);
                    if (operation.isWrite()) {
                        writes++;
                    } else {
                        readLatency.record(took);
                        reads++;
                    }
                    operations.increment();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }
}
