package io.visutility.server.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A JSON-lines file of metric samples, checked line by line before anything is sent: each non-blank line
 * one object with {@code precision} and {@code recall} (and optionally {@code f1_score}) in [0, 1] and an
 * optional {@code timestamp} (ISO-8601 text or epoch milliseconds); no other fields.
 */
public final class MetricLines {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("precision", "recall", "f1_score", "timestamp");

    private MetricLines() {
    }

    /** One sample and the line it came from (1-based). */
    public record Line(int number, JsonNode json) {
    }

    /** A line that is not a valid sample; the message names the file, the line, the field and the value. */
    public static final class BadLine extends RuntimeException {
        BadLine(Path file, int line, String problem) {
            super(file + " line " + line + ": " + problem);
        }
    }

    /** Reads and checks every line of {@code file}; blank lines are skipped. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    lines.add(new Line(number, check(file, number, text)));
                }
            }
        }
        return lines;
    }

    private static JsonNode check(Path file, int line, String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadLine(file, line, "not JSON: " + e.getOriginalMessage());
        }
        if (!json.isObject()) {
            throw new BadLine(file, line, "expected one JSON object, was "
                    + json.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadLine(file, line, "unknown field '" + name + "'; known: precision, recall, f1_score,"
                        + " timestamp");
            }
        }
        unit(file, line, json, "precision", true);
        unit(file, line, json, "recall", true);
        unit(file, line, json, "f1_score", false);
        JsonNode time = json.get("timestamp");
        if (time != null && !time.isTextual() && !time.isIntegralNumber()) {
            throw new BadLine(file, line, "timestamp must be ISO-8601 text or epoch milliseconds, was " + time);
        }
        return json;
    }

    private static void unit(Path file, int line, JsonNode json, String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null) {
            if (required) {
                throw new BadLine(file, line, field + " is missing");
            }
            return;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0 || value.asDouble() > 1) {
            throw new BadLine(file, line, field + " must be a number within [0, 1], was " + value);
        }
    }
}
