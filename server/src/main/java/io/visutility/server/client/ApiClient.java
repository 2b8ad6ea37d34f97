package io.visutility.server.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A small client of the server's HTTP API: sends JSON, reads JSON, and turns error answers
 * ({@code {"error":{"code","message","field"}}}) and unreachable servers into an {@link ApiFailure}
 * whose message says what happened and where.
 */
public final class ApiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI server;
    private final String token;
    private final HttpClient http;

    /**
     * @param server the server's root, such as {@code http://127.0.0.1:7070}
     * @param token  the bearer token to send, or null for none
     */
    public ApiClient(URI server, String token) {
        this.server = checkServer(server);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * Parses a server address given on the command line.
     *
     * @throws IllegalArgumentException naming the value when it is not an http or https URL with a host
     */
    public static URI parseServer(String value) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(value, "server").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + value + "'", e);
        }
        return checkServer(uri);
    }

    private static URI checkServer(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http:// or https:// URL with a host, was '" + uri + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    /** The server's root address. */
    public URI server() {
        return server;
    }

    /** One path segment, percent-encoded, for building paths from model names. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code GET path} (path starts with {@code /}, may carry a query); the answer's JSON. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** {@code POST path} without a body; the answer's JSON. */
    public JsonNode post(String path) {
        return send("POST", path, null);
    }

    /**
     * Sends {@code body} (any value Jackson writes, or null for no body) with {@code method} to {@code path}.
     *
     * @return the answer's JSON, or a JSON null for an empty answer
     * @throws ApiFailure when the server answers 4xx/5xx, answers something that is not JSON, or cannot be reached
     */
    public JsonNode send(String method, String path, Object body) {
        URI uri = URI.create(server + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ApiFailure("cannot reach the server at " + server + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (HttpTimeoutException e) {
            throw new ApiFailure("the server at " + server + " did not answer " + method + " " + path + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ApiFailure("cannot reach the server at " + server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted while waiting for " + uri, e);
        }
        return read(method, uri, response.statusCode(), response.body());
    }

    private static JsonNode read(String method, URI uri, int status, String text) {
        JsonNode json = null;
        if (text != null && !text.isBlank()) {
            try {
                json = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                json = null;
            }
        }
        if (status >= 400) {
            JsonNode error = json == null ? null : json.path("error");
            if (error != null && error.hasNonNull("message")) {
                String field = error.path("field").asText(null);
                throw new ApiFailure(status, error.path("message").asText()
                        + (field == null ? "" : " (field " + field + ")")
                        + " [" + status + " " + error.path("code").asText("ERROR") + " from " + method + " " + uri
                        + "]");
            }
            throw new ApiFailure(status, "the server answered " + status + " to " + method + " " + uri
                    + (text == null || text.isBlank() ? "" : ": " + abbreviate(text)));
        }
        if (text == null || text.isBlank()) {
            return NullNode.getInstance();
        }
        if (json == null) {
            throw new ApiFailure(status, "the server answered " + method + " " + uri
                    + " with something that is not JSON: " + abbreviate(text));
        }
        return json;
    }

    private static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
