package io.visutility.monitor;

import io.visutility.bus.EventBus;
import io.visutility.bus.Observer;
import io.visutility.bus.Subject;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.monitor.internal.FeatureHook;
import io.visutility.monitor.internal.ModelState;
import io.visutility.monitor.internal.PredictionArguments;
import io.visutility.registry.Names;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every model's reported metrics, and its predictions with their late labels, and raises one
 * {@code DriftDetected} per incident. Each model has a sliding window of samples and one of labelled
 * predictions judged by its {@link MonitorPolicy}, error-stream detectors, and one state machine (see
 * {@link ModelHealth}) that every allowed {@link Signal} drives. Thread-safe: every {@code observe} method
 * may be called from any number of threads for any number of models.
 * Events go out on the {@link EventBus}, of which the monitor is the {@link Subject}.
 */
public final class ModelMonitor implements Subject {
    private final EventBus bus;
    private final Clock clock;
    private final MonitorPolicy defaultPolicy;
    private final Map<String, MonitorPolicy> policies;
    private final Map<String, ModelState> states = new ConcurrentHashMap<>();
    private final FeatureHook.Factory featureHooks;

    private ModelMonitor(Builder b) {
        this.bus = b.bus == null ? EventBus.create() : b.bus;
        this.clock = b.clock;
        this.defaultPolicy = b.defaultPolicy;
        this.policies = new ConcurrentHashMap<>(b.policies);
        this.featureHooks = b.featureHooks;
    }

    /** Starts configuring a monitor. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records one metrics sample for {@code model}, publishes it, and publishes {@code DriftDetected} or
     * {@code Recovered} when the sample moves the model's state.
     *
     * @throws io.visutility.registry.InvalidArgumentException when the model name is invalid
     */
    public void observe(String model, PerformanceMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        ModelState state = state(model);
        Instant now = clock.instant();
        MonitorEvent transition;
        synchronized (state) {
            transition = state.observe(metrics, now);
        }
        bus.publish(new MonitorEvent.Metrics(MonitorEvent.newId(), model, now, metrics));
        if (transition != null) {
            bus.publish(transition);
        }
    }

    /**
     * Records one prediction of {@code model}: its id, the features it was made from, the score it gave and,
     * when already known, the true label. A prediction without a label waits for {@link #observeLabel} up to
     * the policy's label horizon. Labelled predictions enter the model's labelled window and feed its
     * error-stream detectors in the order of their predictions; the features go to the model's feature
     * watch. Publishes only what the prediction changes (warnings, alarms, recoveries), never the
     * prediction itself.
     *
     * @param features the model's inputs, all finite; every prediction of a model has the same count
     * @param score    the predicted probability of the positive class, within [0, 1]
     * @param label    0 or 1 when the truth is known already, else null
     * @param time     when the prediction was made
     * @throws MonitorException naming the field when an argument is invalid; nothing is recorded then
     * @throws io.visutility.registry.InvalidArgumentException when the model name is invalid
     */
    public void observePrediction(String model, String id, double[] features, double score, Integer label,
                                  Instant time) {
        PredictionArguments.id(id);
        PredictionArguments.features(features);
        PredictionArguments.score(score);
        int known = label == null ? -1 : PredictionArguments.label(label);
        long at = PredictionArguments.micros(time);
        ModelState state = state(model);
        List<MonitorEvent> raised;
        synchronized (state) {
            raised = state.prediction(id, at, features, score, known, clock);
        }
        publish(raised);
    }

    /**
     * Records the true label of the prediction {@code id} of {@code model}, which may come before or after
     * the prediction and in any order; a second label for the same prediction is counted and ignored.
     *
     * @param label 0 or 1
     * @param time  when the label became known
     * @throws MonitorException naming the field when an argument is invalid; nothing is recorded then
     * @throws io.visutility.registry.InvalidArgumentException when the model name is invalid
     */
    public void observeLabel(String model, String id, int label, Instant time) {
        PredictionArguments.id(id);
        PredictionArguments.label(label);
        long at = PredictionArguments.micros(time);
        ModelState state = state(model);
        List<MonitorEvent> raised;
        synchronized (state) {
            raised = state.label(id, at, label, clock);
        }
        publish(raised);
    }

    /** The label join's counters and the labelled window of {@code model}, if it was ever observed. */
    public Optional<LabelStats> labelStats(String model) {
        ModelState state = states.get(model);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(state.labelStats());
        }
    }

    /** Sets the policy of {@code model}; its window restarts under the new policy. */
    public void setPolicy(String model, MonitorPolicy policy) {
        Names.model(model);
        policies.put(model, Objects.requireNonNull(policy, "policy"));
        states.remove(model);
    }

    /** The policy that applies to {@code model}. */
    public MonitorPolicy policy(String model) {
        return policies.getOrDefault(model, defaultPolicy);
    }

    /** Tells the monitor a retrain job started for {@code model}; no alarm is raised while it runs. */
    public void retrainStarted(String model, String jobId) {
        ModelState state = state(model);
        synchronized (state) {
            state.retrainStarted(jobId);
        }
    }

    /**
     * Tells the monitor a retrain job ended. When {@code promoted}, the model re-arms with an empty
     * window for the new version; otherwise the incident stays open.
     */
    public void retrainFinished(String model, String jobId, boolean promoted) {
        ModelState state = state(model);
        synchronized (state) {
            state.retrainFinished(jobId, promoted, clock.instant());
        }
    }

    /** The state of {@code model}: HEALTHY for a model never observed. */
    public ModelHealth health(String model) {
        return status(model).map(ModelStatus::health).orElse(ModelHealth.HEALTHY);
    }

    /** A snapshot of the monitor's view of {@code model}, if it was ever observed. */
    public Optional<ModelStatus> status(String model) {
        ModelState state = states.get(model);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(state.status());
        }
    }

    /**
     * The monitor's state of {@code model} as bytes, for another monitor to {@link #restore} when it takes
     * the model over (such as a new owner of its Kafka partition): health and incident, metrics and labelled
     * windows, detector states and counters. Predictions still waiting for labels are not included.
     *
     * @return the snapshot, or empty when the model was never observed
     */
    public Optional<byte[]> snapshot(String model) {
        ModelState state = states.get(model);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(state.snapshot());
        }
    }

    /**
     * Replaces this monitor's state of {@code model} with a {@link #snapshot} taken by a monitor with the
     * same policy for it. Nothing changes when the snapshot is refused.
     *
     * @throws MonitorException when the snapshot was taken under another policy (window sizes, detectors)
     * @throws io.visutility.drift.DriftException when the bytes are not a snapshot of a model's state
     */
    public void restore(String model, byte[] snapshot) {
        Names.model(model);
        ModelState fresh = new ModelState(model, policy(model), featureHooks);
        fresh.restore(snapshot);
        states.put(model, fresh);
    }

    /** Names of the models observed so far. */
    public List<String> models() {
        return states.keySet().stream().sorted().toList();
    }

    /** The bus the monitor publishes on; others (the retrain pipeline) publish there too. */
    public EventBus bus() {
        return bus;
    }

    /** The clock the monitor stamps events with. */
    public Clock clock() {
        return clock;
    }

    @Override
    public Subscription subscribe(String name, Observer observer) {
        return bus.subscribe(name, observer);
    }

    private void publish(List<MonitorEvent> raised) {
        if (raised != null) {
            for (MonitorEvent event : raised) {
                bus.publish(event);
            }
        }
    }

    private ModelState state(String model) {
        ModelState state = states.get(model);
        if (state != null) {
            return state;
        }
        Names.model(model);
        return states.computeIfAbsent(model, m -> new ModelState(m, policy(m), featureHooks));
    }

    /** Configures a {@link ModelMonitor}. */
    public static final class Builder {
        private EventBus bus;
        private Clock clock = Clock.systemUTC();
        private MonitorPolicy defaultPolicy = MonitorPolicy.defaults();
        private final Map<String, MonitorPolicy> policies = new ConcurrentHashMap<>();
        private FeatureHook.Factory featureHooks = FeatureHook.Factory.NONE;

        private Builder() {
        }

        /**
         * Where each model's feature rows are watched for drift; default: nowhere. The seam a feature
         * drift monitor is wired through; unsupported outside this project.
         */
        public Builder featureHooks(FeatureHook.Factory featureHooks) {
            this.featureHooks = Objects.requireNonNull(featureHooks, "featureHooks");
            return this;
        }

        /** The bus to publish on; default: a new bus with its own delivery threads. */
        public Builder bus(EventBus bus) {
            this.bus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /** The clock for event times, cooldowns and retries; default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The policy for models without one of their own; default {@link MonitorPolicy#defaults()}. */
        public Builder defaultPolicy(MonitorPolicy policy) {
            this.defaultPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The policy of one model. */
        public Builder policy(String model, MonitorPolicy policy) {
            policies.put(Names.model(model), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Builds the monitor. */
        public ModelMonitor build() {
            return new ModelMonitor(this);
        }
    }
}
