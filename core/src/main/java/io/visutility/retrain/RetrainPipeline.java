package io.visutility.retrain;

import io.visutility.VisutilityException;
import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.metrics.ClassificationMetrics;
import io.visutility.registry.AliasChange;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.Names;
import io.visutility.registry.NewModelVersion;
import io.visutility.training.Dataset;
import io.visutility.training.DatasetSource;
import io.visutility.training.Predictor;
import io.visutility.training.Trainer;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.Trial;
import io.visutility.tuning.TrialScheduler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retrain, start to finish: snapshot recent data and split it three ways (train, validation for the
 * tuner, holdout for the gate); run the tuner's trials; store the best candidate's artifact under its
 * real SHA-256; register it with its lineage; score it and the champion on the same holdout; and move
 * the {@code champion} alias by compare-and-set only if the {@link PromotionGate} says so.
 * Every trial and every verdict is stored in the {@link StudyStore}: a retried job resumes its study
 * without training finished trials again, and one that already registered its candidate resumes at the
 * gate. A promotion points {@code previous} at the replaced champion, so it can be rolled back.
 */
public final class RetrainPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainPipeline.class);
    /** How many earlier studies of a model seed a new study's tuner. */
    private static final int PRIOR_STUDIES = 5;

    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final Trainer trainer;
    private final Function<List<Trial>, TrialScheduler> schedulers;
    private final String schedulerDescription;
    private final DatasetSource datasets;
    private final PromotionGate gate;
    private final EventBus bus;
    private final Clock clock;
    private final StudyStore studies;
    private final Promotions promotions;
    private final int parallelism;
    private final Executor executor;
    private final double holdoutFraction;
    private final double validationFraction;
    private final long seed;

    private RetrainPipeline(Builder b) {
        this.registry = Objects.requireNonNull(b.registry, "registry");
        this.artifacts = Objects.requireNonNull(b.artifacts, "artifacts");
        this.trainer = Objects.requireNonNull(b.trainer, "trainer");
        if (b.schedulers != null) {
            this.schedulers = b.schedulers;
            this.schedulerDescription = b.schedulerDescription;
        } else {
            HyperParamTuner tuner = Objects.requireNonNull(b.tuner, "tuner (or a scheduler)");
            int trials = b.trials;
            this.schedulers = prior -> new TunerScheduler(tuner.withPrior(prior), trials);
            this.schedulerDescription = "fullBudget(" + tuner.getClass().getSimpleName() + ", " + trials + " trials)";
        }
        this.datasets = Objects.requireNonNull(b.datasets, "datasets");
        this.gate = b.gate;
        this.bus = Objects.requireNonNull(b.bus, "bus");
        this.clock = b.clock;
        this.studies = b.studies != null ? b.studies : StudyStore.inMemory(b.clock);
        this.promotions = new Promotions(registry);
        this.parallelism = b.parallelism;
        this.executor = b.executor;
        this.holdoutFraction = b.holdoutFraction;
        this.validationFraction = b.validationFraction;
        this.seed = b.seed;
    }

    /** Starts configuring a pipeline. */
    public static Builder builder() {
        return new Builder();
    }

    /** The trainer candidates are made with. */
    public Trainer trainer() {
        return trainer;
    }

    /** Where this pipeline keeps its studies, trials and gate decisions. */
    public StudyStore studies() {
        return studies;
    }

    /** The champion/previous alias moves this pipeline makes, including {@link Promotions#rollback}. */
    public Promotions promotions() {
        return promotions;
    }

    /**
     * Runs the retrain for {@code job}.
     *
     * @throws RetrainException when no trial succeeds or a step fails; nothing is promoted then
     */
    public RetrainOutcome run(Job job) {
        String model = job.model();
        ModelVersion champion = registry.models().contains(model)
                ? registry.alias(model, ModelRegistry.CHAMPION).orElse(null) : null;
        // A drift's retrain learns from what arrived after the drift was seen; one asked for by hand (no
        // trigger event) from every row the source holds.
        Dataset data = job.triggerEventId() == null ? datasets.recent(model) : datasets.recent(model, job.createdAt());
        // Seeded by model, not by the random job id, so the lineage's seed reproduces the split.
        long splitSeed = seed ^ model.hashCode();
        Dataset.Split outer = data.split(holdoutFraction, splitSeed);
        Dataset.Split inner = outer.train().split(validationFraction, splitSeed + 1);
        Dataset holdout = outer.validation();

        Optional<ModelVersion> resumed = registry.versions(model).stream()
                .filter(v -> job.id().equals(v.lineage().jobId())).findFirst();
        Study.Result study = null;
        ModelVersion candidate;
        boolean alreadyPromoted = false;
        if (resumed.isPresent()) {
            candidate = resumed.get();
            LOG.info("job {} already registered {} v{}; resuming at the promotion gate", job.id(), model,
                    candidate.version());
            if (champion != null && champion.version() == candidate.version()) {
                // An earlier attempt moved the alias and failed before it finished: the promotion stands,
                // and the version to report as replaced is the one that alias change replaced.
                alreadyPromoted = true;
                champion = replacedBy(model, candidate.version());
            }
        } else {
            HyperParams base = champion != null ? champion.params() : trainer.searchSpace().defaults();
            StudyRecord record = studies.openStudy(model, job.id(), seed, schedulerDescription);
            TrialScheduler scheduler = schedulers.apply(prior(model, record.id()));
            study = runStudy(job, record, scheduler, base, inner);
            candidate = register(job, champion, study, data, inner, holdout);
        }

        ClassificationMetrics candidateHoldout = score(candidate, holdout);
        ClassificationMetrics championHoldout = champion == null ? null : score(champion, holdout);
        PromotionDecision decision = new Verdicts(studies, gate, clock).decide(job, candidate, champion,
                candidateHoldout, championHoldout, alreadyPromoted);
        Map<String, Double> championMap = championHoldout == null ? Map.of() : championHoldout.asMap();
        if (decision.promote()) {
            promotions.promote(model, candidate.version(), champion == null ? null : champion.version(),
                    "job " + job.id() + ": " + decision.reason(), actor(job));
            bus.publish(new MonitorEvent.ModelPromoted(MonitorEvent.newId(), model, clock.instant(),
                    candidate.version(), champion == null ? null : champion.version(), decision.reason(),
                    candidateHoldout.asMap(), championMap));
        } else {
            bus.publish(new MonitorEvent.PromotionRejected(MonitorEvent.newId(), model, clock.instant(),
                    candidate.version(), champion == null ? null : champion.version(), decision.reason(),
                    candidateHoldout.asMap(), championMap));
        }
        return new RetrainOutcome(candidate, champion, decision, candidateHoldout, championHoldout,
                study == null ? trialsOfJob(job) : study.asTrials());
    }

    /** Succeeded trials of the model's last few studies before {@code studyId}: the tuner's prior. */
    private List<Trial> prior(String model, String studyId) {
        return studies.studies(model, PRIOR_STUDIES + 1).stream()
                .filter(s -> !s.id().equals(studyId)).limit(PRIOR_STUDIES)
                .flatMap(s -> studies.trials(s.id()).stream())
                .filter(t -> t.state() == TrialState.SUCCEEDED).map(TrialRecord::toTrial).toList();
    }

    private List<Trial> trialsOfJob(Job job) {
        return studies.studyOfJob(job.id()).map(s -> studies.trials(s.id())).orElse(List.of()).stream()
                .map(TrialRecord::toTrial).toList();
    }

    private Study.Result runStudy(Job job, StudyRecord record, TrialScheduler scheduler, HyperParams base,
                                  Dataset.Split inner) {
        Study study = new Study(studies, artifacts, trainer, bus, clock, gate.metric(), parallelism);
        if (executor != null || parallelism == 1) {
            return study.run(job, record, scheduler, base, inner, executor != null ? executor : Runnable::run);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "retrain-" + job.model() + "-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            return study.run(job, record, scheduler, base, inner, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Who a promotion by {@code job} is recorded as, in the alias history. */
    static String actor(Job job) {
        // Job ids come from whichever queue is plugged in: a strange id must not stop a promotion.
        String actor = "retrain job " + job.id().codePoints()
                .map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        return actor.length() <= Names.MAX_ACTOR ? actor : actor.substring(0, Names.MAX_ACTOR);
    }

    /** The version that {@code version} replaced as champion, or null if it was the first champion. */
    private ModelVersion replacedBy(String model, int version) {
        return registry.aliasHistory(model, ModelRegistry.CHAMPION).stream()
                .filter(change -> change.to() == version).reduce((first, last) -> last)
                .map(AliasChange::from).map(v -> registry.get(model, v)).orElse(null);
    }

    private ModelVersion register(Job job, ModelVersion champion, Study.Result study, Dataset data,
                                  Dataset.Split inner, Dataset holdout) {
        TrialRecord best = study.best();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rows", Integer.toString(data.rows()));
        details.put("trainRows", Integer.toString(inner.train().rows()));
        details.put("validationRows", Integer.toString(inner.validation().rows()));
        details.put("holdoutRows", Integer.toString(holdout.rows()));
        details.put("features", String.join(",", data.featureNames()));
        details.put("study", study.study().id());
        details.put("trial", Integer.toString(best.number()));
        details.put("trials", Integer.toString(study.trials().size()));
        details.put("budget", best.budget().toString());
        details.put("seed", Long.toString(seed));
        details.put("attempt", Integer.toString(job.attempts()));
        details.put("java", System.getProperty("java.version"));
        Lineage lineage = new Lineage(champion == null ? null : champion.version(), job.triggerEventId(), job.id(),
                trainer.name(), details);
        ModelVersion version = registry.register(new NewModelVersion(job.model(), best.artifactSha256(),
                best.params(), best.metrics(), lineage, "job:" + job.id()));
        bus.publish(new MonitorEvent.ModelRegistered(MonitorEvent.newId(), job.model(), clock.instant(),
                version.version(), version.sha256(), job.id()));
        return version;
    }

    /** Scores a registered version on {@code data}, loading it from its verified artifact. */
    public ClassificationMetrics score(ModelVersion version, Dataset data) {
        byte[] bytes = artifacts.get(version.sha256());
        try (Predictor predictor = trainer.load(bytes)) {
            return ClassificationMetrics.evaluate(predictor.predict(data), data.labels(), 0.5);
        } catch (VisutilityException e) {
            throw new RetrainException("cannot score " + version.name() + " v" + version.version() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Configures a {@link RetrainPipeline}. */
    public static final class Builder {
        private ModelRegistry registry;
        private ArtifactStore artifacts;
        private Trainer trainer;
        private HyperParamTuner tuner;
        private Function<List<Trial>, TrialScheduler> schedulers;
        private String schedulerDescription;
        private StudyStore studies;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Executor executor;
        private DatasetSource datasets;
        private PromotionGate gate = PromotionGate.defaults();
        private EventBus bus;
        private Clock clock = Clock.systemUTC();
        private int trials = 8;
        private double holdoutFraction = 0.2;
        private double validationFraction = 0.25;
        private long seed = 42;

        private Builder() {
        }

        /** Where versions and aliases live. Required. */
        public Builder registry(ModelRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Where artifacts live. Required. */
        public Builder artifacts(ArtifactStore artifacts) {
            this.artifacts = artifacts;
            return this;
        }

        /** What trains candidates and loads champions. Required. */
        public Builder trainer(Trainer trainer) {
            this.trainer = trainer;
            return this;
        }

        /**
         * What proposes candidates; each study runs {@link #trials(int)} of them with the full budget, its tuner
         * seeded with the succeeded trials of the model's last five studies. Required unless a scheduler is set.
         */
        public Builder tuner(HyperParamTuner tuner) {
            this.tuner = tuner;
            return this;
        }

        /**
         * What decides each study's trials and budgets, instead of {@link #tuner}: {@code factory} gets the
         * succeeded trials of the model's last five studies (the warm-start prior) and returns the study's
         * scheduler; {@code description} names it in the stored study.
         */
        public Builder scheduler(String description, Function<List<Trial>, TrialScheduler> factory) {
            if (description == null || description.isBlank() || description.length() > StudyRecord.MAX_SCHEDULER) {
                throw new RetrainException("scheduler description must be 1.." + StudyRecord.MAX_SCHEDULER
                        + " characters, was " + (description == null ? "null" : "'" + description + "'"));
            }
            this.schedulers = Objects.requireNonNull(factory, "factory");
            this.schedulerDescription = description;
            return this;
        }

        /** Where studies, trials and gate decisions are kept; default a store in memory. */
        public Builder studies(StudyStore studies) {
            this.studies = Objects.requireNonNull(studies, "studies");
            return this;
        }

        /** Trials trained at once, >= 1; default the number of processors. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new RetrainException("parallelism must be >= 1, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * What runs the trials (tests pass {@code Runnable::run}); default a pool of {@link #parallelism} threads
         * per study, or the job's own thread when parallelism is 1.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where recent labelled data comes from. Required. */
        public Builder datasets(DatasetSource datasets) {
            this.datasets = datasets;
            return this;
        }

        /** The promotion rule; default {@link PromotionGate#defaults()}. */
        public Builder gate(PromotionGate gate) {
            this.gate = Objects.requireNonNull(gate, "gate");
            return this;
        }

        /** Where trial, registration and promotion events go. Required. */
        public Builder bus(EventBus bus) {
            this.bus = bus;
            return this;
        }

        /** Clock for event times; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Trials per retrain, >= 1; default 8. */
        public Builder trials(int trials) {
            if (trials < 1) {
                throw new RetrainException("trials must be >= 1, was " + trials);
            }
            this.trials = trials;
            return this;
        }

        /** Share of the data kept for the gate, in (0, 1); default 0.2. */
        public Builder holdoutFraction(double fraction) {
            this.holdoutFraction = fraction(fraction, "holdoutFraction");
            return this;
        }

        /** Share of the rest used to pick the best trial, in (0, 1); default 0.25. */
        public Builder validationFraction(double fraction) {
            this.validationFraction = fraction(fraction, "validationFraction");
            return this;
        }

        /** Seed for splits and training. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        private static double fraction(double value, String field) {
            if (!(value > 0 && value < 1)) {
                throw new RetrainException(field + " must be within (0, 1), was " + value);
            }
            return value;
        }

        /** Builds the pipeline. */
        public RetrainPipeline build() {
            return new RetrainPipeline(this);
        }
    }
}
