package io.visutility.ingest;

import io.visutility.metrics.InvalidMetricsException;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.ingest.internal.JsonText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The strict JSON form of reported records, the same for every way in (HTTP, command line, Kafka). A body
 * is one object or an array of 1 to {@link #MAX_BATCH} of them. Unknown fields, missing fields, wrong
 * types and out-of-range values are errors whose field path names the record, such as
 * {@code [3].precision}; a batch with any bad record is rejected whole.
 *
 * <ul>
 *   <li>metric: {@code {"precision":0.9,"recall":0.8,"f1_score":0.85,"timestamp":"2026-11-28T10:00:00Z"}};
 *       {@code f1_score} may be left out (it is then computed from precision and recall)</li>
 *   <li>prediction: {@code {"id":"p-1","features":{"f1":1.5},"score":0.7,"label":1,"timestamp":...}};
 *       {@code label} and {@code timestamp} are optional</li>
 *   <li>label: {@code {"id":"p-1","label":0,"timestamp":...}}</li>
 * </ul>
 * A timestamp is an ISO-8601 instant or offset date-time, or epoch milliseconds.
 */
public final class IngestJson {
    /** Most records one body may carry. */
    public static final int MAX_BATCH = 10_000;

    private static final Set<String> METRIC_FIELDS = Set.of("precision", "recall", "f1_score", "timestamp");
    private static final Set<String> PREDICTION_FIELDS = Set.of("id", "features", "score", "label", "timestamp");
    private static final Set<String> LABEL_FIELDS = Set.of("id", "label", "timestamp");

    private IngestJson() {
    }

    /** Parses one metric object or an array of them. */
    public static List<MetricReport> metrics(String json) {
        return records(json, IngestJson::metric);
    }

    /** Parses one prediction object or an array of them. */
    public static List<PredictionReport> predictions(String json) {
        return records(json, IngestJson::prediction);
    }

    /** Parses one label object or an array of them. */
    public static List<LabelReport> labels(String json) {
        return records(json, IngestJson::label);
    }

    private static <T> List<T> records(String json, Function<Map<String, Object>, T> one) {
        Object root = parse(json);
        if (root instanceof Map<?, ?>) {
            return List.of(one.apply(object("", root)));
        }
        if (!(root instanceof List<?> list)) {
            throw new InvalidRecordException("body", "body must be a JSON object or an array of objects, was "
                    + typeOf(root));
        }
        if (list.isEmpty() || list.size() > MAX_BATCH) {
            throw new InvalidRecordException("body", "body must hold 1 to " + MAX_BATCH + " records, had "
                    + list.size());
        }
        List<T> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(one.apply(object("", list.get(i))));
            } catch (InvalidRecordException e) {
                throw e.under("[" + i + "]");
            }
        }
        return out;
    }

    private static Object parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRecordException("body", "body must be JSON, was empty");
        }
        try {
            return JsonText.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("body", "body is not valid JSON: " + e.getMessage());
        }
    }

    private static MetricReport metric(Map<String, Object> o) {
        known(o, METRIC_FIELDS);
        double precision = IngestChecks.unit("precision", number(o, "precision"));
        double recall = IngestChecks.unit("recall", number(o, "recall"));
        PerformanceMetrics metrics;
        try {
            metrics = o.containsKey("f1_score")
                    ? new PerformanceMetrics(precision, recall, IngestChecks.unit("f1_score", number(o, "f1_score")))
                    : PerformanceMetrics.of(precision, recall);
        } catch (InvalidMetricsException e) {
            throw new InvalidRecordException("f1_score", e.getMessage());
        }
        return new MetricReport(metrics, time(o));
    }

    private static PredictionReport prediction(Map<String, Object> o) {
        known(o, PREDICTION_FIELDS);
        String id = string(o, "id");
        Map<String, Object> raw = object("features", require(o, "features"));
        Map<String, Double> features = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            String path = "features." + name;
            if (!(value instanceof Number n)) {
                throw new InvalidRecordException(path, path + " must be a number, was " + typeOf(value));
            }
            features.put(name, n.doubleValue());
        });
        double score = number(o, "score");
        Integer label = o.get("label") == null ? null : integerLabel(o);
        return new PredictionReport(id, features, score, label, time(o));
    }

    private static LabelReport label(Map<String, Object> o) {
        known(o, LABEL_FIELDS);
        return new LabelReport(string(o, "id"), integerLabel(o), time(o));
    }

    private static int integerLabel(Map<String, Object> o) {
        Object value = require(o, "label");
        if (!(value instanceof Long n)) {
            throw new InvalidRecordException("label", "label must be 0 or 1, was " + render(value));
        }
        return IngestChecks.label("label", n);
    }

    private static void known(Map<String, Object> o, Set<String> fields) {
        for (String key : o.keySet()) {
            if (!fields.contains(key)) {
                throw new InvalidRecordException(key, key + " is not a known field (known: "
                        + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Object require(Map<String, Object> o, String field) {
        Object value = o.get(field);
        if (value == null) {
            throw new InvalidRecordException(field, field + " is required");
        }
        return value;
    }

    private static double number(Map<String, Object> o, String field) {
        Object value = require(o, field);
        if (!(value instanceof Number n)) {
            throw new InvalidRecordException(field, field + " must be a number, was " + typeOf(value));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidRecordException(field, field + " must be finite, was " + d);
        }
        return d;
    }

    private static String string(Map<String, Object> o, String field) {
        Object value = require(o, field);
        if (!(value instanceof String s)) {
            throw new InvalidRecordException(field, field + " must be a string, was " + typeOf(value));
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String field, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidRecordException(field, (field.isEmpty() ? "record" : field) + " must be a JSON object, was "
                    + typeOf(value));
        }
        return (Map<String, Object>) value;
    }

    private static Instant time(Map<String, Object> o) {
        Object value = o.get("timestamp");
        if (value == null) {
            return null;
        }
        if (value instanceof Long millis) {
            return Instant.ofEpochMilli(millis);
        }
        if (value instanceof String s && s.length() <= 64) {
            try {
                return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                // reported below with the value
            }
        }
        throw new InvalidRecordException("timestamp", "timestamp must be an ISO-8601 instant or epoch milliseconds, was "
                + render(value));
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String s) {
            return "the string " + render(s);
        }
        return render(value);
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
            return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return typeOf(value);
        }
        return String.valueOf(value);
    }
}
