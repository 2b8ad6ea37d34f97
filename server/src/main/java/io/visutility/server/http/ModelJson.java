package io.visutility.server.http;

import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.LabelStats;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.monitor.ModelStatus;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON views of declared models: their spec, and their state as the monitor and registry see it. */
final class ModelJson {
    private ModelJson() {
    }

    /** The spec in the map form {@code POST /models} reads (without the search space's detail when null). */
    static Map<String, Object> spec(ModelSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", spec.name());
        out.put("features", spec.features());
        out.put("trainer", spec.trainer());
        if (!spec.command().isEmpty()) {
            out.put("command", spec.command());
        }
        if (spec.space() != null) {
            out.put("space", spec.space().toMap());
        }
        out.put("tuner", spec.tuner());
        out.put("trials", spec.trials());
        out.put("dataset", spec.dataset());
        out.put("minRows", spec.minRows());
        out.put("policy", policy(spec.policy()));
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("metric", spec.gate().metric());
        gate.put("minImprovement", spec.gate().minImprovement());
        gate.put("guards", spec.gate().guards());
        out.put("gate", gate);
        return out;
    }

    private static Map<String, Object> policy(MonitorPolicy p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("windowSize", p.windowSize());
        out.put("minSamples", p.minSamples());
        out.put("minAvg", p.rule().minAvg());
        out.put("minF1", p.rule().minF1());
        out.put("rearmMargin", p.rule().rearmMargin());
        out.put("cooldown", p.cooldown().toString());
        out.put("retryAfter", p.retryAfter().toString());
        out.put("detectors", p.detectors().stream().map(DetectorFactory::name).toList());
        out.put("signals", p.signals().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        out.put("labelWindow", p.labels().window());
        out.put("minLabelled", p.labels().minLabelled());
        out.put("labelHorizon", p.labels().horizon().toString());
        out.put("threshold", p.labels().threshold());
        out.put("publishWarnings", p.publishWarnings());
        out.put("rearmOnPromotion", p.rearmOnPromotion());
        return out;
    }

    /** One line of {@code GET /models}: name, health, champion version and the active job. */
    static Map<String, Object> summary(Orchestrator o, ModelSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", spec.name());
        Optional<ModelStatus> status = o.monitor().status(spec.name());
        out.put("health", status.map(s -> s.health().name()).orElse("HEALTHY"));
        out.put("champion", champion(o, spec.name()).map(ModelVersion::version).orElse(null));
        out.put("activeJob", status.map(ModelStatus::activeJobId).orElse(null));
        out.put("observed", status.map(ModelStatus::observed).orElse(0L));
        return out;
    }

    /** {@code GET /models/{name}}: the spec, the monitor's state, the champion and the label join. */
    static Map<String, Object> detail(Orchestrator o, ModelSpec spec) {
        Map<String, Object> out = summary(o, spec);
        Optional<ModelStatus> status = o.monitor().status(spec.name());
        Map<String, Object> window = new LinkedHashMap<>();
        status.ifPresent(s -> {
            window.put("samples", s.window().samples());
            window.put("precision", s.window().precision());
            window.put("recall", s.window().recall());
            window.put("f1", s.window().f1());
            out.put("incidentId", s.incidentId());
            out.put("quietUntil", s.quietUntil());
        });
        out.put("window", window);
        champion(o, spec.name()).ifPresent(v -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("version", v.version());
            c.put("sha256", v.sha256());
            c.put("metrics", v.metrics());
            out.put("championVersion", c);
        });
        o.monitor().labelStats(spec.name()).ifPresent(l -> out.put("labels", labels(l)));
        out.put("spec", spec(spec));
        return out;
    }

    private static Map<String, Object> labels(LabelStats l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("predictions", l.predictions());
        out.put("labels", l.labels());
        out.put("joined", l.joined());
        out.put("pending", l.pending());
        out.put("expired", l.expired());
        out.put("unmatchedLabels", l.unmatchedLabels());
        out.put("window", Map.of("truePositives", l.window().truePositives(), "falsePositives", l.window().falsePositives(),
                "trueNegatives", l.window().trueNegatives(), "falseNegatives", l.window().falseNegatives()));
        return out;
    }

    private static Optional<ModelVersion> champion(Orchestrator o, String model) {
        ModelRegistry registry = o.store().registry();
        return registry.models().contains(model) ? registry.alias(model, ModelRegistry.CHAMPION) : Optional.empty();
    }
}
