package io.visutility.server.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.visutility.event.MonitorEvent;
import io.visutility.monitor.ModelStatus;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a demo run did, as printed: counts of alarms, jobs and versions, and the champion before and
 * after, each scored on the same holdout of new-concept data that the promotion gate used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DemoReport(String scenario, String model, long driftEvents, long retrainJobs, long retrainSkipped,
                  int versions, boolean promoted, String reason, VersionReport champion,
                  VersionReport previousChampion, VersionReport rejectedCandidate, Double stormSeconds,
                  String healthAfter, Integer continuedFrom, int fromConcept, int toConcept, String database,
                  String artifactsDir) {

    /** A version and its scores on the gate's holdout. */
    record VersionReport(int version, String sha256, Map<String, Double> metrics) {
    }

    static DemoReport of(DemoScenario scenario, String model, DemoRecorder recorder, int jobs, ModelRegistry registry,
                         Concepts concepts, Path dataDir, Double stormSeconds, ModelStatus after) {
        MonitorEvent outcome = recorder.outcome();
        ModelVersion champion = registry.alias(model, ModelRegistry.CHAMPION).orElseThrow();
        VersionReport current;
        VersionReport previous = null;
        VersionReport rejected = null;
        String reason;
        boolean promoted = false;
        if (outcome instanceof MonitorEvent.ModelPromoted p) {
            promoted = true;
            reason = p.reason();
            current = report(champion, p.candidateMetrics());
            if (p.previousVersion() != null) {
                previous = report(registry.get(model, p.previousVersion()), p.championMetrics());
            }
        } else if (outcome instanceof MonitorEvent.PromotionRejected r) {
            reason = r.reason();
            current = report(champion, r.championMetrics());
            rejected = report(registry.get(model, r.version()), r.candidateMetrics());
        } else {
            reason = outcome instanceof MonitorEvent.RetrainFailed f ? f.reason() : "no outcome";
            current = report(champion, champion.metrics());
        }
        return new DemoReport(scenario.label(), model, recorder.count(MonitorEvent.DriftDetected.class), jobs,
                recorder.count(MonitorEvent.RetrainSkipped.class), registry.versions(model).size(), promoted, reason,
                current, previous, rejected, stormSeconds, after.health().name(),
                concepts.champion() == null ? null : concepts.champion().version(), concepts.known(), concepts.next(),
                dataDir.resolve("visutility.db").toString(), dataDir.resolve("artifacts").toString());
    }

    private static VersionReport report(ModelVersion v, Map<String, Double> metrics) {
        return new VersionReport(v.version(), v.sha256(), new java.util.TreeMap<>(metrics));
    }

    String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario ").append(scenario).append(", model ").append(model).append('\n');
        if (continuedFrom != null) {
            sb.append("  continued from champion v").append(continuedFrom).append(" found in ").append(database)
                    .append('\n');
        }
        sb.append(String.format("  stream: SEA concept %d, then concept %d%n", fromConcept, toConcept));
        sb.append(String.format("  drift alarms: %d, retrain jobs: %d, skipped duplicate requests: %d, versions: %d%n",
                driftEvents, retrainJobs, retrainSkipped, versions));
        if (stormSeconds != null) {
            sb.append(String.format("  storm: 10000 degraded samples in %.3f s%n", stormSeconds));
        }
        sb.append("  ").append(promoted ? "promoted" : "not promoted").append(": ").append(reason).append('\n');
        line(sb, "champion", champion);
        line(sb, "previous champion", previousChampion);
        line(sb, "rejected candidate", rejectedCandidate);
        sb.append("  model health after the run: ").append(healthAfter).append('\n');
        sb.append("  registry: ").append(database).append('\n');
        sb.append("  artifacts (files named by sha256): ").append(artifactsDir);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, VersionReport v) {
        if (v == null) {
            return;
        }
        sb.append(String.format("  %s: v%d sha256 %s  holdout F1 %.4f AUC %.4f%n", label, v.version(), v.sha256(),
                v.metrics().getOrDefault("f1", Double.NaN), v.metrics().getOrDefault("auc", Double.NaN)));
    }
}
