package io.visutility.monitor.internal;

import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.MetricsWindow;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.metrics.WindowSummary;
import io.visutility.monitor.LabelStats;
import io.visutility.monitor.ModelHealth;
import io.visutility.monitor.ModelStatus;
import io.visutility.monitor.MonitorException;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.monitor.Signal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One model's windows and state machine. Callers hold the object's monitor; every call returns the events
 * its transitions raised, which the caller publishes after releasing the lock. Reported metrics and
 * labelled predictions are two sources for the same state machine: whichever opens an incident, there is
 * one incident at a time, and it closes on a fresh window of the source that opened it.
 */
public final class ModelState {
    private final String model;
    private final MonitorPolicy policy;
    private final MetricsWindow window;
    private final LabelTrack labels;
    private ModelHealth health = ModelHealth.HEALTHY;
    private long observed;
    private String incidentId;
    private boolean openedByLabels;
    private int attempt;
    private long openedAtSample;
    private String activeJobId;
    private Instant quietUntil;
    private Instant retryAt;

    /** A healthy model under {@code policy}, watching no features. */
    public ModelState(String model, MonitorPolicy policy) {
        this(model, policy, FeatureHook.Factory.NONE);
    }

    /** A healthy model under {@code policy} whose feature rows go to a hook from {@code hooks}. */
    public ModelState(String model, MonitorPolicy policy, FeatureHook.Factory hooks) {
        this.model = model;
        this.policy = policy;
        this.window = new MetricsWindow(policy.windowSize());
        this.labels = new LabelTrack(model, policy, hooks, this);
    }

    /** Adds a sample and applies the transition it allows; returns the event it raised, or null. */
    public MonitorEvent observe(PerformanceMetrics m, Instant now) {
        window.add(m);
        observed++;
        if (window.size() < policy.minSamples()) {
            return null;
        }
        WindowSummary summary = window.summary();
        switch (health) {
            case HEALTHY -> {
                if (canOpen(now) && policy.allows(Signal.PERFORMANCE_RULE) && policy.rule().isDegraded(summary)) {
                    return open(now, summary, policy.rule().explain(summary), false);
                }
            }
            case DEGRADED -> {
                // Judge recovery only on a window of samples that all arrived after the alarm, so the
                // healthy samples from before the incident cannot close it.
                boolean freshWindow = observed - openedAtSample >= policy.windowSize();
                if (!openedByLabels && freshWindow && policy.rule().isRecovered(summary)) {
                    return recover(now, summary);
                }
                return retry(now, summary);
            }
            case RETRAINING -> {
                // The running job decides what happens next.
            }
        }
        return null;
    }

    /**
     * A prediction, with its label when already known (else -1); returns the events raised, or null.
     *
     * @throws io.visutility.monitor.MonitorException when the features' count differs from the model's
     */
    public List<MonitorEvent> prediction(String id, long atMicros, double[] features, double score, int label,
                                         Clock clock) {
        return labels.prediction(id, atMicros, features, score, label, clock);
    }

    /** A label for the prediction {@code id}; returns the events raised, or null. */
    public List<MonitorEvent> label(String id, long atMicros, int label, Clock clock) {
        return labels.label(id, atMicros, label, clock);
    }

    /** The label join's counters and window. */
    public LabelStats labelStats() {
        return labels.stats();
    }

    /** Whether an incident may open now: healthy and not in the cooldown after a promotion. */
    boolean canOpen(Instant now) {
        return health == ModelHealth.HEALTHY && (quietUntil == null || !now.isBefore(quietUntil));
    }

    boolean degraded() {
        return health == ModelHealth.DEGRADED;
    }

    boolean openedByLabels() {
        return openedByLabels;
    }

    /** Opens an incident: HEALTHY to DEGRADED, with the first alarm of the incident. */
    MonitorEvent open(Instant now, WindowSummary summary, String reason, boolean byLabels) {
        health = ModelHealth.DEGRADED;
        String id = MonitorEvent.newId();
        incidentId = id;
        openedByLabels = byLabels;
        attempt = 1;
        openedAtSample = observed;
        // Level-triggered: if no retrain starts (the alarm was lost), alarm again later.
        retryAt = now.plus(policy.retryAfter());
        return new MonitorEvent.DriftDetected(id, model, now, incidentId, attempt, summary.average(), summary.f1(),
                summary.samples(), reason);
    }

    MonitorEvent recover(Instant now, WindowSummary summary) {
        health = ModelHealth.HEALTHY;
        MonitorEvent recovered = new MonitorEvent.Recovered(MonitorEvent.newId(), model, now, incidentId,
                summary.average(), summary.f1());
        incidentId = null;
        retryAt = null;
        return recovered;
    }

    /** The incident's alarm again, when the retry delay has passed without a retrain starting; else null. */
    MonitorEvent retry(Instant now, WindowSummary summary) {
        if (retryAt == null || now.isBefore(retryAt)) {
            return null;
        }
        attempt++;
        retryAt = now.plus(policy.retryAfter());
        String reason = openedByLabels ? "labelled predictions: incident still open, no retrain started"
                : policy.rule().explain(summary);
        return new MonitorEvent.DriftDetected(MonitorEvent.newId(), model, now, incidentId, attempt, summary.average(),
                summary.f1(), summary.samples(), reason);
    }

    /** Whether a retry alarm is due at {@code now}. */
    boolean retryDue(Instant now) {
        return health == ModelHealth.DEGRADED && retryAt != null && !now.isBefore(retryAt);
    }

    /** A retrain job started for this model. */
    public void retrainStarted(String jobId) {
        health = ModelHealth.RETRAINING;
        activeJobId = jobId;
        retryAt = null;
    }

    /**
     * A retrain job ended. When a new version was promoted the model starts afresh: empty window, no
     * incident, quiet for the cooldown, and (as the policy says) labels, detectors and features re-armed.
     * Otherwise the incident stays open and alarms again after the retry delay unless the window recovers.
     */
    public void retrainFinished(String jobId, boolean promoted, Instant now) {
        if (activeJobId != null && !activeJobId.equals(jobId)) {
            return;
        }
        activeJobId = null;
        if (promoted) {
            health = ModelHealth.HEALTHY;
            window.clear();
            incidentId = null;
            attempt = 0;
            retryAt = null;
            quietUntil = now.plus(policy.cooldown());
            if (policy.rearmOnPromotion()) {
                labels.rearm();
            }
        } else {
            health = incidentId == null ? ModelHealth.HEALTHY : ModelHealth.DEGRADED;
            retryAt = now.plus(policy.retryAfter());
        }
    }

    /** The format of {@link #snapshot()}. */
    private static final String KIND = "model-state";

    /**
     * The state as bytes another monitor can {@link #restore} under the same policy: health, incident,
     * metrics window, labelled window, detectors and counters. Predictions still waiting for their labels
     * are not included: their labels count as unmatched at the new owner.
     */
    public byte[] snapshot() {
        SnapshotWriter w = new SnapshotWriter(KIND, 1);
        w.writeInt(policy.windowSize()).writeInt(policy.labels().window());
        w.writeInt(health.ordinal()).writeLong(observed).writeBoolean(openedByLabels).writeInt(attempt)
                .writeLong(openedAtSample);
        text(w, incidentId);
        text(w, activeJobId);
        time(w, quietUntil);
        time(w, retryAt);
        List<PerformanceMetrics> samples = window.samples();
        w.writeInt(samples.size());
        samples.forEach(m -> w.writeDouble(m.precision()).writeDouble(m.recall()).writeDouble(m.f1Score()));
        labels.write(w);
        return w.toByteArray();
    }

    /**
     * Replaces this (fresh) state with a {@link #snapshot()} taken under a policy of the same window sizes
     * and detectors.
     *
     * @throws io.visutility.drift.DriftException when the bytes are not such a snapshot
     * @throws io.visutility.monitor.MonitorException when it was taken under another policy
     */
    public void restore(byte[] snapshot) {
        SnapshotReader r = new SnapshotReader(snapshot, KIND, 1);
        int windowSize = r.readInt();
        int labelWindow = r.readInt();
        if (windowSize != policy.windowSize() || labelWindow != policy.labels().window()) {
            throw new MonitorException("snapshot of " + model + " was taken with windows " + windowSize + "/"
                    + labelWindow + ", the policy has " + policy.windowSize() + "/" + policy.labels().window());
        }
        int h = r.readInt();
        if (h < 0 || h >= ModelHealth.values().length) {
            throw new MonitorException("snapshot of " + model + " holds an unknown health " + h);
        }
        health = ModelHealth.values()[h];
        observed = r.readLong();
        openedByLabels = r.readBoolean();
        attempt = r.readInt();
        openedAtSample = r.readLong();
        incidentId = text(r);
        activeJobId = text(r);
        quietUntil = time(r);
        retryAt = time(r);
        window.clear();
        int n = r.readInt();
        if (n < 0 || n > policy.windowSize()) {
            throw new MonitorException("snapshot of " + model + " holds " + n + " samples, the window takes "
                    + policy.windowSize());
        }
        for (int i = 0; i < n; i++) {
            window.add(new PerformanceMetrics(r.readDouble(), r.readDouble(), r.readDouble()));
        }
        labels.read(r);
        r.end();
    }

    private static void text(SnapshotWriter w, String value) {
        w.writeBoolean(value != null);
        if (value != null) {
            w.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(SnapshotReader r) {
        return r.readBoolean() ? new String(r.readBytes(), StandardCharsets.UTF_8) : null;
    }

    private static void time(SnapshotWriter w, Instant value) {
        w.writeBoolean(value != null);
        if (value != null) {
            w.writeLong(value.getEpochSecond()).writeInt(value.getNano());
        }
    }

    private static Instant time(SnapshotReader r) {
        return r.readBoolean() ? Instant.ofEpochSecond(r.readLong(), r.readInt()) : null;
    }

    /** A snapshot of the state. */
    public ModelStatus status() {
        return new ModelStatus(model, health, window.summary(), observed, incidentId, activeJobId, quietUntil);
    }

    /** The current state. */
    public ModelHealth health() {
        return health;
    }
}
