package io.visutility.monitor.internal;

import io.visutility.event.MonitorEvent;
import io.visutility.metrics.MetricsWindow;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.metrics.WindowSummary;
import io.visutility.monitor.ModelHealth;
import io.visutility.monitor.ModelStatus;
import io.visutility.monitor.MonitorPolicy;
import java.time.Instant;

/**
 * One model's window and state machine. Callers hold the object's monitor; {@link #observe} returns the
 * event its transition raised, which the caller publishes after releasing the lock.
 */
public final class ModelState {
    private final String model;
    private final MonitorPolicy policy;
    private final MetricsWindow window;
    private ModelHealth health = ModelHealth.HEALTHY;
    private long observed;
    private String incidentId;
    private int attempt;
    private long openedAtSample;
    private String activeJobId;
    private Instant quietUntil;
    private Instant retryAt;

    /** A healthy model under {@code policy}. */
    public ModelState(String model, MonitorPolicy policy) {
        this.model = model;
        this.policy = policy;
        this.window = new MetricsWindow(policy.windowSize());
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
                boolean quiet = quietUntil != null && now.isBefore(quietUntil);
                if (!quiet && policy.rule().isDegraded(summary)) {
                    health = ModelHealth.DEGRADED;
                    String id = MonitorEvent.newId();
                    incidentId = id;
                    attempt = 1;
                    openedAtSample = observed;
                    // Level-triggered: if no retrain starts (the alarm was lost), alarm again later.
                    retryAt = now.plus(policy.retryAfter());
                    return drift(id, now, summary);
                }
            }
            case DEGRADED -> {
                // Judge recovery only on a window of samples that all arrived after the alarm, so the
                // healthy samples from before the incident cannot close it.
                boolean freshWindow = observed - openedAtSample >= policy.windowSize();
                if (freshWindow && policy.rule().isRecovered(summary)) {
                    health = ModelHealth.HEALTHY;
                    MonitorEvent recovered = new MonitorEvent.Recovered(MonitorEvent.newId(), model, now, incidentId,
                            summary.average(), summary.f1());
                    incidentId = null;
                    retryAt = null;
                    return recovered;
                } else if (retryAt != null && !now.isBefore(retryAt)) {
                    attempt++;
                    retryAt = now.plus(policy.retryAfter());
                    return drift(MonitorEvent.newId(), now, summary);
                }
            }
            case RETRAINING -> {
                // The running job decides what happens next.
            }
        }
        return null;
    }

    private MonitorEvent drift(String id, Instant now, WindowSummary summary) {
        return new MonitorEvent.DriftDetected(id, model, now, incidentId, attempt, summary.average(), summary.f1(),
                summary.samples(), policy.rule().explain(summary));
    }

    /** A retrain job started for this model. */
    public void retrainStarted(String jobId) {
        health = ModelHealth.RETRAINING;
        activeJobId = jobId;
        retryAt = null;
    }

    /**
     * A retrain job ended. When a new version was promoted the model starts afresh: empty window, no
     * incident, quiet for the cooldown. Otherwise the incident stays open and alarms again after the
     * retry delay unless the window recovers first.
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
        } else {
            health = incidentId == null ? ModelHealth.HEALTHY : ModelHealth.DEGRADED;
            retryAt = now.plus(policy.retryAfter());
        }
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
