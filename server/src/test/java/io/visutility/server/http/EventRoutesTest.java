package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.visutility.server.http.RegistryRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventRoutesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path data;
    private RoutesFixture api;
    private final List<Stream<String>> streams = new ArrayList<>();

    @AfterEach
    void stop() {
        streams.forEach(Stream::close);
        if (api != null) {
            api.close();
        }
    }

    private void start(List<ApiSettings.TokenSpec> tokens) {
        api = RoutesFixture.start(data, Duration.ZERO, tokens,
                o -> List.of(new EventRoutes(o, Duration.ofMillis(100))));
    }

    @Test
    void loggedEventsAreReadAfterAPositionAndByModel() {
        start(List.of());
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String model = i % 2 == 0 ? "fraud" : "churn";
            positions.add(api.store.events().append(new MonitorEvent.RetrainFailed("e" + i, model,
                    T0.plusSeconds(i), "job-" + i, "failure " + i, false)));
        }

        JsonNode first = RoutesFixture.json(api.get("/api/v1/events?limit=2"));
        JsonNode rest = RoutesFixture.json(api.get("/api/v1/events?after=" + first.get("next").asLong()));
        JsonNode churn = RoutesFixture.json(api.get("/api/v1/events?model=churn"));
        JsonNode fraudAfter = RoutesFixture.json(api.get("/api/v1/events?model=fraud&limit=1&after=" + positions.get(0)));

        assertThat(ids(first)).containsExactly("e0", "e1");
        assertThat(first.get("next").asLong()).isEqualTo(positions.get(1));
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(ids(rest)).containsExactly("e2", "e3", "e4");
        assertThat(rest.get("more").asBoolean()).isFalse();
        assertThat(ids(churn)).containsExactly("e1", "e3");
        assertThat(ids(fraudAfter)).containsExactly("e2");
        assertThat(fraudAfter.get("next").asLong()).isEqualTo(positions.get(2));
        JsonNode e0 = first.get("events").get(0);
        assertThat(e0.get("type").asText()).isEqualTo("RetrainFailed");
        assertThat(e0.get("model").asText()).isEqualTo("fraud");
        assertThat(e0.get("time").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(e0.get("reason").asText()).isEqualTo("failure 0");
        assertThat(e0.get("jobId").asText()).isEqualTo("job-0");
        assertThat(e0.get("position").asLong()).isEqualTo(positions.get(0));
    }

    @Test
    void badPagingIsNamed() {
        start(List.of());

        assertError(api.get("/api/v1/events?after=-1"), 400, "after");
        assertError(api.get("/api/v1/events?after=soon"), 400, "after");
        assertError(api.get("/api/v1/events?limit=0"), 400, "limit");
        assertError(api.get("/api/v1/events?limit=10001"), 400, "limit");
        assertError(api.get("/api/v1/events?model=a%2Fb"), 400, "model");
        assertError(api.get("/api/v1/events?types=DriftDetected,Gossip"), 400, "types");
        assertError(api.get("/api/v1/events?types="), 400, "types");
    }

    @Test
    void loggedEventsAreFilteredByType() {
        start(List.of());
        api.store.events().append(new MonitorEvent.RetrainFailed("f", "fraud", T0, "j", "x", false));
        api.store.events().append(new MonitorEvent.ModelRegistered("r", "fraud", T0, 1, "ab".repeat(32), "j"));
        api.store.events().append(new MonitorEvent.RetrainSkipped("s", "churn", T0, null, "j", "busy"));

        assertThat(ids(RoutesFixture.json(api.get("/api/v1/events?types=ModelRegistered,RetrainSkipped"))))
                .containsExactly("r", "s");
        assertThat(ids(RoutesFixture.json(api.get("/api/v1/events?types=RetrainSkipped&model=fraud")))).isEmpty();
    }

    @Test
    void theStreamCarriesEveryEventIncludingMetricSamplesAndEndsItsSubscriptionWhenTheClientLeaves() {
        start(List.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        Stream<String> stream = connect("/api/v1/events/stream", lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 1 && lines.contains(": connected"));

        MonitorEvent metrics = new MonitorEvent.Metrics("m-1", "fraud", T0, PerformanceMetrics.of(0.9, 0.8));
        MonitorEvent registered = new MonitorEvent.ModelRegistered("r-1", "fraud", T0, 3, "ab".repeat(32), "job-9");
        api.orchestrator.bus().publish(metrics);
        api.orchestrator.bus().publish(registered);

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id: r-1"));
        int r = lines.indexOf("id: r-1");
        assertThat(lines.get(r + 1)).isEqualTo("event: ModelRegistered");
        assertThat(lines.get(r + 2)).startsWith("data: {").contains("\"type\":\"ModelRegistered\"")
                .contains("\"model\":\"fraud\"").contains("\"version\":3");
        int m = lines.indexOf("id: m-1");
        assertThat(m).isBetween(0, r);
        assertThat(lines.get(m + 1)).isEqualTo("event: Metrics");
        assertThat(lines.get(m + 2)).contains("\"precision\":0.9");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(": keep-alive"));

        stream.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 0);
    }

    @Test
    void stoppingTheServerEndsOpenStreamsFirst() {
        start(List.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        connect("/api/v1/events/stream", lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 1);

        api.server.close();

        // Ended by the server's stopping hook, not later by a failed keep-alive on a recycled request.
        assertThat(streamSubscriptions()).isZero();
    }

    @Test
    void aModelFilterLeavesOtherModelsOut() {
        start(List.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        connect("/api/v1/events/stream?model=churn", lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 1);

        api.orchestrator.bus().publish(new MonitorEvent.RetrainFailed("other", "fraud", T0, "j", "x", false));
        api.orchestrator.bus().publish(new MonitorEvent.RetrainFailed("mine", "churn", T0, "j", "x", false));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id: mine"));
        assertThat(lines).doesNotContain("id: other");
    }

    @Test
    void aTypeFilterLeavesMetricSamplesOut() {
        start(List.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        connect("/api/v1/events/stream?types=ModelRegistered", lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 1);

        api.orchestrator.bus().publish(new MonitorEvent.Metrics("sample", "fraud", T0, PerformanceMetrics.of(0.9, 0.8)));
        api.orchestrator.bus().publish(new MonitorEvent.ModelRegistered("reg", "fraud", T0, 1, "ab".repeat(32), "j"));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id: reg"));
        assertThat(lines).doesNotContain("id: sample");
    }

    @Test
    void aBadModelFilterIsReportedAsAnErrorEventAndTheStreamEnds() throws Exception {
        start(List.of());

        HttpResponse<String> response = api.http().send(HttpRequest.newBuilder(api.uri("/api/v1/events/stream?model=..x"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("event: error").contains("\"field\":\"model\"");
        assertThat(streamSubscriptions()).isZero();
    }

    @Test
    void withTokensTheStreamTakesTheTokenFromTheQuery() throws Exception {
        start(List.of(new ApiSettings.TokenSpec(sha("reader-secret"), Route.Role.READER)));

        HttpResponse<String> anonymous = api.http().send(HttpRequest.newBuilder(api.uri("/api/v1/events/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = new CopyOnWriteArrayList<>();
        connect("/api/v1/events/stream?access_token=reader-secret", lines);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamSubscriptions() == 1);
    }

    /** Opens the stream and copies its lines into {@code lines} on a background thread. */
    private Stream<String> connect(String path, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(api.uri(path)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response;
        try {
            response = api.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream did not open", e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Stream<String> body = response.body();
        streams.add(body);
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return body;
    }

    private long streamSubscriptions() {
        return api.orchestrator.bus().subscriptions().stream().map(Subscription::name)
                .filter(n -> n.startsWith("api-stream-")).count();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("events").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static String sha(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
