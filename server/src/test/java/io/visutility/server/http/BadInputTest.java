package io.visutility.server.http;

import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets the right 4xx with the field named, nothing of it is stored, and the
 * server keeps answering. A valid metric report follows every bad request; at the end the store and the
 * monitor hold exactly those.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
    private static final String JSON = "application/json";
    private static final String M = "/api/v1/models/fraud";
    private static final String OK_METRIC = "{\"precision\":0.9,\"recall\":0.9}";
    private static final String P = "{\"id\":\"p\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3},\"score\":0.5";

    private Path data;
    private Store store;
    private Orchestrator orchestrator;
    private ApiServer server;
    private int valid;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("visutility-bad-input");
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).build();
        orchestrator.declare(ModelSpec.xgboost("fraud", List.of("f1", "f2", "f3")));
        ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0).withMaxBodyBytes(1 << 20));
        Api.standardGroups(orchestrator).forEach(builder::group);
        server = builder.start();
    }

    @AfterAll
    void stop() {
        server.close();
        orchestrator.close();
        store.close();
    }

    static Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();
        // metric reports
        add(cases, "precision above 1", "POST", M + "/metrics", JSON, "{\"precision\":1.7,\"recall\":0.5}", 400, "precision");
        add(cases, "negative precision", "POST", M + "/metrics", JSON, "{\"precision\":-0.1,\"recall\":0.5}", 400, "precision");
        add(cases, "NaN as a string", "POST", M + "/metrics", JSON, "{\"precision\":\"NaN\",\"recall\":0.5}", 400, "precision");
        add(cases, "bare NaN", "POST", M + "/metrics", JSON, "{\"precision\":NaN,\"recall\":0.5}", 400, "body");
        add(cases, "bare Infinity", "POST", M + "/metrics", JSON, "{\"precision\":Infinity,\"recall\":0.5}", 400, "body");
        add(cases, "overflowing number", "POST", M + "/metrics", JSON, "{\"precision\":1e999,\"recall\":0.5}", 400, "body");
        add(cases, "Infinity as a string", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":\"Infinity\"}", 400, "recall");
        add(cases, "missing precision", "POST", M + "/metrics", JSON, "{\"recall\":0.5}", 400, "precision");
        add(cases, "missing recall", "POST", M + "/metrics", JSON, "{\"precision\":0.5}", 400, "recall");
        add(cases, "f1 above 1", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5,\"f1_score\":2}", 400, "f1_score");
        add(cases, "negative f1", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5,\"f1_score\":-1}", 400, "f1_score");
        add(cases, "unknown field", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5,\"extra\":1}", 400, "extra");
        add(cases, "boolean precision", "POST", M + "/metrics", JSON, "{\"precision\":true,\"recall\":0.5}", 400, "precision");
        add(cases, "array precision", "POST", M + "/metrics", JSON, "{\"precision\":[0.5],\"recall\":0.5}", 400, "precision");
        add(cases, "object precision", "POST", M + "/metrics", JSON, "{\"precision\":{\"a\":1},\"recall\":0.5}", 400, "precision");
        add(cases, "null recall", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":null}", 400, "recall");
        add(cases, "empty array", "POST", M + "/metrics", JSON, "[]", 400, "body");
        add(cases, "one bad record in a batch", "POST", M + "/metrics", JSON,
                "[{\"precision\":0.5,\"recall\":0.5},{\"precision\":2,\"recall\":0.5}]", 400, "[1].precision");
        add(cases, "array of numbers", "POST", M + "/metrics", JSON, "[1,2]", 400, "[0]");
        add(cases, "a JSON string", "POST", M + "/metrics", JSON, "\"text\"", 400, "body");
        add(cases, "JSON null", "POST", M + "/metrics", JSON, "null", 400, "body");
        add(cases, "form encoding", "POST", M + "/metrics", JSON, "precision=0.5&recall=0.5", 400, "body");
        add(cases, "empty body", "POST", M + "/metrics", JSON, "", 400, "body");
        add(cases, "truncated JSON", "POST", M + "/metrics", JSON, "{\"precision\":0.5,", 400, "body");
        add(cases, "trailing garbage", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5} x", 400, "body");
        add(cases, "words as a timestamp", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":\"yesterday\"}", 400, "timestamp");
        add(cases, "boolean timestamp", "POST", M + "/metrics", JSON, "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":true}", 400, "timestamp");
        add(cases, "10,001 records", "POST", M + "/metrics", JSON,
                "[" + String.join(",", Collections.nCopies(10_001, OK_METRIC)) + "]", 400, "body");
        add(cases, "text/plain", "POST", M + "/metrics", "text/plain", OK_METRIC, 415, "Content-Type");
        add(cases, "no content type", "POST", M + "/metrics", null, OK_METRIC, 415, "Content-Type");
        add(cases, "XML content type", "POST", M + "/metrics", "application/xml", OK_METRIC, 415, "Content-Type");
        add(cases, "body over the limit", "POST", M + "/metrics", JSON, "[" + " ".repeat(2 << 20) + "]", 413, null);
        add(cases, "undeclared model", "POST", "/api/v1/models/ghost/metrics", JSON, OK_METRIC, 404, null);
        add(cases, "control character in the model name", "POST", "/api/v1/models/fr%01aud/metrics", JSON, OK_METRIC, 400, "model");
        add(cases, "10k-character model name", "POST", "/api/v1/models/" + "a".repeat(10_000) + "/metrics", JSON, OK_METRIC, 0, null);
        add(cases, "dot-dot model name", "POST", "/api/v1/models/..%2F..%2Fetc/metrics", JSON, OK_METRIC, 0, null);
        add(cases, "space in the model name", "POST", "/api/v1/models/fr%20aud/metrics", JSON, OK_METRIC, 400, "model");
        // predictions
        add(cases, "prediction without id", "POST", M + "/predictions", JSON, "{\"features\":{\"f1\":1,\"f2\":2,\"f3\":3},\"score\":0.5}", 400, "id");
        add(cases, "empty prediction id", "POST", M + "/predictions", JSON, P.replace("\"p\"", "\"\"") + "}", 400, "id");
        add(cases, "201-character prediction id", "POST", M + "/predictions", JSON, P.replace("\"p\"", "\"" + "x".repeat(201) + "\"") + "}", 400, "id");
        add(cases, "control character in a prediction id", "POST", M + "/predictions", JSON, P.replace("\"p\"", "\"a\\u0001\"") + "}", 400, "id");
        add(cases, "empty features", "POST", M + "/predictions", JSON, "{\"id\":\"p\",\"features\":{},\"score\":0.5}", 400, "features");
        add(cases, "text feature", "POST", M + "/predictions", JSON, "{\"id\":\"p\",\"features\":{\"f1\":\"x\"},\"score\":0.5}", 400, "features.f1");
        add(cases, "score above 1", "POST", M + "/predictions", JSON, P.replace("0.5", "1.5") + "}", 400, "score");
        add(cases, "missing score", "POST", M + "/predictions", JSON, "{\"id\":\"p\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3}}", 400, "score");
        add(cases, "label 2", "POST", M + "/predictions", JSON, P + ",\"label\":2}", 400, "label");
        add(cases, "label as text", "POST", M + "/predictions", JSON, P + ",\"label\":\"1\"}", 400, "label");
        add(cases, "unknown feature", "POST", M + "/predictions", JSON, "{\"id\":\"p\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3,\"f9\":1},\"score\":0.5}", 400, "[0].features.f9");
        add(cases, "missing feature", "POST", M + "/predictions", JSON, "{\"id\":\"p\",\"features\":{\"f1\":1,\"f2\":2},\"score\":0.5}", 400, "[0].features.f3");
        add(cases, "a bad prediction after a good one", "POST", M + "/predictions", JSON, "[" + P + ",\"label\":1}," + P + ",\"label\":7}]", 400, "[1].label");
        // labels
        add(cases, "label missing", "POST", M + "/labels", JSON, "{\"id\":\"p\"}", 400, "label");
        add(cases, "fractional label", "POST", M + "/labels", JSON, "{\"id\":\"p\",\"label\":0.5}", 400, "label");
        add(cases, "label without id", "POST", M + "/labels", JSON, "{\"label\":1}", 400, "id");
        add(cases, "label with an unknown field", "POST", M + "/labels", JSON, "{\"id\":\"p\",\"label\":1,\"extra\":1}", 400, "extra");
        add(cases, "empty label array", "POST", M + "/labels", JSON, "[]", 400, "body");
        // predict
        add(cases, "predict without features", "POST", M + "/predict", JSON, "{}", 400, "features");
        add(cases, "predict with empty features", "POST", M + "/predict", JSON, "{\"features\":{}}", 400, "features");
        add(cases, "predict with a text feature", "POST", M + "/predict", JSON, "{\"features\":{\"f1\":\"x\"}}", 400, "features.f1");
        add(cases, "predict with an unknown field", "POST", M + "/predict", JSON, "{\"features\":{\"f1\":1},\"x\":1}", 400, "x");
        add(cases, "predict missing a feature", "POST", M + "/predict", JSON, "{\"features\":{\"f1\":1,\"f2\":2}}", 400, "features.f3");
        add(cases, "predict with an unknown feature", "POST", M + "/predict", JSON, "{\"features\":{\"f1\":1,\"f2\":2,\"f3\":3,\"zz\":1}}", 400, "features.zz");
        add(cases, "predict with a non-JSON body", "POST", M + "/predict", JSON, "features", 400, "body");
        // declarations
        add(cases, "declaration without name", "POST", "/api/v1/models", JSON, "{}", 400, "name");
        add(cases, "declaration without features", "POST", "/api/v1/models", JSON, "{\"name\":\"x\"}", 400, "features");
        add(cases, "declaration with no features", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[]}", 400, "features");
        add(cases, "zero trials", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"trials\":0}", 400, "trials");
        add(cases, "unknown tuner", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"tuner\":\"magic\"}", 400, "tuner");
        add(cases, "text window size", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"policy\":{\"windowSize\":\"big\"}}", 400, "policy.windowSize");
        add(cases, "unknown declaration key", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"bogus\":1}", 400, "bogus");
        add(cases, "path in a model name", "POST", "/api/v1/models", JSON, "{\"name\":\"../x\",\"features\":[\"a\"]}", 400, "model");
        add(cases, "command trainer without command", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"trainer\":\"command\"}", 400, "command");
        add(cases, "unknown detector", "POST", "/api/v1/models", JSON, "{\"name\":\"x\",\"features\":[\"a\"],\"policy\":{\"detectors\":[\"nope\"]}}", 400, "policy.detectors");
        add(cases, "a different spec for a declared model", "POST", "/api/v1/models", JSON, "{\"name\":\"fraud\",\"features\":[\"f1\"]}", 409, null);
        // registry, jobs, events
        add(cases, "text version", "GET", M + "/versions/abc", null, null, 400, "version");
        add(cases, "version 0", "GET", M + "/versions/0", null, null, 400, "version");
        add(cases, "unknown version", "GET", M + "/versions/99", null, null, 404, null);
        add(cases, "alias to a text version", "PUT", M + "/aliases/champion", JSON, "{\"version\":\"x\"}", 400, "version");
        add(cases, "control character in a job id", "GET", "/api/v1/jobs/a%01b", null, null, 400, "id");
        add(cases, "unknown job", "GET", "/api/v1/jobs/nope", null, null, 404, null);
        add(cases, "negative event position", "GET", "/api/v1/events?after=-1", null, null, 400, "after");
        add(cases, "zero event limit", "GET", "/api/v1/events?limit=0", null, null, 400, "limit");
        add(cases, "text event limit", "GET", "/api/v1/events?limit=abc", null, null, 400, "limit");
        add(cases, "retrain of an undeclared model", "POST", "/api/v1/models/ghost/retrain", null, null, 404, null);
        add(cases, "unknown route", "DELETE", M, null, null, 0, null);
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, String method, String path, String type, String body,
                            int status, String field) {
        cases.add(Arguments.of(name, method, path, type, body, status, field));
    }

    @Test
    @Order(0)
    void thereAreAtLeastSixtyCases() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(60);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedNamingTheField(String name, String method, String path, String type, String body, int status,
                                 String field) {
        HttpResponse<String> response = send(method, path, type, body);

        if (status == 0) {
            // Refused by the HTTP layer before any route: any 4xx will do, as long as it is one.
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        }
        if (response.statusCode() != 414 && response.statusCode() != 413 || field != null) {
            JsonNode error = RoutesFixture.json(response).path("error");
            assertThat(error.path("code").asText()).isNotEmpty();
            assertThat(error.path("message").asText()).isNotEmpty();
            if (field != null) {
                assertThat(error.path("field").asText()).as(error.toString()).isEqualTo(field);
            }
        }
        // A valid report after every refusal: the server is up and takes good input.
        assertThat(send("POST", M + "/metrics", JSON, OK_METRIC).statusCode()).isEqualTo(202);
        valid++;
    }

    @Test
    @Order(2)
    void onlyTheValidInputWasKept() {
        assertThat(valid).isGreaterThanOrEqualTo(60);
        assertThat(orchestrator.monitor().status("fraud").orElseThrow().observed()).isEqualTo(valid);
        assertThat(orchestrator.monitor().status("fraud").orElseThrow().window().precision()).isEqualTo(0.9);
        assertThat(orchestrator.monitor().labelStats("fraud").map(l -> l.predictions() + l.labels()).orElse(0L)).isZero();
        assertThat(orchestrator.models()).extracting(ModelSpec::name).containsExactly("fraud");
        assertThat(Set.copyOf(orchestrator.monitor().models())).containsExactly("fraud");
        assertThat(store.registry().models()).isEmpty();
        assertThat(store.jobs().list("fraud")).isEmpty();
        assertThat(store.events().lastPosition()).isZero();
        assertThat(send("GET", "/api/v1/health", null, null).body()).contains("UP");
    }

    /**
     * Sends only the headers of an oversized request and reads the answer: the server refuses the body from
     * its declared length and closes the connection, so a client still writing the body might never read
     * the 413.
     */
    private HttpResponse<String> oversized(String method, String path, String type, long length) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String json = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
            return new RawResponse(status, json.contains("{") ? json.substring(json.indexOf('{'), json.lastIndexOf('}') + 1) : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status and body of an answer read off a raw socket. */
    private record RawResponse(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private HttpResponse<String> send(String method, String path, String type, String body) {
        if (body != null && body.length() > 1 << 20) {
            return oversized(method, path, type, body.length());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            b.header("Content-Type", type);
        }
        try {
            // A fresh client each time: after some refusals (414, 413) the server closes the connection, and a
            // pooled one would fail the next request.
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
