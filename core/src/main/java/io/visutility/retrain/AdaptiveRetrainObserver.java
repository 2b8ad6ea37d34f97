package io.visutility.retrain;

import io.visutility.bus.Observer;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobListener;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.TrainingScheduler;
import io.visutility.monitor.ModelMonitor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The original design's observer, made robust: on {@code DriftDetected} it asks the scheduler for a
 * retrain (single-flight per model: a duplicate request becomes {@code RetrainSkipped}); the job runs
 * the {@link RetrainPipeline}; the outcome is published and handed back to the monitor. A failing
 * tuner, trainer or store fails that one job ({@code RetrainFailed}); the observer keeps working.
 */
public final class AdaptiveRetrainObserver implements Observer, JobListener, AutoCloseable {
    private final ModelMonitor monitor;
    private final Function<String, RetrainPipeline> pipelines;
    private final TrainingScheduler scheduler;
    private final Clock clock;
    private Subscription subscription;

    private AdaptiveRetrainObserver(Builder b) {
        this.monitor = Objects.requireNonNull(b.monitor, "monitor");
        this.pipelines = Objects.requireNonNull(b.pipelines, "pipeline");
        this.clock = monitor.clock();
        TrainingScheduler.Builder scheduling = TrainingScheduler.builder();
        if (b.workerId != null) {
            scheduling.workerId(b.workerId);
        }
        if (b.lease != null) {
            scheduling.lease(b.lease);
        }
        this.scheduler = scheduling
                .queue(b.queue == null ? JobQueue.inMemory(clock) : b.queue)
                .handler(this::runJob)
                .listener(this)
                .workers(Objects.requireNonNull(b.workers, "workers"))
                .timer(Objects.requireNonNull(b.timer, "timer"))
                .clock(clock)
                .maxAttempts(b.maxAttempts)
                .backoff(b.backoff)
                .timeout(b.timeout)
                .concurrency(b.concurrency)
                .build();
    }

    /** Starts configuring an observer. */
    public static Builder builder() {
        return new Builder();
    }

    /** Subscribes to the monitor; returns this observer. */
    public synchronized AdaptiveRetrainObserver start() {
        if (subscription == null) {
            subscription = monitor.subscribe("adaptive-retrain", this);
        }
        return this;
    }

    /** The scheduler running the retrain jobs (for manual retrains and job queries). */
    public TrainingScheduler scheduler() {
        return scheduler;
    }

    /** Asks for a retrain of {@code model} outside any incident, as an operator would. */
    public EnqueueResult requestRetrain(String model, String reason) {
        return request(model, null, reason);
    }

    @Override
    public void onEvent(MonitorEvent event) {
        if (event instanceof MonitorEvent.DriftDetected drift) {
            request(drift.model(), drift.id(), drift.reason());
        }
    }

    private EnqueueResult request(String model, String triggerEventId, String reason) {
        EnqueueResult result = scheduler.submit(model, triggerEventId);
        if (result instanceof EnqueueResult.AlreadyActive active) {
            monitor.bus().publish(new MonitorEvent.RetrainSkipped(MonitorEvent.newId(), model, clock.instant(),
                    triggerEventId, active.job().id(), "a retrain job is already active for " + model
                    + " (" + active.job().state() + "); not starting another for: " + reason));
        }
        return result;
    }

    private void runJob(Job job) {
        RetrainPipeline pipeline = pipelines.apply(job.model());
        if (pipeline == null) {
            throw new RetrainException("no retrain pipeline for model " + job.model());
        }
        RetrainOutcome outcome = pipeline.run(job);
        monitor.retrainFinished(job.model(), job.id(), outcome.promoted());
    }

    @Override
    public void onQueued(Job job) {
        monitor.retrainStarted(job.model(), job.id());
        monitor.bus().publish(new MonitorEvent.RetrainRequested(MonitorEvent.newId(), job.model(), clock.instant(),
                job.id(), job.triggerEventId()));
    }

    @Override
    public void onFailed(Job job, Throwable error, boolean willRetry) {
        monitor.bus().publish(new MonitorEvent.RetrainFailed(MonitorEvent.newId(), job.model(), clock.instant(),
                job.id(), error.getMessage() == null ? error.getClass().getName() : error.getMessage(), willRetry));
        if (!willRetry) {
            monitor.retrainFinished(job.model(), job.id(), false);
        }
    }

    @Override
    public void onCancelled(Job job) {
        monitor.retrainFinished(job.model(), job.id(), false);
    }

    /** Unsubscribes and stops the scheduler. */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        scheduler.close();
    }

    /** Configures an {@link AdaptiveRetrainObserver}. */
    public static final class Builder {
        private ModelMonitor monitor;
        private Function<String, RetrainPipeline> pipelines;
        private JobQueue queue;
        private Executor workers;
        private ScheduledExecutorService timer;
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofMinutes(30);
        private int concurrency = 1;
        private String workerId;
        private Duration lease;

        private Builder() {
        }

        /** The monitor to observe and to report outcomes to; its clock is used. Required. */
        public Builder monitor(ModelMonitor monitor) {
            this.monitor = monitor;
            return this;
        }

        /** What a retrain job does. Required. */
        public Builder pipeline(RetrainPipeline pipeline) {
            Objects.requireNonNull(pipeline, "pipeline");
            this.pipelines = model -> pipeline;
            return this;
        }

        /**
         * Retrains each model with the pipeline {@code pipelines} gives for its name (each model its own
         * trainer, tuner and data); a model without one fails its job with a {@link RetrainException}.
         */
        public Builder pipelines(Function<String, RetrainPipeline> pipelines) {
            this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
            return this;
        }

        /** Where jobs are stored; default a queue in memory. */
        public Builder queue(JobQueue queue) {
            this.queue = queue;
            return this;
        }

        /** Executor that runs retrain attempts; tests may pass {@code Runnable::run}. Required. */
        public Builder workers(Executor workers) {
            this.workers = workers;
            return this;
        }

        /** Timer for timeouts and back-off. Required. */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = timer;
            return this;
        }

        /** Attempts per job; default 3. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Back-off before the second attempt, doubled after; default 30 s. */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Longest one attempt may run; default 30 min. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Retrains of different models at once; default 1. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /**
         * The name this observer's scheduler claims jobs under, as seen in the queue (for instance the host
         * and process of an orchestrator sharing a database queue); default a random id.
         */
        public Builder workerId(String workerId) {
            this.workerId = Objects.requireNonNull(workerId, "workerId");
            return this;
        }

        /**
         * How long a claim lasts unless renewed by heartbeats; when this process dies, another claims its
         * job after this long. Default 1 min.
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /** Builds the observer; call {@link AdaptiveRetrainObserver#start()} to subscribe it. */
        public AdaptiveRetrainObserver build() {
            return new AdaptiveRetrainObserver(this);
        }
    }
}
