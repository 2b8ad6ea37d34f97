package io.visutility.server.metrics;

import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.monitor.ModelHealth;
import io.visutility.monitor.ModelStatus;
import io.visutility.retrain.TrialRecord;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.ApiServer;
import io.visutility.server.http.Route;
import io.visutility.server.http.RouteGroup;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The orchestrator's state and history as Prometheus metrics: per model its health, metrics window,
 * records accepted, incidents and retrains by outcome; trial durations; the job queue's depth; events
 * each bus subscriber dropped; and HTTP request timings. Gauges read the live state at scrape time;
 * counters follow the event bus.
 */
public final class OrchestratorMetrics implements RouteGroup, AutoCloseable {
    private static final List<String> KINDS = List.of("metrics", "predictions", "labels", "predict");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Orchestrator orchestrator;
    private final Subscription subscription;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<JobState, Long> jobs = new ConcurrentHashMap<>();

    /** Starts following {@code orchestrator}'s events. */
    public OrchestratorMetrics(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
        for (JobState state : List.of(JobState.QUEUED, JobState.RUNNING)) {
            Gauge.builder("visutility_jobs", jobs, m -> m.getOrDefault(state, 0L))
                    .description("Retrain jobs in the queue by state").tag("state", lower(state)).register(registry);
        }
        this.subscription = orchestrator.bus().subscribe("prometheus", this::onEvent);
    }

    /** The Prometheus text of every metric, with the live state read now. */
    public String scrape() {
        orchestrator.models().forEach(spec -> track(spec.name()));
        Map<JobState, Long> counts = new java.util.EnumMap<>(JobState.class);
        for (Job job : orchestrator.store().jobs().list(null)) {
            counts.merge(job.state(), 1L, Long::sum);
        }
        jobs.put(JobState.QUEUED, counts.getOrDefault(JobState.QUEUED, 0L));
        jobs.put(JobState.RUNNING, counts.getOrDefault(JobState.RUNNING, 0L));
        for (Subscription s : orchestrator.bus().subscriptions()) {
            FunctionCounter.builder("visutility_bus_dropped_events", s, Subscription::dropped)
                    .description("Events a bus subscriber dropped because it lagged").tag("subscriber", s.name())
                    .register(registry);
            Gauge.builder("visutility_bus_pending_events", s, Subscription::pending)
                    .description("Events waiting for a bus subscriber").tag("subscriber", s.name()).register(registry);
        }
        return registry.scrape();
    }

    /**
     * Records one finished HTTP request; give it to {@link ApiServer.Builder#timer}. Exported with histogram
     * buckets so that latency quantiles can be computed by route.
     */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("visutility_http_server_requests").description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code GET /metrics}, in Prometheus' text format. */
    @Override
    public List<Route> routes() {
        return List.of(Route.of(HandlerType.GET, "/metrics", Route.Role.READER, "Prometheus metrics", null,
                List.of(200), ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape())));
    }

    private void track(String model) {
        if (!known.add(model)) {
            return;
        }
        for (ModelHealth health : ModelHealth.values()) {
            Gauge.builder("visutility_model_health", orchestrator, o -> o.monitor().health(model) == health ? 1 : 0)
                    .description("1 for the model's current health state, 0 for the others")
                    .tags("model", model, "state", lower(health)).register(registry);
        }
        window(model, "precision", s -> s.window().precision());
        window(model, "recall", s -> s.window().recall());
        window(model, "f1", s -> s.window().f1());
        Gauge.builder("visutility_model_window_samples", orchestrator,
                        o -> o.monitor().status(model).map(s -> (double) s.window().samples()).orElse(0.0))
                .description("Metric reports in the model's current window").tag("model", model).register(registry);
        for (String kind : KINDS) {
            FunctionCounter.builder("visutility_records_accepted", orchestrator, o -> o.accepted(model, kind))
                    .description("Records accepted for the model by kind").tags("model", model, "kind", kind)
                    .register(registry);
        }
        incidents(model);
    }

    private void window(String model, String metric, ToDoubleFunction<ModelStatus> read) {
        Gauge.builder("visutility_model_window", orchestrator,
                        o -> o.monitor().status(model).filter(s -> s.window().samples() > 0).map(read::applyAsDouble)
                                .orElse(Double.NaN))
                .description("Mean of the model's metrics window").tags("model", model, "metric", metric)
                .register(registry);
    }

    private Counter incidents(String model) {
        return Counter.builder("visutility_incidents").description("Incidents opened (first alarm of each)")
                .tag("model", model).register(registry);
    }

    private Counter retrains(String model, String outcome) {
        return Counter.builder("visutility_retrains").description("Retrain outcomes")
                .tags("model", model, "outcome", outcome).register(registry);
    }

    private void onEvent(MonitorEvent event) {
        if (event instanceof MonitorEvent.DriftDetected d && d.attempt() == 1) {
            incidents(d.model()).increment();
        } else if (event instanceof MonitorEvent.ModelPromoted p) {
            retrains(p.model(), "promoted").increment();
        } else if (event instanceof MonitorEvent.PromotionRejected r) {
            retrains(r.model(), "rejected").increment();
        } else if (event instanceof MonitorEvent.RetrainFailed f && !f.willRetry()) {
            retrains(f.model(), "failed").increment();
        } else if (event instanceof MonitorEvent.RetrainSkipped s) {
            retrains(s.model(), "skipped").increment();
        } else if (event instanceof MonitorEvent.TrialCompleted t) {
            trial(t);
        }
    }

    private void trial(MonitorEvent.TrialCompleted t) {
        Duration took = orchestrator.store().studies().studyOfJob(t.jobId())
                .flatMap(s -> orchestrator.store().studies().trials(s.id()).stream()
                        .filter(r -> r.number() == t.trial()).findFirst())
                .map(TrialRecord::duration).orElse(null);
        if (took != null) {
            Timer.builder("visutility_trial_duration").description("Training time of tuning trials")
                    .tags("model", t.model(), "outcome", t.error() == null ? "succeeded" : "failed")
                    .publishPercentileHistogram().register(registry).record(took);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Stops following the bus. */
    @Override
    public void close() {
        subscription.close();
    }
}
