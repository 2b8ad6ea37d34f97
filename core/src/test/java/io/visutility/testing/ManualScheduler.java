package io.visutility.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} driven by a {@link MutableClock}: nothing runs until the test calls
 * {@link #advance(Duration)}, which moves the clock and runs every task that has come due, on the
 * calling thread, in time order. Plain {@code execute} runs at once on the caller.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final List<Task<?>> tasks = new ArrayList<>();
    private long sequence;
    private boolean shutdown;

    /** A scheduler on {@code clock}. */
    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Moves the clock by {@code d}, running due tasks as their time comes. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.isDone() && !t.due.isAfter(end))
                        .min(Comparator.comparing((Task<?> t) -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
                if (next != null) {
                    tasks.remove(next);
                }
            }
            if (next == null) {
                break;
            }
            Duration step = Duration.between(clock.instant(), next.due);
            if (!step.isNegative()) {
                clock.advance(step);
            }
            next.run();
        }
        Duration rest = Duration.between(clock.instant(), end);
        if (!rest.isNegative()) {
            clock.advance(rest);
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.isDone()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay)))));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay)))));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not needed by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not needed by the code under test");
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(tasks);
        tasks.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Instant due;
        private final long seq;

        Task(Callable<V> callable, Instant due) {
            super(callable);
            this.due = due;
            synchronized (ManualScheduler.this) {
                this.seq = sequence++;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
