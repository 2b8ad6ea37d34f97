package io.visutility.server.metrics;

import io.visutility.event.MonitorEvent;
import io.visutility.ingest.IngestJson;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/** The Prometheus view follows the orchestrator, and Prometheus' own parser accepts it. */
class OrchestratorMetricsTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path data;
    private Store store;
    private Orchestrator orchestrator;
    private OrchestratorMetrics metrics;

    @BeforeEach
    void start() {
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).build();
        orchestrator.declare(ModelSpec.xgboost("fraud", List.of("a", "b")));
        metrics = new OrchestratorMetrics(orchestrator);
    }

    @AfterEach
    void stop() {
        metrics.close();
        orchestrator.close();
        store.close();
    }

    @Test
    void followsHealthWindowsIncidentsRetrainsAndRequests() {
        orchestrator.metrics("fraud", IngestJson.metrics("[" + String.join(",", java.util.Collections.nCopies(10,
                "{\"precision\":0.3,\"recall\":0.3}")) + "]"));
        orchestrator.bus().publish(new MonitorEvent.ModelPromoted(MonitorEvent.newId(), "fraud", Instant.now(), 2, 1,
                "better", Map.of("f1", 0.9), Map.of("f1", 0.8)));
        metrics.request("POST", "/api/v1/models/{name}/metrics", 202, 1_500_000);

        await().atMost(Duration.ofSeconds(10)).until(() -> value(metrics.scrape(),
                "visutility_retrains_total{model=\"fraud\",outcome=\"promoted\"}") == 1.0);
        String text = metrics.scrape();
        assertThat(value(text, "visutility_model_health{model=\"fraud\",state=\"degraded\"}")).isEqualTo(1.0);
        assertThat(value(text, "visutility_model_health{model=\"fraud\",state=\"healthy\"}")).isEqualTo(0.0);
        assertThat(value(text, "visutility_model_window{metric=\"precision\",model=\"fraud\"}")).isCloseTo(0.3, within(1e-12));
        assertThat(value(text, "visutility_model_window_samples{model=\"fraud\"}")).isEqualTo(10.0);
        assertThat(value(text, "visutility_records_accepted_total{kind=\"metrics\",model=\"fraud\"}")).isEqualTo(10.0);
        assertThat(value(text, "visutility_incidents_total{model=\"fraud\"}")).isEqualTo(1.0);
        assertThat(value(text, "visutility_jobs{state=\"queued\"}")).isEqualTo(0.0);
        assertThat(text).contains("visutility_bus_dropped_events_total{subscriber=\"prometheus\"}");
        assertThat(value(text, "visutility_http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/models/{name}/metrics\",status=\"202\"}"))
                .isEqualTo(1.0);
        assertThat(value(text, "visutility_http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/models/{name}/metrics\",status=\"202\",le=\"+Inf\"}"))
                .as("the dashboard's p99 panel needs the buckets").isEqualTo(1.0);
    }

    @Test
    void prometheusOwnParserAcceptsTheScrape() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(PROMTOOL), "promtool is not installed here (CI installs it)");
        orchestrator.metrics("fraud", IngestJson.metrics("{\"precision\":0.9,\"recall\":0.8}"));
        metrics.request("GET", "/api/v1/models", 200, 1_000_000);
        String text = metrics.scrape();

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(promtool.exitValue()).as(report).isZero();
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1));
    }

}
