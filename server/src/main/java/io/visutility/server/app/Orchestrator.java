package io.visutility.server.app;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.ingest.IngestSink;
import io.visutility.ingest.InvalidRecordException;
import io.visutility.ingest.LabelReport;
import io.visutility.ingest.MetricReport;
import io.visutility.ingest.PredictionReport;
import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.monitor.ModelMonitor;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.AdaptiveRetrainObserver;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.server.FeedbackBuffer;
import io.visutility.store.Store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The orchestrator as a service: declared models, the monitor that watches them, the retrain workers
 * that replace a degraded champion, and the store that keeps versions, jobs, studies and events. The
 * HTTP API, the command line, Kafka and the demo all go through it, so each input is validated and
 * applied the same way.
 *
 * <p>The store is the caller's: the orchestrator uses it and leaves it open when it shuts down.
 */
public final class Orchestrator implements IngestSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private final Store store;
    private final Clock clock;
    private final long seed;
    private final int feedbackCapacity;
    private final Duration feedbackWait;
    private final EventBus bus;
    private final ModelMonitor monitor;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AdaptiveRetrainObserver observer;
    private final Map<String, Declared> models = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final Duration poll;

    private Orchestrator(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = b.clock;
        this.seed = b.seed;
        this.feedbackCapacity = b.feedbackCapacity;
        this.feedbackWait = b.feedbackWait;
        this.poll = b.poll;
        this.bus = EventBus.builder().capacity(b.busCapacity).build();
        this.monitor = ModelMonitor.builder().bus(bus).clock(clock).build();
        this.workers = Executors.newFixedThreadPool(b.workers, daemon("visutility-retrain"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("visutility-jobs-timer"));
        this.observer = AdaptiveRetrainObserver.builder()
                .monitor(monitor).pipelines(this::pipeline).queue(store.jobs())
                .workers(workers).timer(timer).concurrency(b.workers)
                .maxAttempts(b.maxAttempts).backoff(b.backoff).timeout(b.jobTimeout)
                .workerId(b.workerId).lease(b.lease)
                .build();
        // Everything but the metric samples, which are many and already summed up in the window.
        bus.subscribe("event-log", event -> {
            if (!(event instanceof MonitorEvent.Metrics)) {
                store.events().append(event);
            }
        });
    }

    /** Starts configuring an orchestrator. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the retrain workers: degraded models get retrained from now on. */
    public Orchestrator start() {
        if (started.compareAndSet(false, true)) {
            observer.start();
            // Jobs queued by another instance, or left by a dead one whose lease ran out, are claimed on
            // the next poll: this instance's own submissions wake the scheduler at once.
            long every = poll.toMillis();
            timer.scheduleWithFixedDelay(this::pump, every, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void pump() {
        try {
            observer.scheduler().pump();
        } catch (RuntimeException e) {
            LOG.warn("polling the job queue failed; trying again in {}", poll, e);
        }
    }

    /** The store of versions, aliases, jobs, studies, events and artifacts. */
    public Store store() {
        return store;
    }

    /** The bus every monitor, retrain and promotion event goes through. */
    public EventBus bus() {
        return bus;
    }

    /** The monitor of every declared model. */
    public ModelMonitor monitor() {
        return monitor;
    }

    /** The clock events are stamped with. */
    public Clock clock() {
        return clock;
    }

    /** The retrain scheduler: how many jobs this instance runs now. */
    public int runningJobs() {
        return observer.scheduler().runningCount();
    }

    /**
     * Declares a model: the monitor watches it with the spec's policy and a retrain uses its trainer,
     * tuner and data. Declaring an equal spec again changes nothing.
     *
     * @return the model's spec
     * @throws DeclarationConflictException when a different spec of that name is declared
     */
    public ModelSpec declare(ModelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Declared fresh = new Declared(spec, Pipelines.build(spec, store, bus, clock, seed,
                feedback(spec)), new Feedback(spec.features(), feedbackCapacity));
        Declared existing = models.putIfAbsent(spec.name(), fresh);
        if (existing != null) {
            if (!existing.spec.sameAs(spec)) {
                throw new DeclarationConflictException(spec.name());
            }
            return existing.spec;
        }
        monitor.setPolicy(spec.name(), spec.policy());
        return spec;
    }

    private FeedbackBuffer feedback(ModelSpec spec) {
        return new FeedbackBuffer(clock, Math.max(feedbackCapacity, spec.minRows()), spec.minRows(), feedbackWait);
    }

    /** The spec of a declared model. */
    public Optional<ModelSpec> model(String name) {
        Declared declared = models.get(name);
        return declared == null ? Optional.empty() : Optional.of(declared.spec);
    }

    /** Every declared model, by name. */
    public List<ModelSpec> models() {
        return models.values().stream().map(d -> d.spec).sorted(Comparator.comparing(ModelSpec::name)).toList();
    }

    /**
     * The spec of a declared model.
     *
     * @throws ModelNotFoundException when no model of that name is declared
     */
    public ModelSpec require(String name) {
        return declared(name).spec;
    }

    private Declared declared(String name) {
        Declared declared = models.get(name);
        if (declared == null) {
            throw new ModelNotFoundException("model " + name + " is not declared");
        }
        return declared;
    }

    /** The retrain machinery of a declared model (for tests in this package). */
    Pipelines pipelines(String model) {
        return declared(model).pipeline;
    }

    private RetrainPipeline pipeline(String model) {
        Declared declared = models.get(model);
        return declared == null ? null : declared.pipeline.pipeline();
    }

    @Override
    public int metrics(String model, List<MetricReport> reports) {
        intake();
        declared(model);
        reports.forEach(r -> monitor.observe(model, r.metrics()));
        count(model, "metrics", reports.size());
        return reports.size();
    }

    @Override
    public int predictions(String model, List<PredictionReport> reports) {
        intake();
        Declared d = declared(model);
        List<float[]> rows = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            rows.add(d.row(reports.get(i).features(), "[" + i + "].features"));
        }
        Feedback.Collected labelled = Feedback.collect();
        for (int i = 0; i < reports.size(); i++) {
            PredictionReport p = reports.get(i);
            float[] row = rows.get(i);
            monitor.observePrediction(model, p.id(), asDoubles(row), p.score(), p.label(), time(p.time()));
            if (p.label() == null) {
                d.feedback.await(p.id(), row);
            } else {
                labelled.add(row, p.label());
            }
        }
        d.learn(labelled);
        count(model, "predictions", reports.size());
        return reports.size();
    }

    @Override
    public int labels(String model, List<LabelReport> reports) {
        intake();
        Declared d = declared(model);
        Feedback.Collected labelled = Feedback.collect();
        for (LabelReport l : reports) {
            monitor.observeLabel(model, l.id(), l.label(), time(l.time()));
            float[] row = d.feedback.take(l.id());
            if (row != null) {
                labelled.add(row, l.label());
            }
        }
        d.learn(labelled);
        count(model, "labels", reports.size());
        return reports.size();
    }

    private void count(String model, String kind, int n) {
        accepted.computeIfAbsent(model + '\u0000' + kind, k -> new LongAdder()).add(n);
    }

    /**
     * How many records of {@code kind} ({@code metrics}, {@code predictions}, {@code labels} or
     * {@code predict}) this instance accepted for {@code model} since it started.
     */
    public long accepted(String model, String kind) {
        LongAdder adder = accepted.get(model + '\u0000' + kind);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Scores {@code features} with the model's champion and logs the prediction for monitoring; its
     * label, reported later under the returned id, becomes retrain feedback.
     *
     * @throws ModelNotFoundException  when the model is not declared
     * @throws NoChampionException     when it has no champion yet
     * @throws InvalidRecordException  when a feature is missing, unknown or not finite
     */
    public Prediction predict(String model, Map<String, Double> features) {
        intake();
        Declared d = declared(model);
        float[] row = d.row(features, "features");
        ModelVersion champion = store.registry().models().contains(model)
                ? store.registry().alias(model, io.visutility.registry.ModelRegistry.CHAMPION).orElse(null) : null;
        if (champion == null) {
            throw new NoChampionException(model);
        }
        double score = d.pipeline.score(champion, row, store.artifacts());
        String id = UUID.randomUUID().toString();
        monitor.observePrediction(model, id, asDoubles(row), score, null, clock.instant());
        d.feedback.await(id, row);
        count(model, "predict", 1);
        return new Prediction(id, champion.version(), score, score >= 0.5 ? 1 : 0);
    }

    /**
     * Queues a retrain of {@code model} now, whatever its health.
     *
     * @return the new job, or the one already active for the model
     */
    public EnqueueResult retrain(String model, String reason) {
        intake();
        declared(model);
        return observer.requestRetrain(model, reason);
    }

    /** Cancels a queued or running job; a running attempt is stopped. */
    public Job cancel(String jobId) {
        return observer.scheduler().cancel(jobId);
    }

    /**
     * Makes the previous champion the champion again.
     *
     * @return the version that is champion now
     */
    public ModelVersion rollback(String model, String actor) {
        Declared d = declared(model);
        return d.pipeline.pipeline().promotions().rollback(model, actor, "rollback requested by " + actor);
    }

    /**
     * Stops taking input, lets running retrains finish for up to {@code grace}, gives the rest back to
     * the queue (another instance or the next start resumes them) and stops the workers and the bus.
     * The store stays open.
     */
    public void shutdown(Duration grace) {
        accepting.set(false);
        long deadline = System.nanoTime() + grace.toNanos();
        while (runningJobs() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        observer.close();
        workers.shutdownNow();
        timer.shutdownNow();
        models.values().forEach(d -> d.pipeline.close());
        bus.close();
    }

    /** Whether the orchestrator still takes input. */
    public boolean accepting() {
        return accepting.get();
    }

    /** As {@link #shutdown} with no grace: running retrains are given back at once. */
    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private void intake() {
        if (!accepting.get()) {
            throw new ShuttingDownException();
        }
    }

    private Instant time(Instant reported) {
        return reported != null ? reported : clock.instant();
    }

    private static double[] asDoubles(float[] row) {
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
        }
        return out;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A declared model's spec, retrain pipeline and waiting predictions. */
    private static final class Declared {
        final ModelSpec spec;
        final Pipelines pipeline;
        final Feedback feedback;

        Declared(ModelSpec spec, Pipelines pipeline, Feedback feedback) {
            this.spec = spec;
            this.pipeline = pipeline;
            this.feedback = feedback;
        }

        /** The features in column order; an unknown, missing or non-finite feature is an error. */
        float[] row(Map<String, Double> features, String field) {
            List<String> names = spec.features();
            for (String name : features.keySet()) {
                if (!names.contains(name)) {
                    throw new InvalidRecordException(field + "." + name, field + "." + name
                            + " is not a feature of " + spec.name() + " (features: " + String.join(", ", names) + ")");
                }
            }
            float[] row = new float[names.size()];
            for (int i = 0; i < row.length; i++) {
                Double value = features.get(names.get(i));
                if (value == null || !Double.isFinite(value)) {
                    throw new InvalidRecordException(field + "." + names.get(i), field + "." + names.get(i)
                            + " must be a finite number, was " + value);
                }
                row[i] = value.floatValue();
            }
            return row;
        }

        void learn(Feedback.Collected labelled) {
            if (!labelled.rows().isEmpty()) {
                pipeline.feedback().add(spec.name(), feedback.rows(labelled.rows(), labelled.labels()));
            }
        }
    }

    /** Configures an {@link Orchestrator}. */
    public static final class Builder {
        private Store store;
        private Clock clock = Clock.systemUTC();
        private int workers = 1;
        private long seed = 42;
        private int busCapacity = 10_000;
        private int feedbackCapacity = 50_000;
        private Duration feedbackWait = Duration.ofMinutes(10);
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofSeconds(30);
        private Duration jobTimeout = Duration.ofMinutes(30);
        private Duration lease = Duration.ofMinutes(1);
        private Duration poll = Duration.ofSeconds(5);
        private String workerId = "visutility-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString()
                .substring(0, 8);

        private Builder() {
        }

        /** Where versions, jobs, studies, events and artifacts are kept. Required. */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock events and windows use; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Retrains run at once by this instance; default 1. */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("workers must be within [1, 64], was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Seeds the tuners and data splits; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Events each bus subscriber may have waiting before droppable ones are dropped; default 10,000. */
        public Builder busCapacity(int busCapacity) {
            this.busCapacity = busCapacity;
            return this;
        }

        /**
         * Labelled rows kept per model for retrains (also the most predictions waiting for labels), and
         * the longest a retrain waits for its model's minimum of fresh rows.
         */
        public Builder feedback(int capacity, Duration maxWait) {
            if (capacity < 10) {
                throw new IllegalArgumentException("feedback capacity must be >= 10, was " + capacity);
            }
            this.feedbackCapacity = capacity;
            this.feedbackWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** Attempts per retrain job and the pause after a failed one; default 3 and 30 s. */
        public Builder attempts(int maxAttempts, Duration backoff) {
            this.maxAttempts = maxAttempts;
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Longest one retrain attempt may run; default 30 minutes. */
        public Builder jobTimeout(Duration jobTimeout) {
            this.jobTimeout = Objects.requireNonNull(jobTimeout, "jobTimeout");
            return this;
        }

        /** This instance's worker id and its job lease (renewed while a job runs); default a fresh id, 1 minute. */
        public Builder worker(String workerId, Duration lease) {
            this.workerId = Objects.requireNonNull(workerId, "workerId");
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /** How often the job queue is polled for jobs other instances queued or abandoned; default 5 s. */
        public Builder poll(Duration poll) {
            if (poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("poll must be positive, was " + poll);
            }
            this.poll = poll;
            return this;
        }

        /** Builds the orchestrator; call {@link Orchestrator#start()} to start its retrain workers. */
        public Orchestrator build() {
            return new Orchestrator(this);
        }
    }
}
