package io.visutility.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.registry.ModelRegistry;
import io.visutility.server.Main;
import io.visutility.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The default demo: the closed loop through the orchestrator's predict and label paths, on real XGBoost. */
class ClosedLoopDemoTest {

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void seaWithDefaultsDetectsTheDriftRetrainsOnceAndServesAsWellAsTheOracle(@TempDir Path dir) throws Exception {
        Run run = run("demo", "--data", dir.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly("stream", "rows", "driftAt", "detectedAt", "detectionDelay",
                "accuracyBeforeDrift", "accuracyAfterDriftNoRetrain", "accuracyAfterRetrain", "oracleAccuracy",
                "retrainJobs", "retrainSeconds", "champion");
        assertThat(json.get("stream").asText()).isEqualTo("sea");
        assertThat(json.get("rows").asInt()).isEqualTo(DemoCommand.DEFAULT_ROWS);
        int driftAt = json.get("driftAt").asInt();
        assertThat(json.get("detectedAt").asInt()).isGreaterThan(driftAt);
        assertThat(json.get("detectionDelay").asInt()).isEqualTo(json.get("detectedAt").asInt() - driftAt);
        assertThat(json.get("retrainJobs").asInt()).isEqualTo(1);
        double before = json.get("accuracyBeforeDrift").asDouble();
        double stale = json.get("accuracyAfterDriftNoRetrain").asDouble();
        double retrained = json.get("accuracyAfterRetrain").asDouble();
        double oracle = json.get("oracleAccuracy").asDouble();
        assertThat(retrained).isGreaterThanOrEqualTo(oracle - 0.02);
        assertThat(stale).isLessThan(retrained - 0.05).isLessThan(before - 0.05);
        assertThat(json.get("retrainSeconds").asDouble()).isPositive();

        JsonNode champion = json.get("champion");
        try (Store store = Store.sqlite(dir)) {
            var alias = store.registry().alias("closed_loop_sea", ModelRegistry.CHAMPION).orElseThrow();
            assertThat(alias.version()).isEqualTo(champion.get("version").asInt()).isGreaterThan(1);
            assertThat(alias.sha256()).isEqualTo(champion.get("sha256").asText());
            assertThat(sha256(store.artifacts().get(alias.sha256()))).isEqualTo(alias.sha256());
            List<MonitorEvent> logged = store.events().after(0, 10_000).stream().map(LoggedEvent::event).toList();
            assertThat(logged).filteredOn(e -> e instanceof MonitorEvent.DriftDetected).hasSize(1);
            assertThat(logged).filteredOn(e -> e instanceof MonitorEvent.ModelPromoted).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"agrawal", "hyperplane"})
    void otherStreamsRunTheLoopToTheEnd(String stream, @TempDir Path dir) throws Exception {
        Run run = run("demo", "--stream", stream, "--rows", "12000", "--trials", "3", "--data", dir.toString(),
                "--json");

        JsonNode json = run.json();
        assertThat(json.get("stream").asText()).isEqualTo(stream);
        assertThat(json.get("rows").asInt()).isEqualTo(12_000);
        assertThat(json.get("driftAt").asInt()).isEqualTo(4_000);
        assertThat(json.get("detectedAt").asInt()).as(run.err()).isGreaterThan(4_000);
        assertThat(json.get("retrainJobs").asInt()).isEqualTo(1);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(json.get("accuracyAfterRetrain").asDouble())
                .isGreaterThan(json.get("accuracyAfterDriftNoRetrain").asDouble());
    }

    @Test
    void textOutputSummarisesTheLoop(@TempDir Path dir) {
        Run run = run("demo", "--rows", "9000", "--trials", "2", "--data", dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Closed loop on sea", "drift detected at row", "retrain jobs: 1",
                "had nothing been retrained", "champion: v");
        assertThat(run.err()).contains("[demo] champion closed_loop_sea v1", "retrain outcome: ModelPromoted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--stream=bogus", "--rows=10", "--rows=x", "--trials=101"})
    void badArgumentsExitWithCodeTwoAndNameTheArgument(String arg) {
        Run run = run("demo", arg);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(arg.substring(0, arg.indexOf('=')));
    }

    @Test
    void streamAndRowsDoNotApplyToAScenario() {
        Run run = run("demo", "--scenario", "seed", "--rows", "5000");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--rows");
    }

    private static List<String> fieldNames(JsonNode json) {
        return StreamSupport.stream(((Iterable<String>) json::fieldNames).spliterator(), false).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
