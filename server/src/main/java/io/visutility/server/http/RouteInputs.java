package io.visutility.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.Names;
import io.visutility.server.app.Orchestrator;

import java.util.stream.Collectors;

/**
 * Reads and checks what a request carries in its path, query and body for the registry, job and event
 * routes; every refusal is a 400 that names the field and the bad value.
 */
final class RouteInputs {
    /** Longest job id accepted in a path. */
    static final int MAX_ID = 200;

    private RouteInputs() {
    }

    /** The {@code name} path parameter, a valid model name. */
    static String model(Context ctx) {
        return Names.model(ctx.pathParam("name"));
    }

    /** The {@code name} path parameter, a model the orchestrator declares or the registry holds. */
    static String knownModel(Context ctx, Orchestrator orchestrator) {
        String name = model(ctx);
        if (orchestrator.model(name).isEmpty() && !orchestrator.store().registry().models().contains(name)) {
            throw new ModelNotFoundException("model " + name + " is not declared and has no versions");
        }
        return name;
    }

    /** The version path parameter {@code param}: a whole number >= 1. */
    static int version(Context ctx, String param) {
        String text = ctx.pathParam(param);
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("version", "version must be a whole number >= 1, was " + quote(text));
        }
        if (version < 1) {
            throw ApiError.invalid("version", "version must be >= 1, was " + version);
        }
        return version;
    }

    /** A job id path parameter: 1 to {@value #MAX_ID} characters without control characters. */
    static String jobId(Context ctx, String param) {
        String id = ctx.pathParam(param);
        if (id.isEmpty() || id.length() > MAX_ID || id.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiError.invalid("id", "a job id has 1 to " + MAX_ID + " characters and no control characters,"
                    + " was " + quote(id));
        }
        return id;
    }

    /** The query parameter {@code name} as a whole number within [min, max], or {@code fallback} when absent. */
    static long number(Context ctx, String name, long min, long max, long fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, name + " must be a whole number within [" + min + ", " + max + "], was "
                    + quote(text));
        }
        if (value < min || value > max) {
            throw ApiError.invalid(name, name + " must be within [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** The optional {@code model} query parameter, checked as a model name; null when absent. */
    static String modelQuery(Context ctx) {
        String model = ctx.queryParam("model");
        return model == null ? null : Names.model(model);
    }

    /**
     * The body read as {@code type} with the API's strict mapper: unknown fields, wrong types, trailing
     * text and malformed JSON are 400s naming the field (or {@code body}).
     */
    static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.invalid("body", "the body must be a JSON object, was empty");
        }
        try {
            T value = ApiJson.mapper().readValue(text, type);
            if (value == null) {
                throw ApiError.invalid("body", "the body must be a JSON object, was null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.invalid(e.getPropertyName(), "unknown field " + quote(e.getPropertyName())
                    + "; known fields: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiError.invalid(field, (field.equals("body") ? "the body" : field) + " is invalid: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("body", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** {@code value} quoted, control characters escaped, cut after 80 characters. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(value.length() > 80 ? "...\"" : "\"").toString();
    }
}
