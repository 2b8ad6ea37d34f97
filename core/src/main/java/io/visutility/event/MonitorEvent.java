package io.visutility.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Something that happened to a model, as news for observers. Every event has a unique id, the model's
 * name and the time it happened. Only {@link Metrics} may be dropped for a lagging observer; every
 * other kind is {@linkplain #critical() critical} and always delivered.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MonitorEvent.Metrics.class, name = "Metrics"),
        @JsonSubTypes.Type(value = MonitorEvent.DriftDetected.class, name = "DriftDetected"),
        @JsonSubTypes.Type(value = MonitorEvent.DriftWarning.class, name = "DriftWarning"),
        @JsonSubTypes.Type(value = MonitorEvent.Recovered.class, name = "Recovered"),
        @JsonSubTypes.Type(value = MonitorEvent.RetrainRequested.class, name = "RetrainRequested"),
        @JsonSubTypes.Type(value = MonitorEvent.RetrainSkipped.class, name = "RetrainSkipped"),
        @JsonSubTypes.Type(value = MonitorEvent.TrialCompleted.class, name = "TrialCompleted"),
        @JsonSubTypes.Type(value = MonitorEvent.ModelRegistered.class, name = "ModelRegistered"),
        @JsonSubTypes.Type(value = MonitorEvent.ModelPromoted.class, name = "ModelPromoted"),
        @JsonSubTypes.Type(value = MonitorEvent.PromotionRejected.class, name = "PromotionRejected"),
        @JsonSubTypes.Type(value = MonitorEvent.RetrainFailed.class, name = "RetrainFailed")
})
public sealed interface MonitorEvent {

    /** Unique id of this event; later events refer to it (a retrain job names the drift that caused it). */
    String id();

    /** Name of the model the event is about. */
    String model();

    /** When it happened, by the injected clock. */
    Instant time();

    /** Whether the event must reach every observer; only metric samples may be dropped. */
    @JsonIgnore
    default boolean critical() {
        return true;
    }

    /**
     * A fresh random event id in UUID form. Drawn from a thread-local generator rather than
     * {@link UUID#randomUUID()}: ids need to be unique, not secret, and the secure generator's shared
     * lock would serialise every metric sample of every thread.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A metrics sample as reported for the model. */
    record Metrics(String id, String model, Instant time, PerformanceMetrics metrics) implements MonitorEvent {
        /** Checks that nothing is missing. */
        public Metrics {
            Events.require(id, model, time);
            Objects.requireNonNull(metrics, "metrics");
        }

        @Override
        public boolean critical() {
            return false;
        }
    }

    /**
     * The model has degraded: the mean of its metric window broke the policy's rule. Raised once per
     * incident; raised again for the same incident only when a failed retrain is retried.
     *
     * @param incidentId id of the first DriftDetected of this incident
     * @param attempt    1 for the first alarm of the incident, 2 and up for retries
     */
    record DriftDetected(String id, String model, Instant time, String incidentId, int attempt,
                         double windowAverage, double windowF1, int samples, String reason) implements MonitorEvent {
        /** Checks that nothing is missing. */
        public DriftDetected {
            Events.require(id, model, time);
            Objects.requireNonNull(incidentId, "incidentId");
        }
    }

    /**
     * An error-stream detector of the model sees a change starting but not yet a drift: news for whoever
     * wants to start collecting fresh data. Raised once per warning episode; it opens no incident.
     *
     * @param detector the detector's name, such as {@code ddm}
     * @param labelled labelled predictions the detector had read when it warned
     * @param reason   the detector and the count, in words
     */
    record DriftWarning(String id, String model, Instant time, String detector, long labelled, String reason)
            implements MonitorEvent {
        /** Checks that nothing is missing. */
        public DriftWarning {
            Events.require(id, model, time);
            Objects.requireNonNull(detector, "detector");
        }
    }

    /** The model's window recovered above the re-arm level without a retrain: the incident is closed. */
    record Recovered(String id, String model, Instant time, String incidentId, double windowAverage,
                     double windowF1) implements MonitorEvent {
        /** Checks that nothing is missing. */
        public Recovered {
            Events.require(id, model, time);
        }
    }

    /** A retrain job was queued because of {@code triggerEventId}. */
    record RetrainRequested(String id, String model, Instant time, String jobId, String triggerEventId)
            implements MonitorEvent {
        /** Checks that nothing is missing. */
        public RetrainRequested {
            Events.require(id, model, time);
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** A retrain was asked for while one was already active for the model; no second job was made. */
    record RetrainSkipped(String id, String model, Instant time, String triggerEventId, String activeJobId,
                          String reason) implements MonitorEvent {
        /** Checks that nothing is missing. */
        public RetrainSkipped {
            Events.require(id, model, time);
        }
    }

    /**
     * One tuning trial of a retrain job finished.
     *
     * @param metrics validation metrics of the trial; empty when it failed
     * @param error   why the trial failed, or null when it succeeded
     */
    record TrialCompleted(String id, String model, Instant time, String jobId, int trial, HyperParams params,
                          Map<String, Double> metrics, String error) implements MonitorEvent {
        /** Checks that nothing is missing and copies the metrics. */
        public TrialCompleted {
            Events.require(id, model, time);
            metrics = Map.copyOf(metrics);
        }
    }

    /** A new version was registered; it is not serving until promoted. */
    record ModelRegistered(String id, String model, Instant time, int version, String sha256, String jobId)
            implements MonitorEvent {
        /** Checks that nothing is missing. */
        public ModelRegistered {
            Events.require(id, model, time);
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A version became the champion.
     *
     * @param previousVersion the champion it replaced, or null for a first champion
     * @param candidateMetrics the new champion's scores on the promotion gate's holdout
     * @param championMetrics  the replaced champion's scores on the same holdout (empty for a first champion)
     */
    record ModelPromoted(String id, String model, Instant time, int version, Integer previousVersion, String reason,
                         Map<String, Double> candidateMetrics, Map<String, Double> championMetrics)
            implements MonitorEvent {
        /** Checks that nothing is missing and copies the metrics. */
        public ModelPromoted {
            Events.require(id, model, time);
            candidateMetrics = Map.copyOf(candidateMetrics);
            championMetrics = Map.copyOf(championMetrics);
        }
    }

    /** A registered candidate did not beat the champion and was not promoted; says why. */
    record PromotionRejected(String id, String model, Instant time, int version, Integer championVersion,
                             String reason, Map<String, Double> candidateMetrics,
                             Map<String, Double> championMetrics) implements MonitorEvent {
        /** Checks that nothing is missing and copies the metrics. */
        public PromotionRejected {
            Events.require(id, model, time);
            candidateMetrics = Map.copyOf(candidateMetrics);
            championMetrics = Map.copyOf(championMetrics);
        }
    }

    /**
     * A retrain attempt failed.
     *
     * @param willRetry whether the job was queued again (after a back-off) or has failed for good
     */
    record RetrainFailed(String id, String model, Instant time, String jobId, String reason, boolean willRetry)
            implements MonitorEvent {
        /** Checks that nothing is missing. */
        public RetrainFailed {
            Events.require(id, model, time);
        }
    }
}
