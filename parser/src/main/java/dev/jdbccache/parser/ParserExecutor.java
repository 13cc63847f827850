package dev.jdbccache.parser;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool JSqlParser runs on, shared by every analyzer of the process: a few daemon
 * threads (they die when idle), a bounded queue, and a large thread stack because the parser and
 * our tree walk recurse deeply on long expressions. A full queue rejects the task; the analyzer
 * then answers "unparseable" for that one call instead of waiting or starting a thread.
 *
 * <p>It holds no per-analyzer state, so sharing it does not couple analyzers; it is never shut
 * down (its threads are daemons and time out).
 */
final class ParserExecutor {

    private static final long STACK_SIZE = 16L * 1024 * 1024;
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ThreadPoolExecutor EXECUTOR = create();

    private ParserExecutor() {
    }

    static ThreadPoolExecutor get() {
        return EXECUTOR;
    }

    private static ThreadPoolExecutor create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread t = new Thread(null, task, "jdbccache-sql-parser-" + count.incrementAndGet(), STACK_SIZE);
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
