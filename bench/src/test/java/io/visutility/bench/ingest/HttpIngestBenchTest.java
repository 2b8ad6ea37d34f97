package io.visutility.bench.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny configuration of the HTTP ingestion benchmark runs end to end and prints its table. */
class HttpIngestBenchTest {
    @Test
    void aTinyRunIngestsOverHttpAndPrintsEveryPath() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<HttpIngestBench.Row> rows = HttpIngestBench.run(1, Duration.ofMillis(300), Duration.ofMillis(100),
                new int[] {1, 10}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(rows).hasSize(6);
        assertThat(rows).allSatisfy(r -> assertThat(r.eventsPerSecond()).isPositive());
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("HTTP POST", "direct Orchestrator.metrics", "IngestJson.metrics parse");
    }
}
