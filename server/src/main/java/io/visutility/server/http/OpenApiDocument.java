package io.visutility.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the OpenAPI 3.0.3 description of a route table: one operation per {@link Route}, with its path
 * parameters, known query parameters, request body, responses (errors in the API's one error shape) and
 * the bearer token role it needs. Generated from the table the server registers, so it lists exactly
 * the routes that exist.
 */
final class OpenApiDocument {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}|<([^>/]+)>");
    private static final String NAME_PATTERN = "^[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}$";

    /** A query parameter a route reads; the route table does not hold these, so they are listed here. */
    record Query(String name, String type, String description) {
    }

    /** Query parameters by {@code "METHOD path"}. */
    static final Map<String, List<Query>> QUERIES = Map.of(
            "GET /api/v1/models/{name}/versions", List.of(
                    new Query("pageToken", "string", "the nextPageToken of the previous page"),
                    new Query("limit", "integer", "versions per page, 1 to 1000 (default 100)")),
            "POST /api/v1/models/{name}/retrain", List.of(
                    new Query("reason", "string", "why, recorded with the request")),
            "GET /api/v1/jobs", List.of(
                    new Query("model", "string", "only this model's jobs"),
                    new Query("state", "string", "only jobs in this state (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED)"),
                    new Query("limit", "integer", "most jobs returned, 1 to 1000 (default 100)")),
            "GET /api/v1/events", List.of(
                    new Query("model", "string", "only this model's events"),
                    new Query("types", "string", "only these event types, comma-separated (e.g. DriftDetected,ModelPromoted)"),
                    new Query("after", "integer", "log position to read after (default 0: from the start)"),
                    new Query("limit", "integer", "most events returned, 1 to 10000 (default 100)")),
            "GET /api/v1/events/stream", List.of(
                    new Query("model", "string", "only this model's events"),
                    new Query("types", "string", "only these event types, comma-separated (e.g. DriftDetected,Metrics)"),
                    new Query("access_token", "string", "the bearer token, for clients that cannot set headers")));

    private OpenApiDocument() {
    }

    /** The document for {@code routes}. */
    static ObjectNode of(List<Route> routes) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "VisuTility Orchestrator API");
        info.put("version", "1.0.0");
        info.put("description", "Monitor models, retrain them when they degrade, and manage their versions."
                + " Errors have the shape {\"error\":{\"code\",\"message\",\"field\"}}. When tokens are configured,"
                + " reader routes need a reader or writer bearer token and writer routes a writer token.");
        Map<String, ObjectNode> paths = new LinkedHashMap<>();
        for (Route route : routes) {
            String path = openApiPath(route.path());
            ObjectNode item = paths.computeIfAbsent(path, p -> F.objectNode());
            String method = route.method().name().toLowerCase(Locale.ROOT);
            if (item.has(method)) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + path);
            }
            item.set(method, operation(route, path));
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        components(doc.putObject("components"));
        return doc;
    }

    /** Javalin's {@code <name>} form of a parameter written as OpenAPI's {@code {name}}. */
    static String openApiPath(String path) {
        return PARAM.matcher(path).replaceAll(m -> Matcher.quoteReplacement(
                "{" + (m.group(1) != null ? m.group(1) : m.group(2)) + "}"));
    }

    private static ObjectNode operation(Route route, String path) {
        ObjectNode op = F.objectNode();
        op.put("operationId", operationId(route, path));
        op.put("summary", route.summary());
        String[] segments = path.split("/");
        op.putArray("tags").add(segments.length > 3 ? segments[3] : "api");
        ArrayNode params = F.arrayNode();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            params.add(pathParam(m.group(1)));
        }
        for (Query q : QUERIES.getOrDefault(route.method().name() + " " + path, List.of())) {
            ObjectNode p = params.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("required", false);
            p.put("description", q.description());
            p.putObject("schema").put("type", q.type());
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (route.body() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.put("description", route.body());
            body.putObject("content").putObject("application/json").putObject("schema")
                    .put("description", route.body());
        }
        List<Integer> statuses = new ArrayList<>(route.responses());
        if (route.role() != Route.Role.PUBLIC) {
            addStatus(statuses, 401);
        }
        if (route.role() == Route.Role.WRITER) {
            addStatus(statuses, 403);
        }
        if (route.body() != null) {
            addStatus(statuses, 413);
            addStatus(statuses, 415);
        }
        ObjectNode responses = op.putObject("responses");
        statuses.stream().sorted().forEach(s -> responses.set(Integer.toString(s), response(route, path, s)));
        if (route.role() == Route.Role.PUBLIC) {
            op.putArray("security");
        } else {
            op.putArray("security").addObject().putArray("bearerAuth");
            op.put("x-required-role", route.role().name().toLowerCase(Locale.ROOT));
            op.put("description", "Needs a " + (route.role() == Route.Role.WRITER ? "writer" : "reader or writer")
                    + " token when tokens are configured.");
        }
        return op;
    }

    private static void addStatus(List<Integer> statuses, int status) {
        if (!statuses.contains(status)) {
            statuses.add(status);
        }
    }

    private static ObjectNode pathParam(String name) {
        ObjectNode p = F.objectNode();
        p.put("name", name);
        p.put("in", "path");
        p.put("required", true);
        ObjectNode schema = p.putObject("schema");
        if (name.equals("version")) {
            schema.put("type", "integer").put("minimum", 1);
        } else if (name.equals("name") || name.equals("alias")) {
            schema.put("type", "string").put("pattern", NAME_PATTERN);
        } else {
            schema.put("type", "string");
        }
        return p;
    }

    private static ObjectNode response(Route route, String path, int status) {
        ObjectNode r = F.objectNode();
        r.put("description", reason(status));
        if (status >= 400) {
            r.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        } else if (status != 204 && status != 304) {
            ObjectNode content = r.putObject("content");
            if (route.stream() != null) {
                content.putObject("text/event-stream").putObject("schema").put("type", "string")
                        .put("description", "events: id = event id, event = its type, data = its JSON");
            } else if (path.endsWith("/artifact")) {
                content.putObject("application/octet-stream").putObject("schema").put("type", "string")
                        .put("format", "binary");
                r.putObject("headers").putObject(RegistryArtifacts.SHA_HEADER).put("description",
                        "SHA-256 of the bytes, lower-case hex").putObject("schema").put("type", "string");
            } else {
                content.putObject("application/json").putObject("schema").put("type", "object");
            }
        }
        return r;
    }

    private static String operationId(Route route, String path) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v1", "").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean param = segment.startsWith("{");
            String word = param ? segment.substring(1, segment.length() - 1) : segment;
            StringBuilder camel = new StringBuilder(param ? "By" : "");
            for (String part : word.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            id.append(camel);
        }
        return id.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Invalid argument; error.field names it";
            case 401 -> "No bearer token, or an unknown one";
            case 403 -> "The token's role may not do this";
            case 404 -> "Not found";
            case 409 -> "Conflict with the current state";
            case 413 -> "Body too large";
            case 415 -> "Body is not application/json";
            case 429 -> "Too many requests";
            case 500 -> "Internal error";
            case 503 -> "Shutting down";
            default -> "HTTP " + status;
        };
    }

    private static void components(ObjectNode components) {
        components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "a reader or writer token; the server keeps only its SHA-256");
        ObjectNode error = components.putObject("schemas").putObject("Error");
        error.put("type", "object");
        error.putArray("required").add("error");
        ObjectNode inner = error.putObject("properties").putObject("error");
        inner.put("type", "object");
        inner.putArray("required").add("code").add("message");
        ObjectNode props = inner.putObject("properties");
        props.putObject("code").put("type", "string").put("example", "INVALID_ARGUMENT");
        props.putObject("message").put("type", "string").put("example", "precision must be within [0, 1], was 1.7");
        props.putObject("field").put("type", "string").put("example", "precision");
    }
}
