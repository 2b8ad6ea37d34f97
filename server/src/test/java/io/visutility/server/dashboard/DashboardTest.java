package io.visutility.server.dashboard;

import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.Api;
import io.visutility.server.http.ApiServer;
import io.visutility.server.http.ApiSettings;
import io.visutility.server.http.Route;
import io.visutility.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's files as the server serves them, beside the API and its token check. */
class DashboardTest {
    private static final Pattern REFERENCE = Pattern.compile("[\"'](/(?:webjars/)?[\\w./-]+\\.(?:js|css))[\"']");
    private static final List<String> PAGE_FILES = List.of("/", "/app.js", "/api.js", "/history.js", "/views.js",
            "/style.css");

    @TempDir
    Path data;
    private Store store;
    private Orchestrator orchestrator;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void start(List<ApiSettings.TokenSpec> tokens) {
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).build();
        ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0).withTokens(tokens))
                .extension(Dashboard::install);
        Api.standardGroups(orchestrator).forEach(builder::group);
        server = builder.start();
    }

    @Test
    void thePageAndEveryFileItReferencesAreServed() {
        start(List.of());

        HttpResponse<String> page = get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\">");
        Set<String> referenced = new LinkedHashSet<>();
        for (String file : PAGE_FILES) {
            HttpResponse<String> response = get(file, null);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            Matcher m = REFERENCE.matcher(response.body());
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        // The chart library's version in the page is the one on the classpath.
        assertThat(referenced).anyMatch(r -> r.startsWith("/webjars/uplot/") && r.endsWith("uPlot.esm.js"));
        for (String file : referenced) {
            HttpResponse<String> response = get(file, null);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(file)
                    .containsAnyOf("javascript", "text/css");
        }
    }

    @Test
    void thePageIsPublicWhileTheApiAsksForATokenAndTheStreamTakesItAsAQueryParameter() throws Exception {
        String secret = "reader-secret";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        start(List.of(new ApiSettings.TokenSpec(sha, Route.Role.READER)));

        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get("/app.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/models", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/models", secret).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = get("/api/v1/no-such-route", secret);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(get("/no-such-file.js", null).statusCode()).isEqualTo(404);
        HttpResponse<Void> stream = http.send(HttpRequest.newBuilder(uri("/api/v1/events/stream?access_token=wrong"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(stream.statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }
}
