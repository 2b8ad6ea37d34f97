package io.visutility.testing;

import io.visutility.bus.EventBus;
import io.visutility.jobs.Job;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.monitor.ModelMonitor;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.retrain.AdaptiveRetrainObserver;
import io.visutility.retrain.PromotionGate;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.retrain.StudyStore;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.RandomSearchTuner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole loop of the original design, wired to run deterministically on the test's thread: a hand-moved
 * clock, a bus delivering on the publisher's thread, the monitor, an in-memory registry and artifact store,
 * the retrain pipeline, and the observer, whose timer only moves on {@link #advance}. A recorder, subscribed
 * first, sees every event in the order it happened. Retrains train on "recent" SEA data of concept 4
 * unless told otherwise; {@link #seedChampion()} first serves a model of concept 1.
 */
public final class LoopFixture {
    /** The model of the original design's test. */
    public static final String MODEL = "quality_detector";
    /** Window 10, decisions from 5 samples, 10 min cooldown, 15 min before a failed incident alarms again. */
    public static final MonitorPolicy POLICY = MonitorPolicy.defaults().withWindow(10, 5)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(15));
    /** Metrics of a model doing well. */
    public static final PerformanceMetrics HEALTHY = PerformanceMetrics.of(0.9, 0.9);
    /** Metrics of a degraded model, as in the original design's test. */
    public static final PerformanceMetrics DEGRADED = PerformanceMetrics.of(0.4, 0.4);

    /** What a test may change before the loop is wired; the defaults suit most tests. */
    public static final class Options {
        public Trainer trainer = new ThresholdTrainer();
        /** Null: random search over the trainer's space, seed 7, warm-started from the champion. */
        public HyperParamTuner tuner;
        public ArtifactStore artifacts = ArtifactStore.inMemory();
        /** Wraps the in-memory registry, to inject failures. */
        public UnaryOperator<ModelRegistry> registry = UnaryOperator.identity();
        public PromotionGate gate = PromotionGate.defaults();
        public Dataset recentData = SeaGenerator.seeded(4).next(4, 2000);
        /** Where attempts run: the caller's thread unless a test holds them (see {@link HeldExecutor}). */
        public Executor workers = Runnable::run;
        public int trials = 3;
        /** Trials trained at once; 1 keeps the order of trials (and their events) deterministic. */
        public int parallelism = 1;
        /** Where studies are kept; null for the pipeline's default (in memory). */
        public StudyStore studies;
        public int maxAttempts = 3;
        public Duration backoff = Duration.ofSeconds(30);
        public Duration timeout = Duration.ofMinutes(30);
    }

    public final MutableClock clock = MutableClock.atEpochOfTests();
    public final ManualScheduler timer = new ManualScheduler(clock);
    public final RecordingObserver events = new RecordingObserver();
    public final EventBus bus = EventBus.builder().executor(Runnable::run).build();
    public final ModelMonitor monitor;
    public final ModelRegistry registry;
    public final ArtifactStore artifacts;
    public final Trainer trainer;
    public final RetrainPipeline pipeline;
    public final AdaptiveRetrainObserver observer;
    private volatile Dataset recent;

    private LoopFixture(Options o) {
        bus.subscribe("recorder", events);
        monitor = ModelMonitor.builder().bus(bus).clock(clock).defaultPolicy(POLICY).build();
        registry = o.registry.apply(ModelRegistry.inMemory(clock));
        artifacts = o.artifacts;
        trainer = o.trainer;
        recent = o.recentData;
        pipeline = RetrainPipeline.builder().registry(registry).artifacts(artifacts).trainer(trainer)
                .tuner(o.tuner == null ? RandomSearchTuner.seeded(trainer.searchSpace(), 7) : o.tuner)
                .datasets(model -> recent).gate(o.gate).bus(bus).clock(clock).trials(o.trials).parallelism(o.parallelism)
                .studies(o.studies != null ? o.studies : StudyStore.inMemory(clock)).build();
        observer = AdaptiveRetrainObserver.builder().monitor(monitor).pipeline(pipeline).workers(o.workers)
                .timer(timer).maxAttempts(o.maxAttempts).backoff(o.backoff).timeout(o.timeout).build().start();
    }

    /** A loop with every default. */
    public static LoopFixture create() {
        return create(o -> { });
    }

    /** A loop with the options {@code configure} sets. */
    public static LoopFixture create(Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        return new LoopFixture(options);
    }

    /** Trains a first model of {@link #MODEL} on SEA concept 1 and makes it champion, as version 1. */
    public ModelVersion seedChampion() {
        return seedChampion(MODEL, HyperParams.empty());
    }

    /** Trains {@code model} on SEA concept 1 with {@code params}, registers it and makes it champion. */
    public ModelVersion seedChampion(String model, HyperParams params) {
        Dataset.Split data = SeaGenerator.seeded(1).next(1, 2000).split(0.25, 1);
        TrainingResult result = trainer.train(new TrainingRequest(model, params, data.train(), data.validation(), 1));
        String sha256 = artifacts.put(result.artifact()).sha256();
        ModelVersion version = registry.register(new NewModelVersion(model, sha256, result.params(),
                result.validation().asMap(), Lineage.manual(trainer.name(), Map.of("concept", "1")), null));
        Integer current = registry.alias(model, ModelRegistry.CHAMPION).map(ModelVersion::version).orElse(null);
        registry.setAlias(model, ModelRegistry.CHAMPION, version.version(), current, "seeded by the test");
        return version;
    }

    /** Reports {@code metrics} for {@link #MODEL} {@code times} times. */
    public void report(int times, PerformanceMetrics metrics) {
        report(MODEL, times, metrics);
    }

    /** Reports {@code metrics} for {@code model} {@code times} times. */
    public void report(String model, int times, PerformanceMetrics metrics) {
        for (int i = 0; i < times; i++) {
            monitor.observe(model, metrics);
        }
    }

    /** Fills {@link #MODEL}'s window with degraded samples: enough to open an incident. */
    public void degrade() {
        report(POLICY.windowSize(), DEGRADED);
    }

    /** Moves time, running what the observer's timer has due (retries, timeouts). */
    public void advance(Duration d) {
        timer.advance(d);
    }

    /** Changes the data the next retrains train on. */
    public void setRecentData(Dataset data) {
        recent = data;
    }

    /** The champion of {@link #MODEL}, if any. */
    public Optional<ModelVersion> champion() {
        return registry.models().contains(MODEL) ? registry.alias(MODEL, ModelRegistry.CHAMPION) : Optional.empty();
    }

    /** The retrain jobs of {@code model}, oldest first. */
    public List<Job> jobs(String model) {
        return observer.scheduler().queue().list(model);
    }
}
