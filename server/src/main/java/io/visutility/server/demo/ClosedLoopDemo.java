package io.visutility.server.demo;

import io.visutility.drift.DriftDetectors;
import io.visutility.drift.stream.RowStream;
import io.visutility.event.MonitorEvent;
import io.visutility.ingest.LabelReport;
import io.visutility.jobs.Job;
import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.LabelPolicy;
import io.visutility.monitor.ModelHealth;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.monitor.Signal;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.server.StudyProgress;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.app.Prediction;
import io.visutility.store.Store;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.xgboost.XGBoostTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed loop played on a synthetic stream: an XGBoost champion trained on the first concept serves
 * every row through {@link Orchestrator#predict}, the path of the HTTP {@code /predict}; each label comes
 * back {@link #LABEL_DELAY} rows later through {@link Orchestrator#labels}. The monitor reads the error
 * stream with the recommended drift detector, the orchestrator retrains on the labelled rows that arrive
 * after its request, and the gate decides. A shadow copy of the first champion scores the same rows and
 * is never replaced; an oracle trained on plenty of new-concept rows shows what a retrain could reach.
 *
 * <p>Rows are served as fast as the machine allows, far faster than real traffic, so once the retrain
 * has its rows the stream waits for the outcome: the figures then do not depend on the machine's speed.
 */
final class ClosedLoopDemo implements AutoCloseable {
    /** Rows between a prediction and the arrival of its label. */
    static final int LABEL_DELAY = 200;
    private static final int LABEL_BATCH = 50;
    private static final int INITIAL_ROWS = 5_000;
    private static final int ORACLE_ROWS = 20_000;
    private static final Duration OUTCOME_LIMIT = Duration.ofMinutes(5);

    private final Clock clock = Clock.systemUTC();
    private final DemoStream stream;
    private final int rows;
    private final long seed;
    private final int trials;
    private final PrintWriter progress;
    private final String model;
    private final Path dataDir;
    private final Store store;
    private final Orchestrator orchestrator;
    private final DemoRecorder recorder = new DemoRecorder();
    private final XGBoostTrainer trainer = new XGBoostTrainer();

    ClosedLoopDemo(Path dataDir, DemoStream stream, int rows, long seed, int trials, PrintWriter progress) {
        this.stream = stream;
        this.rows = rows;
        this.seed = seed;
        this.trials = trials;
        this.progress = progress;
        this.model = "closed_loop_" + stream.label();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.store = Store.sqlite(this.dataDir, clock);
        this.orchestrator = Orchestrator.builder().store(store).clock(clock).workers(1).seed(seed)
                .feedback(50_000, Duration.ofMinutes(2)).attempts(1, Duration.ofSeconds(1))
                .jobTimeout(Duration.ofMinutes(5)).build();
        orchestrator.bus().subscribe("demo-recorder", recorder);
        StudyProgress bar = StudyProgress.forConsole(progress, trials, "f1");
        if (bar != null) {
            orchestrator.bus().subscribe("study-progress", bar);
        }
    }

    /** The row the concept changes at: a third of the way. */
    static int driftAt(int rows) {
        return rows / 3;
    }

    /**
     * Fresh labelled rows a retrain needs: a quarter of the stream, 750 to 8,000. Fewer leave the candidate
     * short of what the new concept allows; the served rows after the promotion still number a third.
     */
    static int minRows(int rows) {
        return Math.max(750, Math.min(8_000, rows / 4));
    }

    /**
     * Judged on the error stream of labelled predictions only: the recommended detector (ADWIN with a quick
     * CUSUM) opens the incident; the metric rule and feature drift do not, since these concepts differ in
     * their labels, not their features. Cooldown and retry outlast the run, so one change makes one job.
     */
    static MonitorPolicy policy() {
        return MonitorPolicy.defaults()
                .withLabels(LabelPolicy.defaults().withWindow(500, 200))
                .withDetectors(List.of(new DetectorFactory(DriftDetectors.RECOMMENDED, DriftDetectors::recommended)))
                .withSignals(EnumSet.of(Signal.ERROR_DETECTOR))
                .withTimings(Duration.ofHours(1), Duration.ofHours(1));
    }

    ClosedLoopReport run() {
        Instant started = clock.instant();
        // The champion learns from the first rows of the very stream it then serves: for the hyperplane the
        // seed also draws the concept, so another seed would be another concept.
        RowStream before = stream.before(seed);
        List<String> features = before.featureNames();
        ModelVersion first = registerChampion(before.take(INITIAL_ROWS));
        orchestrator.declare(ModelSpec.xgboost(model, features).withPolicy(policy()).withTrials(trials)
                .withMinRows(minRows(rows)));
        orchestrator.start();

        int driftAt = driftAt(rows);
        RowStream after = stream.after(seed);
        float[][] served = new float[rows][];
        int[] labels = new int[rows];
        int[] predicted = new int[rows];
        int[] versions = new int[rows];
        String[] ids = new String[rows];
        RowBar bar = RowBar.forConsole(progress, rows);
        Integer detectedAt = null;
        int labelled = 0;
        int labelsAtRequest = -1;
        boolean announced = false;
        for (int i = 0; i < rows; i++) {
            float[] row = new float[features.size()];
            labels[i] = (i < driftAt ? before : after).next(row);
            served[i] = row;
            Prediction p = orchestrator.predict(model, asMap(features, row));
            ids[i] = p.id();
            predicted[i] = p.label();
            versions[i] = p.version();
            if ((i + 1) % LABEL_BATCH == 0) {
                labelled = sendLabels(ids, labels, labelled, i + 1 - LABEL_DELAY);
                if (detectedAt == null && health() != ModelHealth.HEALTHY) {
                    detectedAt = i;
                    say("drift detected at row " + i + " (the concept changed at row " + driftAt + ")");
                }
                if (labelsAtRequest < 0 && recorder.count(MonitorEvent.RetrainRequested.class) > 0) {
                    labelsAtRequest = labelled;
                }
                if (labelsAtRequest >= 0 && recorder.outcome() == null
                        && labelled - labelsAtRequest >= minRows(rows) + LABEL_BATCH) {
                    awaitOutcome();
                }
                announced = announced || announce();
            }
            if (bar != null) {
                bar.show(i + 1, p.version());
            }
        }
        sendLabels(ids, labels, labelled, rows);
        recorder.awaitQuiet(orchestrator.bus(), Duration.ofSeconds(10));
        if (!announced) {
            announce();
        }
        return report(first, started, driftAt, detectedAt, served, labels, predicted, versions);
    }

    private ClosedLoopReport report(ModelVersion first, Instant started, int driftAt, Integer detectedAt,
                                    float[][] served, int[] labels, int[] predicted, int[] versions) {
        Integer promotedAt = null;
        for (int i = driftAt; i < rows && promotedAt == null; i++) {
            if (versions[i] != first.version()) {
                promotedAt = i;
            }
        }
        int from = promotedAt != null ? promotedAt : driftAt;
        Dataset post = dataset(stream.before(seed).featureNames(), served, labels, from, rows);
        double shadow;
        try (Predictor old = trainer.load(store.artifacts().get(first.sha256()))) {
            shadow = accuracy(old.predict(post), post.labels());
        }
        Double retrained = promotedAt == null ? null : servedAccuracy(predicted, labels, promotedAt, rows);
        List<Job> jobs = store.jobs().list(model).stream().filter(j -> !j.createdAt().isBefore(started)).toList();
        MonitorEvent outcome = recorder.outcome();
        Double seconds = outcome instanceof MonitorEvent.ModelPromoted promoted && recorder.requestedAt() != null
                ? Duration.between(recorder.requestedAt(), promoted.time()).toMillis() / 1000.0 : null;
        ModelVersion champion = store.registry().alias(model, ModelRegistry.CHAMPION).orElseThrow();
        return new ClosedLoopReport(stream.label(), rows, driftAt, detectedAt,
                servedAccuracy(predicted, labels, 0, driftAt), shadow, retrained, oracle(post, rows - driftAt),
                jobs.size(), seconds, champion.version(), champion.sha256(), promotedAt, LABEL_DELAY);
    }

    /** Trains the first champion on rows of the first concept that are not served, and names it champion. */
    private ModelVersion registerChampion(Dataset initial) {
        Dataset.Split split = initial.split(0.2, seed);
        TrainingResult result = trainer.train(new TrainingRequest(model, trainer.searchSpace().defaults(),
                split.train(), split.validation(), seed));
        var ref = store.artifacts().put(result.artifact());
        ModelVersion v = store.registry().register(new NewModelVersion(model, ref.sha256(), result.params(),
                result.validation().asMap(), Lineage.manual(trainer.name(), Map.of("data", stream.firstConcept(),
                "rows", Integer.toString(INITIAL_ROWS), "seed", Long.toString(seed))), "closed-loop-" + ref.sha256()));
        store.registry().setAlias(model, ModelRegistry.CHAMPION, v.version(), null, "closed-loop demo start", "demo");
        say(String.format("champion %s v%d trained on %d rows of %s (validation F1 %.3f); serving %d rows, "
                        + "%s from row %d", model, v.version(), INITIAL_ROWS, stream.firstConcept(),
                result.validation().f1(), rows, stream.secondConcept(), driftAt(rows)));
        return v;
    }

    /**
     * A model trained with default parameters on {@link #ORACLE_ROWS} rows of the new concept that were never
     * served: the same generator, past the rows the stream used.
     */
    private double oracle(Dataset post, int servedAfter) {
        RowStream fresh = stream.after(seed);
        fresh.take(servedAfter);
        Dataset.Split split = fresh.take(ORACLE_ROWS).split(0.2, seed);
        TrainingResult result = trainer.train(new TrainingRequest(model + "_oracle", trainer.searchSpace().defaults(),
                split.train(), split.validation(), seed));
        try (Predictor oracle = trainer.load(result.artifact())) {
            return accuracy(oracle.predict(post), post.labels());
        }
    }

    private int sendLabels(String[] ids, int[] labels, int from, int to) {
        if (to <= from) {
            return from;
        }
        List<LabelReport> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(new LabelReport(ids[i], labels[i], null));
        }
        orchestrator.labels(model, batch);
        return to;
    }

    private void awaitOutcome() {
        say("the retrain has its fresh labelled rows; the stream waits for the candidate");
        long deadline = System.nanoTime() + OUTCOME_LIMIT.toNanos();
        while (recorder.outcome() == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        if (recorder.outcome() == null) {
            throw new IllegalStateException("no retrain outcome within " + OUTCOME_LIMIT + "; events: " + recorder.counts());
        }
    }

    /** Says the retrain's outcome once there is one; returns whether it did. */
    private boolean announce() {
        MonitorEvent outcome = recorder.outcome();
        if (outcome != null) {
            say("retrain outcome: " + outcome.getClass().getSimpleName());
        }
        return outcome != null;
    }

    private ModelHealth health() {
        return orchestrator.monitor().status(model).map(s -> s.health()).orElse(ModelHealth.HEALTHY);
    }

    private static Map<String, Double> asMap(List<String> features, float[] row) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int c = 0; c < row.length; c++) {
            map.put(features.get(c), (double) row[c]);
        }
        return map;
    }

    private static Dataset dataset(List<String> features, float[][] served, int[] labels, int from, int to) {
        int columns = features.size();
        float[] flat = new float[(to - from) * columns];
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(served[i], 0, flat, (i - from) * columns, columns);
            y[i - from] = labels[i];
        }
        return Dataset.of(features, flat, y);
    }

    private static double servedAccuracy(int[] predicted, int[] labels, int from, int to) {
        int right = 0;
        for (int i = from; i < to; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / (to - from);
    }

    private static double accuracy(double[] scores, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += (scores[i] >= 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    private void say(String line) {
        progress.println("[demo] " + line);
        progress.flush();
    }

    @Override
    public void close() {
        orchestrator.close();
        store.close();
    }
}
