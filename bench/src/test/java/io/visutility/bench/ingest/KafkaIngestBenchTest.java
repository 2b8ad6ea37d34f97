package io.visutility.bench.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka ingestion benchmark runs a tiny configuration end to end and prints its table (no timing asserted). */
class KafkaIngestBenchTest {
    @Test
    void runsEveryRowAndPrintsTheTable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        List<KafkaIngestBench.Row> rows = KafkaIngestBench.run(2_000, 10, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.records()).isEqualTo(2_000);
            assertThat(r.seconds()).isPositive();
        });
        assertThat(rows).extracting(KafkaIngestBench.Row::instances).containsExactly(1, 1, 2, 1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("| metrics -> orchestrator").contains("records/s");
    }
}
