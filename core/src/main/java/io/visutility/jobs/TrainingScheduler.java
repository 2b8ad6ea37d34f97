package io.visutility.jobs;

import io.visutility.jobs.internal.JobArguments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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
 * attempts retried after an exponential back-off until {@code maxAttempts}. Each claim is a lease in the
 * name of this scheduler's worker id, renewed on the timer every third of the lease; if the queue says
 * the lease was lost, the attempt is abandoned, since another worker now owns the job. Time comes from
 * the injected clock and timer, so tests drive it without sleeping.
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
    private final String workerId;
    private final Duration lease;
    private final Duration heartbeatEvery;
    private final Map<String, Attempt> running = new HashMap<>();
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
        this.workerId = b.workerId;
        this.lease = b.lease;
        Duration third = b.lease.dividedBy(3);
        this.heartbeatEvery = third.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : third;
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
        Attempt attempt = running.get(jobId);
        if (attempt != null) {
            attempt.stop(Attempt.Stop.CANCELLED);
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

    /** The name this scheduler claims jobs under. */
    public String workerId() {
        return workerId;
    }

    /** Number of attempts running now. */
    public synchronized int runningCount() {
        return running.size();
    }

    /**
     * Claims and starts claimable jobs (queued ones past their back-off, or ones whose worker's lease ran
     * out) while workers are free; plans a wake-up for the next one.
     */
    public synchronized void pump() {
        if (closed) {
            return;
        }
        while (running.size() < concurrency) {
            var claimed = queue.claim(workerId, lease);
            if (claimed.isEmpty()) {
                break;
            }
            dispatch(claimed.get());
        }
        planWake();
    }

    private void dispatch(Job job) {
        Attempt previous = running.remove(job.id());
        if (previous != null) {
            // Our own lease ran out (heartbeats failed) and the claim took the job again: the old attempt is stale.
            LOG.warn("lease of attempt {} of job {} for model {} ran out; abandoning it for attempt {}",
                    previous.claimed.attempts(), job.id(), job.model(), job.attempts());
            previous.stop(Attempt.Stop.LEASE_LOST);
        }
        Attempt attempt = new Attempt(job);
        attempt.task = new FutureTask<>(() -> {
            handler.run(job);
            return null;
        }) {
            @Override
            protected void done() {
                finished(attempt);
            }
        };
        running.put(job.id(), attempt);
        attempt.deadline = timer.schedule(() -> stop(attempt, Attempt.Stop.TIMED_OUT), timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        planHeartbeat(attempt);
        tell("onStarted", job, () -> listener.onStarted(job));
        workers.execute(attempt.task);
    }

    private synchronized void stop(Attempt attempt, Attempt.Stop why) {
        if (running.get(attempt.claimed.id()) == attempt) {
            attempt.stop(why);
        }
    }

    private void planHeartbeat(Attempt attempt) {
        attempt.heartbeat = timer.schedule(() -> heartbeat(attempt), heartbeatEvery.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void heartbeat(Attempt attempt) {
        if (running.get(attempt.claimed.id()) != attempt) {
            return;
        }
        try {
            attempt.claimed = queue.heartbeat(attempt.claimed, lease);
        } catch (LeaseLostException e) {
            LOG.warn("abandoning attempt {} of job {} for model {}: {}", attempt.claimed.attempts(),
                    attempt.claimed.id(), attempt.claimed.model(), e.getMessage());
            attempt.stop(Attempt.Stop.LEASE_LOST);
            return;
        } catch (RuntimeException e) {
            // A queue briefly out of reach: beat again later; a lease that runs out meanwhile is refused then.
            LOG.warn("could not renew the lease of job {} for model {}; trying again in {}", attempt.claimed.id(),
                    attempt.claimed.model(), heartbeatEvery, e);
        }
        planHeartbeat(attempt);
    }

    private synchronized void finished(Attempt attempt) {
        Job job = attempt.claimed;
        boolean current = running.remove(job.id(), attempt);
        attempt.cancelTimers();
        Throwable error = attempt.error();
        try {
            switch (attempt.stopped()) {
                case CANCELLED -> {
                    Job cancelledJob = queue.cancel(job.id());
                    tell("onCancelled", cancelledJob, () -> listener.onCancelled(cancelledJob));
                }
                case LEASE_LOST -> {
                    // Another worker owns the job now: its outcome is that worker's to record and report.
                }
                case RELEASED -> {
                    queue.release(job, "worker " + workerId + " shut down");
                    LOG.info("released job {} for model {} on shutdown; attempt {} is not counted", job.id(),
                            job.model(), job.attempts());
                }
                case TIMED_OUT -> recordFailure(job,
                        new SchedulerException("job " + job.id() + " timed out after " + timeout));
                case NONE -> {
                    if (error == null) {
                        Job succeeded = queue.succeed(job);
                        tell("onSucceeded", succeeded, () -> listener.onSucceeded(succeeded));
                    } else {
                        recordFailure(job, error);
                    }
                }
            }
        } catch (LeaseLostException e) {
            LOG.warn("the outcome of attempt {} of job {} for model {} was refused: {}", job.attempts(), job.id(),
                    job.model(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("could not record the outcome of attempt {} of job {} for model {}; once its lease runs out"
                    + " the job is claimed again", job.attempts(), job.id(), job.model(), e);
        }
        if (current) {
            pump();
        }
    }

    private void recordFailure(Job started, Throwable error) {
        boolean retry = started.attempts() < started.maxAttempts();
        Instant retryAt = retry ? clock.instant().plus(backoff.multipliedBy(1L << Math.min(20, started.attempts() - 1)))
                : null;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        Job failed = queue.fail(started, message, retryAt);
        LOG.warn("job {} for model {} failed on attempt {}/{}{}: {}", started.id(), started.model(),
                started.attempts(), started.maxAttempts(), retry ? ", retrying at " + retryAt : "", message);
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

    /**
     * Stops starting jobs and interrupts running attempts, giving their jobs back to the queue without
     * counting the attempts, so another worker can take them at once.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (wake != null) {
            wake.cancel(false);
        }
        // Stopping runs the attempt's completion here, which removes it from the map: iterate a copy.
        List.copyOf(running.values()).forEach(a -> a.stop(Attempt.Stop.RELEASED));
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
        private String workerId = "worker-" + UUID.randomUUID();
        private Duration lease = Duration.ofMinutes(1);

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

        /** The name claims are made under; unique per running scheduler. Default a random id. */
        public Builder workerId(String workerId) {
            this.workerId = JobArguments.text("workerId", workerId);
            return this;
        }

        /**
         * How long a claim lasts unless renewed; heartbeats renew it every third of it. A job whose worker
         * stops renewing is claimed again once the lease runs out. Default 1 min.
         */
        public Builder lease(Duration lease) {
            this.lease = JobArguments.lease(lease);
            return this;
        }

        /** Builds the scheduler. */
        public TrainingScheduler build() {
            return new TrainingScheduler(this);
        }
    }
}
