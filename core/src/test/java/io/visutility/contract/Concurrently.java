package io.visutility.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same work on several real threads released together, and hands back every result. */
public final class Concurrently {
    private Concurrently() {
    }

    /**
     * Runs {@code work.apply(thread)} on {@code threads} threads that start at the same moment, waits
     * (bounded) for all of them and returns their results in thread order; a failure in any thread is
     * rethrown.
     */
    public static <T> List<T> run(int threads, IntFunction<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return work.apply(thread);
                };
                futures.add(pool.submit(task));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("worker threads did not start within 30 s");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a worker thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for worker threads", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("worker threads did not finish within 60 s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
