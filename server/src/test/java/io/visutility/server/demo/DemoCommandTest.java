package io.visutility.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.JobState;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.server.Main;
import io.visutility.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The demo end to end through the command line, on real XGBoost: the first issue's acceptance checks. */
class DemoCommandTest {

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
    void seedScenarioRetrainsOnceAndPromotesABetterModelWithARealChecksum(@TempDir Path dir) throws Exception {
        Run run = run("demo", "--scenario", "seed", "--data", dir.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("scenario").asText()).isEqualTo("seed");
        assertThat(json.get("model").asText()).isEqualTo("quality_detector");
        assertThat(json.get("driftEvents").asLong()).isEqualTo(1);
        assertThat(json.get("retrainJobs").asLong()).isEqualTo(1);
        assertThat(json.get("versions").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode champion = json.get("champion");
        JsonNode previous = json.get("previousChampion");
        assertThat(champion.get("version").asInt()).isGreaterThan(previous.get("version").asInt());
        assertThat(champion.get("metrics").get("f1").asDouble())
                .isGreaterThan(previous.get("metrics").get("f1").asDouble());
        assertThat(champion.get("metrics").has("auc")).isTrue();

        String sha = champion.get("sha256").asText();
        assertThat(sha).matches("[0-9a-f]{64}");
        Path artifact = Path.of(json.get("artifactsDir").asText()).resolve(sha);
        assertThat(sha256(Files.readAllBytes(artifact))).isEqualTo(sha);
    }

    @Test
    void stormOfDegradedSamplesMakesOneRetrainJob(@TempDir Path dir) throws Exception {
        Run run = run("demo", "--scenario", "storm", "--data", dir.toString(), "--json", "--trials", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("retrainJobs").asLong()).isEqualTo(1);
        assertThat(json.get("driftEvents").asLong()).isEqualTo(1);
        assertThat(json.get("stormSeconds").asDouble()).isPositive();
    }

    @Test
    void aSecondRunOnTheSameDataContinuesTheModelAndTheDatabaseHoldsEveryVersion(@TempDir Path dir) throws Exception {
        Run first = run("demo", "--scenario", "seed", "--data", dir.toString(), "--json", "--trials", "2");
        Run second = run("demo", "--scenario", "seed", "--data", dir.toString(), "--json", "--trials", "2");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        JsonNode one = first.json();
        JsonNode two = second.json();
        assertThat(one.has("continuedFrom")).isFalse();
        assertThat(two.get("continuedFrom").asInt()).isEqualTo(one.get("champion").get("version").asInt());
        assertThat(two.get("fromConcept").asInt()).isEqualTo(one.get("toConcept").asInt());
        assertThat(two.get("toConcept").asInt()).isNotEqualTo(two.get("fromConcept").asInt());
        assertThat(two.get("driftEvents").asLong()).isEqualTo(1);
        assertThat(two.get("champion").get("version").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(two.get("database").asText()).isEqualTo(dir.resolve("visutility.db").toAbsolutePath().toString());

        int versions = two.get("versions").asInt();
        try (Store store = Store.sqlite(dir)) {
            List<ModelVersion> stored = store.registry().versions("quality_detector");
            assertThat(stored).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, versions).boxed().toList());
            for (ModelVersion v : stored) {
                assertThat(sha256(store.artifacts().get(v.sha256()))).isEqualTo(v.sha256());
            }
            assertThat(store.registry().alias("quality_detector", ModelRegistry.CHAMPION).orElseThrow().version())
                    .isEqualTo(two.get("champion").get("version").asInt());
            List<MonitorEvent> logged = store.events().after(0, 10_000).stream().map(LoggedEvent::event).toList();
            assertThat(logged).noneMatch(e -> e instanceof MonitorEvent.Metrics);
            assertThat(logged).filteredOn(e -> e instanceof MonitorEvent.DriftDetected).hasSize(2);
            assertThat(logged).filteredOn(e -> e instanceof MonitorEvent.ModelPromoted)
                    .extracting(e -> ((MonitorEvent.ModelPromoted) e).version())
                    .containsExactly(one.get("champion").get("version").asInt(),
                            two.get("champion").get("version").asInt());
            assertThat(store.jobs().list("quality_detector")).hasSize(2)
                    .allMatch(j -> j.state() == JobState.SUCCEEDED);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void textOutputSummarisesTheRun(@TempDir Path dir) {
        Run run = run("demo", "--scenario", "seed", "--data", dir.toString(), "--trials", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scenario seed", "drift alarms: 1", "retrain jobs: 1", "champion: v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--scenario=bogus", "--trials=0", "--trials=x", "--seed=abc", "--unknown"})
    void badArgumentsExitWithCodeTwoAndNameTheArgument(String arg) {
        Run run = run("demo", arg);

        assertThat(run.exit()).isEqualTo(2);
        String name = arg.substring(0, arg.contains("=") ? arg.indexOf('=') : arg.length());
        assertThat(run.err()).contains(name);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run().exit()).isEqualTo(2);
    }
}
