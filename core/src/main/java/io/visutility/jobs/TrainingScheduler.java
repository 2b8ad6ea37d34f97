package io.visutility.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retrain jobs from a {@link JobQueue} on injected workers: at most one active job per model (the
 * queue enforces it), up to {@code concurrency} jobs at once, each attempt bounded by a timeout, failed
 * attempts retried after an exponential back-off until {@code maxAttempts}. Time comes from the injected
 * clock and timer, so tests drive it without sleeping.
 */
public final class TrainingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingScheduler.class);

    private final JobQueue queue;
    private final JobHandler handler;
    private final JobListener listener;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration timeout;
    private final int concurrency;
    private final Map<String, FutureTask<Void>> running = new HashMap<>();
    private final Set<String> timedOut = new HashSet<>();
    private final Set<String> cancelled = new HashSet<>();
    private final Map<String, ScheduledFuture<?>> deadlines = new HashMap<>();
    private ScheduledFuture<?> wake;
    private Instant wakeAt;
    private boolean closed;

    private TrainingScheduler(Builder b) {
        this.queue = Objects.requireNonNull(b.queue, "queue");
        this.handler = Objects.requireNonNull(b.handler, "handler");
        this.listener = b.listener;
        this.workers = Objects.requireNonNull(b.workers, "workers");
        this.timer = Objects.requireNonNull(b.timer, "timer");
        this.clock = b.clock;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.timeout = b.timeout;
        this.concurrency = b.concurrency;
    }

    /** Starts configuring a scheduler. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues a job for {@code model} and starts it if a worker is free. If the model already has an
     * active job, nothing is queued and that job is returned as {@link EnqueueResult.AlreadyActive}.
     * The listener hears {@code onQueued} before any worker can start the job.
     */
    public synchronized EnqueueResult submit(String model, String triggerEventId) {
        EnqueueResult result = queue.enqueue(model, triggerEventId, maxAttempts);
        if (result instanceof EnqueueResult.Enqueued enqueued) {
            tell("onQueued", enqueued.job(), () -> listener.onQueued(enqueued.job()));
            pump();
        }
        return result;
    }

    /** Cancels a job: a queued one never runs, a running one is interrupted. */
    public synchronized Job cancel(String jobId) {
        FutureTask<Void> task = running.get(jobId);
        if (task != null) {
            cancelled.add(jobId);
            task.cancel(true);
            return queue.find(jobId).orElseThrow();
        }
        Job job = queue.cancel(jobId);
        tell("onCancelled", job, () -> listener.onCancelled(job));
        return job;
    }

    /** The queue jobs live in. */
    public JobQueue queue() {
        return queue;
    }

    /** Number of attempts running now. */
    public synchronized int runningCount() {
        return running.size();
    }

    /** Claims and starts queued jobs while workers are free; plans a wake-up for backed-off jobs. */
    public synchronized void pump() {
        if (closed) {
            return;
        }
        while (running.size() < concurrency) {
            var claimed = queue.claim();
            if (claimed.isEmpty()) {
                break;
            }
            dispatch(claimed.get());
        }
        planWake();
    }

    private void dispatch(Job job) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            handler.run(job);
            return null;
        }) {
            @Override
            protected void done() {
                finished(job, this);
            }
        };
        running.put(job.id(), task);
        ScheduledFuture<?> deadline = timer.schedule(() -> timeOut(job.id()), timeout.toMillis(), TimeUnit.MILLISECONDS);
        deadlines.put(job.id(), deadline);
        tell("onStarted", job, () -> listener.onStarted(job));
        workers.execute(task);
    }

    private synchronized void timeOut(String jobId) {
        FutureTask<Void> task = running.get(jobId);
        if (task != null) {
            timedOut.add(jobId);
            task.cancel(true);
        }
    }

    private synchronized void finished(Job started, FutureTask<Void> task) {
        running.remove(started.id());
        ScheduledFuture<?> deadline = deadlines.remove(started.id());
        if (deadline != null) {
            deadline.cancel(false);
        }
        boolean wasTimedOut = timedOut.remove(started.id());
        boolean wasCancelled = cancelled.remove(started.id());
        Throwable error = outcome(task);
        if (wasCancelled) {
            Job cancelledJob = queue.cancel(started.id());
            tell("onCancelled", cancelledJob, () -> listener.onCancelled(cancelledJob));
        } else if (error == null && !wasTimedOut) {
            Job succeeded = queue.succeed(started.id());
            tell("onSucceeded", succeeded, () -> listener.onSucceeded(succeeded));
        } else {
            if (wasTimedOut) {
                error = new SchedulerException("job " + started.id() + " timed out after " + timeout);
            }
            recordFailure(started, error);
        }
        pump();
    }

    private void recordFailure(Job started, Throwable error) {
        boolean retry = started.attempts() < started.maxAttempts();
        Instant retryAt = retry ? clock.instant().plus(backoff.multipliedBy(1L << Math.min(20, started.attempts() - 1)))
                : null;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.warn("job {} for model {} failed on attempt {}/{}{}: {}", started.id(), started.model(),
                started.attempts(), started.maxAttempts(), retry ? ", retrying at " + retryAt : "", message);
        Job failed = queue.fail(started.id(), message, retryAt);
        tell("onFailed", failed, () -> listener.onFailed(failed, error, retry));
    }

    /** Calls the listener; a listener that throws is logged and never stops the job's own bookkeeping. */
    private static void tell(String what, Job job, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("job listener threw in {} for job {} of model {}; the job goes on", what, job.id(), job.model(), e);
        }
    }

    private static Throwable outcome(FutureTask<Void> task) {
        try {
            task.get();
            return null;
        } catch (CancellationException e) {
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void planWake() {
        var next = queue.nextClaimableAt();
        if (next.isEmpty() || running.size() >= concurrency) {
            return;
        }
        Instant at = next.get();
        if (wake != null && !wake.isDone() && wakeAt != null && !wakeAt.isAfter(at)) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        wakeAt = at;
        wake = timer.schedule(this::wakeUp, millisUntil(at), TimeUnit.MILLISECONDS);
    }

    /** A planned wake-up fired: it no longer counts as pending, so the pump may plan the next one. */
    private synchronized void wakeUp() {
        wake = null;
        wakeAt = null;
        pump();
    }

    /** Milliseconds from now until {@code at}, rounded up so that a wake-up never comes before it. */
    private long millisUntil(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.isNegative()) {
            return 0;
        }
        long millis = wait.toMillis();
        return wait.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    /** Stops starting jobs and interrupts running attempts; their jobs go back to the queue's rules. */
    @Override
    public synchronized void close() {
        closed = true;
        if (wake != null) {
            wake.cancel(false);
        }
        // Cancelling runs the task's completion here, which removes it from the map: iterate a copy.
        List.copyOf(running.values()).forEach(t -> t.cancel(true));
    }

    /** Configures a {@link TrainingScheduler}. */
    public static final class Builder {
        private JobQueue queue;
        private JobHandler handler;
        private JobListener listener = new JobListener() {
        };
        private Executor workers;
        private ScheduledExecutorService timer;
        private Clock clock = Clock.systemUTC();
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofMinutes(30);
        private int concurrency = 1;

        private Builder() {
        }

        /** Where jobs are stored. Required. */
        public Builder queue(JobQueue queue) {
            this.queue = queue;
            return this;
        }

        /** What a job does. Required. */
        public Builder handler(JobHandler handler) {
            this.handler = handler;
            return this;
        }

        /** Who hears about job changes. */
        public Builder listener(JobListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The executor attempts run on; tests may pass {@code Runnable::run}. Required. */
        public Builder workers(Executor workers) {
            this.workers = workers;
            return this;
        }

        /** The timer for timeouts and back-off wake-ups. Required. */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = timer;
            return this;
        }

        /** The clock for back-off times; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Attempts per job before it fails for good; default 3. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new SchedulerException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the second attempt, doubled for each further one; default 30 s. */
        public Builder backoff(Duration backoff) {
            if (backoff == null || backoff.isNegative()) {
                throw new SchedulerException("backoff must be a duration >= 0, was " + backoff);
            }
            this.backoff = backoff;
            return this;
        }

        /** Longest an attempt may run before it is interrupted and counted as failed; default 30 min. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new SchedulerException("timeout must be a duration > 0, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Jobs (of different models) running at once; default 1. */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new SchedulerException("concurrency must be >= 1, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Builds the scheduler. */
        public TrainingScheduler build() {
            return new TrainingScheduler(this);
        }
    }
}
