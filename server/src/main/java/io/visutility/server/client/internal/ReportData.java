package io.visutility.server.client.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a report shows of one model, as fetched from the server: the model (with its current metric
 * window), its versions and its logged events.
 *
 * @param name        the model
 * @param server      where it was fetched from
 * @param generatedAt when
 * @param model       {@code GET /models/{name}}
 * @param versions    every version, oldest first
 * @param events      every logged event of the model, oldest first
 */
public record ReportData(String name, URI server, Instant generatedAt, JsonNode model, List<JsonNode> versions,
                         List<JsonNode> events) {
    /** Event types that are incidents of the model's health. */
    static final Set<String> INCIDENTS = Set.of("DriftDetected", "DriftWarning", "Recovered", "RetrainRequested",
            "RetrainSkipped", "RetrainFailed");
    /** Event types that concern the champion. */
    static final Set<String> PROMOTIONS = Set.of("ModelPromoted", "PromotionRejected");

    /** Copies the lists. */
    public ReportData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(model, "model");
        versions = List.copyOf(versions);
        events = List.copyOf(events);
    }

    /** One point of the metric history: the window's F1 and mean of precision and recall at a time. */
    public record Point(Instant time, double f1, double average, String source) {
    }

    /** The events of {@code types}, oldest first. */
    List<JsonNode> events(Set<String> types) {
        return events.stream().filter(e -> types.contains(e.path("type").asText())).toList();
    }

    /**
     * The metric history the server can tell: samples listed in the model's recent window (if it lists
     * any), the window at each drift alarm and recovery of the event log, and the window now.
     */
    public List<Point> history() {
        List<Point> points = new ArrayList<>();
        samples(model, points, 0);
        for (JsonNode e : events(Set.of("DriftDetected", "Recovered"))) {
            Instant time = JsonPaths.time(e, "time");
            double f1 = JsonPaths.number(e, "windowF1");
            double average = JsonPaths.number(e, "windowAverage");
            if (time != null && !(Double.isNaN(f1) && Double.isNaN(average))) {
                points.add(new Point(time, f1, average, e.path("type").asText()));
            }
        }
        JsonNode window = JsonPaths.first(model, "window", "state.window", "recentMetrics", "metrics.window");
        if (window != null && window.isObject() && window.path("samples").asLong(1) > 0) {
            double precision = JsonPaths.number(window, "precision");
            double recall = JsonPaths.number(window, "recall");
            double f1 = JsonPaths.number(window, "f1", "f1_score", "f1Score");
            double average = Double.isNaN(precision) || Double.isNaN(recall) ? Double.NaN : (precision + recall) / 2;
            Instant time = JsonPaths.time(window, "time", "until", "to", "updatedAt");
            if (!(Double.isNaN(f1) && Double.isNaN(average))) {
                points.add(new Point(time == null ? generatedAt : time, f1, average, "window"));
            }
        }
        points.sort(Comparator.comparing(Point::time));
        return points;
    }

    /** Arrays of timed metric samples anywhere in the model's JSON (a recent-samples list, if the server keeps one). */
    private static void samples(JsonNode node, List<Point> points, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Instant time = JsonPaths.time(item, "time", "timestamp");
                double precision = JsonPaths.number(item, "precision", "metrics.precision");
                double recall = JsonPaths.number(item, "recall", "metrics.recall");
                double f1 = JsonPaths.number(item, "f1_score", "f1", "f1Score", "metrics.f1_score");
                if (time != null && !Double.isNaN(precision) && !Double.isNaN(recall)) {
                    points.add(new Point(time, f1, (precision + recall) / 2, "sample"));
                } else if (item.isContainerNode()) {
                    samples(item, points, depth + 1);
                }
            }
        } else if (node.isObject()) {
            node.forEach(child -> {
                if (child.isContainerNode()) {
                    samples(child, points, depth + 1);
                }
            });
        }
    }
}
