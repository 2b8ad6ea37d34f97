package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.store.Store;
import io.visutility.tuning.HyperParams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real orchestrator over a SQLite store in a temporary folder, behind a real HTTP server on a random
 * loopback port, and a client for it.
 */
final class RoutesFixture implements AutoCloseable {
    static final List<String> SEA = List.of("f1", "f2", "f3");

    final Store store;
    final Orchestrator orchestrator;
    final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RoutesFixture(Store store, Orchestrator orchestrator, ApiServer server) {
        this.store = store;
        this.orchestrator = orchestrator;
        this.server = server;
    }

    /** The standard groups, no tokens; retrains wait up to {@code feedbackWait} for fresh rows. */
    static RoutesFixture start(Path data, Duration feedbackWait) {
        return start(data, feedbackWait, List.of(), o -> Api.standardGroups(o));
    }

    static RoutesFixture start(Path data, Duration feedbackWait, List<ApiSettings.TokenSpec> tokens,
                               java.util.function.Function<Orchestrator, List<RouteGroup>> groups) {
        Store store = Store.sqlite(data);
        Orchestrator orchestrator = Orchestrator.builder().store(store).feedback(100, feedbackWait)
                .attempts(1, Duration.ofSeconds(1)).build();
        ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0).withTokens(tokens));
        groups.apply(orchestrator).forEach(builder::group);
        return new RoutesFixture(store, orchestrator, builder.start());
    }

    /** Declares an XGBoost model on the SEA features that retrains after {@code minRows} fresh rows, 2 trials. */
    ModelSpec declare(String model, int minRows) {
        return orchestrator.declare(ModelSpec.xgboost(model, SEA).withMinRows(minRows).withTrials(2));
    }

    /** Registers a version by hand with {@code bytes} as its artifact. */
    ModelVersion register(String model, byte[] bytes, Integer parent) {
        String sha = store.artifacts().put(bytes).sha256();
        return store.registry().register(new NewModelVersion(model, sha, HyperParams.of("eta", 0.1),
                Map.of("f1", 0.8), new Lineage(parent, null, null, "manual", Map.of("note", "by hand")),
                null, Map.of("team", "risk")));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    HttpResponse<byte[]> bytes(String path, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return ApiJson.mapper().readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        orchestrator.close();
        store.close();
    }
}
