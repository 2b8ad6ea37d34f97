package io.visutility.monitor.internal;

import io.visutility.drift.DriftState;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.WindowSummary;
import io.visutility.monitor.LabelPolicy;
import io.visutility.monitor.LabelStats;
import io.visutility.monitor.MonitorException;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.monitor.Signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prediction side of one model: the label join, the labelled window, the error-stream detectors and
 * the feature hook, turning what they see into transitions of the model's {@link ModelState}. The clock is
 * read only when a transition may happen, so the common call costs no clock read.
 */
final class LabelTrack implements LabelJoin.Sink {
    private final String model;
    private final MonitorPolicy policy;
    private final LabelPolicy labels;
    private final FeatureHook.Factory hooks;
    private final ModelState state;
    private final LabelJoin join;
    private final LabelledWindow window;
    private final DetectorBank detectors;
    private FeatureHook hook = FeatureHook.NONE;
    private int dimension = -1;
    private int epoch;
    private long stale;
    private long fed;
    private long fedAtOpen;
    private Clock clock;
    private Instant now;
    private List<MonitorEvent> out;

    LabelTrack(String model, MonitorPolicy policy, FeatureHook.Factory hooks, ModelState state) {
        this.model = model;
        this.policy = policy;
        this.labels = policy.labels();
        this.hooks = hooks;
        this.state = state;
        this.join = new LabelJoin(labels.horizon().toNanos() / 1_000, labels.maxPending(), labels.maxEarlyLabels());
        this.window = new LabelledWindow(labels.window());
        this.detectors = new DetectorBank(policy.detectors());
    }

    List<MonitorEvent> prediction(String id, long at, double[] features, double score, int label, Clock clock) {
        if (dimension >= 0 && features.length != dimension) {
            throw new MonitorException("features must have " + dimension + " values for model " + model + ", had "
                    + features.length);
        }
        begin(clock);
        if (dimension < 0) {
            dimension = features.length;
            hook = hooks.create(model, dimension);
        }
        String drifted = hook.observe(features);
        if (drifted != null && policy.allows(Signal.FEATURE_DRIFT) && state.canOpen(now())) {
            fedAtOpen = fed;
            emit(state.open(now(), window.summary(), "feature drift: " + drifted, true));
        }
        join.prediction(id, at, score, label, epoch, this);
        return end();
    }

    List<MonitorEvent> label(String id, long at, int label, Clock clock) {
        begin(clock);
        join.label(id, at, label, this);
        return end();
    }

    @Override
    public void joined(double score, int label, long latencyMicros, int tag) {
        if (tag != epoch) {
            // Made by the version served before the last promotion: not evidence about this one.
            stale++;
            return;
        }
        boolean predicted = score >= labels.threshold();
        boolean actual = label == 1;
        window.add(predicted, actual, latencyMicros);
        fed++;
        double error = predicted == actual ? 0.0 : 1.0;
        detectors.fed();
        for (int i = 0; i < detectors.size(); i++) {
            DriftState s = detectors.update(i, error);
            if (s == DriftState.WARNING && policy.publishWarnings()) {
                emit(new MonitorEvent.DriftWarning(MonitorEvent.newId(), model, now(), detectors.name(i),
                        detectors.count(), describe(i, "warning")));
            } else if (s == DriftState.DRIFT && policy.allows(Signal.ERROR_DETECTOR) && state.canOpen(now())) {
                fedAtOpen = fed;
                emit(state.open(now(), window.summary(), describe(i, "drift"), true));
            }
        }
        if (window.size() >= labels.minLabelled()) {
            judge();
        }
    }

    private void judge() {
        if (state.degraded()) {
            WindowSummary summary = window.summary();
            if (state.openedByLabels() && fed - fedAtOpen >= labels.window() && policy.rule().isRecovered(summary)) {
                emit(state.recover(now(), summary));
            }
        } else if (policy.allows(Signal.PERFORMANCE_RULE)) {
            WindowSummary summary = window.summary();
            if (policy.rule().isDegraded(summary) && state.canOpen(now())) {
                fedAtOpen = fed;
                emit(state.open(now(), summary, "labelled predictions: " + policy.rule().explain(summary), true));
            }
        }
    }

    private String describe(int i, String what) {
        return String.format(Locale.ROOT, "error-stream detector %s: %s after %,d labelled predictions",
                detectors.name(i), what, detectors.count());
    }

    /** Restarts the window, resets the detectors and the feature reference; earlier predictions become stale. */
    void rearm() {
        epoch++;
        window.clear();
        detectors.reset();
        hook.rearm();
    }

    /** Writes the labelled window, the detectors, the counters and the join's counts (not its pending pairs). */
    void write(SnapshotWriter w) {
        w.writeInt(dimension).writeInt(epoch).writeLong(stale).writeLong(fed).writeLong(fedAtOpen);
        w.writeLong(join.predictions).writeLong(join.labels).writeLong(join.joined).writeLong(join.expired)
                .writeLong(join.dropped).writeLong(join.duplicateLabels).writeLong(join.duplicatePredictions)
                .writeLong(join.unmatchedLabels).writeLong(join.droppedLabels);
        window.write(w);
        detectors.write(w);
    }

    /** Restores what {@link #write} wrote. */
    void read(SnapshotReader r) {
        int dim = r.readInt();
        epoch = r.readInt();
        stale = r.readLong();
        fed = r.readLong();
        fedAtOpen = r.readLong();
        join.predictions = r.readLong();
        join.labels = r.readLong();
        join.joined = r.readLong();
        join.expired = r.readLong();
        join.dropped = r.readLong();
        join.duplicateLabels = r.readLong();
        join.duplicatePredictions = r.readLong();
        join.unmatchedLabels = r.readLong();
        join.droppedLabels = r.readLong();
        window.read(r);
        detectors.read(r);
        if (dim >= 0) {
            dimension = dim;
            hook = hooks.create(model, dimension);
        }
    }

    LabelStats stats() {
        return new LabelStats(join.predictions, join.labels, join.joined, join.expired, join.dropped,
                join.duplicateLabels, join.duplicatePredictions, join.unmatchedLabels, join.droppedLabels, stale,
                join.pending(), join.earlyLabels(), window.counts(), micros(window.latencyMean()),
                micros(window.latencyQuantile(0.5)), micros(window.latencyQuantile(0.99)));
    }

    private void begin(Clock clock) {
        this.clock = clock;
        this.now = null;
    }

    private List<MonitorEvent> end() {
        if (state.degraded() && state.retryDue(now())) {
            emit(state.retry(now(), window.summary()));
        }
        List<MonitorEvent> events = out;
        out = null;
        clock = null;
        return events;
    }

    private Instant now() {
        if (now == null) {
            now = clock.instant();
        }
        return now;
    }

    private void emit(MonitorEvent event) {
        if (out == null) {
            out = new ArrayList<>(2);
        }
        out.add(event);
    }

    private static Duration micros(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }
}
