package io.visutility.server.client.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Look-ups in the API's JSON by dotted paths, taking the first path that is present. */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** The node at the first of {@code paths} (dotted, such as {@code window.f1}) that is present and not null. */
    public static JsonNode first(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode at = node;
            for (String part : path.split("\\.")) {
                at = at == null ? null : at.get(part);
            }
            if (at != null && !at.isNull() && !at.isMissingNode()) {
                return at;
            }
        }
        return null;
    }

    /** The text at the first present path, or null. */
    public static String text(JsonNode node, String... paths) {
        JsonNode at = first(node, paths);
        return at == null ? null : at.isValueNode() ? at.asText() : at.toString();
    }

    /** The number at the first present path that holds a number, or NaN. */
    public static double number(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode at = first(node, path);
            if (at != null && at.isNumber()) {
                return at.asDouble();
            }
        }
        return Double.NaN;
    }

    /** The time at the first present path (ISO-8601 text or epoch milliseconds), or null. */
    public static Instant time(JsonNode node, String... paths) {
        JsonNode at = first(node, paths);
        if (at == null) {
            return null;
        }
        if (at.isNumber()) {
            return Instant.ofEpochMilli(at.asLong());
        }
        try {
            return Instant.parse(at.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The elements of the array at the first present path, or of {@code node} itself when it is an array. */
    public static List<JsonNode> items(JsonNode node, String... paths) {
        JsonNode array = node != null && node.isArray() ? node : first(node, paths);
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    /** A number for a table cell: up to four decimals, {@code -} when absent. */
    public static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The champion's version in a model's JSON, whether a number or an object holding {@code version}. */
    public static String champion(JsonNode model) {
        JsonNode champion = first(model, "champion", "championVersion", "state.champion");
        if (champion == null) {
            return null;
        }
        if (champion.isObject()) {
            JsonNode version = first(champion, "version");
            return version == null ? null : "v" + version.asText();
        }
        return "v" + champion.asText();
    }
}
