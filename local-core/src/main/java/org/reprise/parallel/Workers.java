package org.reprise.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The worker threads of one run. Every parallel step splits its work into pieces whose results are
 * combined in piece order, never in completion order, so the output does not depend on the number
 * of threads or on scheduling. With one thread everything runs on the caller.
 *
 * <p>The calling thread always takes part in the work (it runs one share itself), so a pool of
 * {@code threads - 1} helpers gives {@code threads} busy cores.
 */
public final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            // Work the caller is waiting for (map, both) goes before background work (submit),
            // which runs oldest first.
            java.util.concurrent.LinkedBlockingDeque<Runnable> queue = new java.util.concurrent.LinkedBlockingDeque<>() {
                @Override
                public boolean offer(Runnable r) {
                    return r instanceof Task<?> t && t.background ? offerLast(r) : offerFirst(r);
                }
            };
            this.pool = new java.util.concurrent.ThreadPoolExecutor(threads - 1, threads - 1, 0L,
                    java.util.concurrent.TimeUnit.MILLISECONDS, queue, r -> {
                        Thread t = new Thread(r, "reprise-worker-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Computes {@code pieces} results, piece i by {@code body.apply(i)}, on all threads, and returns
     * them in piece order. Pieces are taken from a shared counter, so uneven pieces balance out.
     * An exception in any piece is rethrown here after all pieces stopped.
     */
    public <T> List<T> map(int pieces, IntFunction<T> body) {
        List<T> results = new ArrayList<>(pieces);
        for (int i = 0; i < pieces; i++) {
            results.add(null);
        }
        if (pool == null || pieces <= 1) {
            for (int i = 0; i < pieces; i++) {
                results.set(i, body.apply(i));
            }
            return results;
        }
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (int i; (i = next.getAndIncrement()) < pieces; ) {
                T r = body.apply(i);
                synchronized (results) {
                    results.set(i, r);
                }
            }
            return null;
        };
        int helpers = Math.min(threads - 1, pieces - 1);
        List<Task<Void>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            Task<Void> t = new Task<>(worker, false);
            pool.execute(t);
            futures.add(t);
        }
        Throwable failure = null;
        try {
            worker.call();
        } catch (Throwable t) {
            failure = t;
            next.set(pieces); // the helpers stop after their current piece
        }
        for (Task<Void> f : futures) {
            if (f.cancelIfNotStarted()) {
                continue; // never started (its helper was busy): every piece is taken already
            }
            try {
                f.get();
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled above
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw unchecked(failure);
        }
        synchronized (results) {
            return results;
        }
    }

    /**
     * Runs two independent tasks, on this thread and a helper; whichever is not taken by a helper
     * by the time this thread is free is run here too.
     */
    public void both(Runnable a, Runnable b) {
        map(2, i -> {
            (i == 0 ? a : b).run();
            return null;
        });
    }

    /**
     * Starts a background task on a helper thread, after any work a caller is waiting for and
     * after earlier background tasks; with no helper, runs it at once on the caller. The caller may
     * take back a task that has not started ({@link Task#cancelIfNotStarted()}) and do it itself.
     */
    public <T> Task<T> submit(Callable<T> task) {
        Task<T> f = new Task<>(task, true);
        if (pool == null) {
            f.run();
        } else {
            pool.execute(f);
        }
        return f;
    }

    /** A task already done, holding a result computed elsewhere. */
    public static <T> Task<T> done(T result) {
        Task<T> t = new Task<>(() -> result, false);
        t.run();
        return t;
    }

    /**
     * A task that can be taken back only before it starts. (FutureTask.cancel also "succeeds" on a
     * running task, leaving it running with its result thrown away; whoever takes a task back here
     * must know that nobody else is doing it.)
     */
    public static final class Task<T> extends java.util.concurrent.FutureTask<T> {
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        private final boolean background;

        Task(Callable<T> callable, boolean background) {
            super(callable);
            this.background = background;
        }

        @Override
        public void run() {
            // A failed CAS: the task was taken back before a helper got to it.
            if (started.compareAndSet(false, true)) {
                super.run();
            }
        }

            /**
         * Waits for the task and returns its result; what it threw is rethrown as it was (an
         * exception that is not unchecked wrapped in an IllegalStateException).
         *
         * @throws java.util.concurrent.CancellationException if the task was cancelled
         */
        public T join() {
            try {
                return get();
            } catch (ExecutionException e) {
                throw unchecked(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a task", e);
            }
        }

        /** Runs the task on the calling thread if no thread has started it; true if it ran here. */
        public boolean runHereIfNotStarted() {
            if (started.compareAndSet(false, true)) {
                super.run();
                return true;
            }
            return false;
        }

        /** Cancels the task if no thread has started it; true if it will never run. */
        public boolean cancelIfNotStarted() {
            // A failed CAS: a helper is running or has run it; the caller must wait for it.
            return started.compareAndSet(false, true) && cancel(false);
        }
    }

    /** {@code failure} as an unchecked throwable to throw: itself if it is one, else wrapped. */
    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            return re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(failure);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
