package io.visutility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visutility.drift.DriftDetectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code visutility eval-detectors} in-process: its JSON, its tables, and its answer to bad options. */
class EvalDetectorsCommandTest {
    private static final List<String> FIELDS = List.of(
            "detector", "stream", "runs", "recall", "medianDelay", "meanDelay", "falseAlarmsPerMillion", "alarmsPerDrift");

    private record Run(int exit, String out, String err) {
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
    void jsonHasOneObjectPerDetectorWithTheScoreFields() throws Exception {
        Run run = run("eval-detectors", "--stream", "bernoulli-abrupt", "--runs", "4", "--seed", "3", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("runs").asInt()).isEqualTo(4);
        JsonNode scores = json.get("streams").get("bernoulli-abrupt");
        List<String> detectors = new ArrayList<>();
        for (JsonNode score : scores) {
            List<String> fields = new ArrayList<>();
            score.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyElementsOf(FIELDS);
            assertThat(score.get("stream").asText()).isEqualTo("bernoulli-abrupt");
            assertThat(score.get("runs").asInt()).isEqualTo(4);
            assertThat(score.get("recall").asDouble()).isBetween(0.0, 1.0);
            detectors.add(score.get("detector").asText());
        }
        assertThat(detectors).containsExactlyElementsOf(DriftDetectors.names());
        JsonNode recommended = scores.get(detectors.indexOf("recommended"));
        assertThat(recommended.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(recommended.get("medianDelay").asDouble()).isPositive().isLessThan(400);
        assertThat(recommended.get("alarmsPerDrift").asDouble()).isGreaterThanOrEqualTo(1.0);

        // the same seed gives the same figures
        Run again = run("eval-detectors", "--stream", "bernoulli-abrupt", "--runs", "4", "--seed", "3", "--json");
        assertThat(again.out()).isEqualTo(run.out());
    }

    @Test
    void onTheStationaryStreamRecallIsNullAndFalseAlarmsAreCounted() throws Exception {
        Run run = run("eval-detectors", "--stream", "stationary", "--runs", "1", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode hddmW = null;
        for (JsonNode score : new ObjectMapper().readTree(run.out()).get("streams").get("stationary")) {
            assertThat(score.get("recall").isNull()).isTrue();
            assertThat(score.get("alarmsPerDrift").isNull()).isTrue();
            assertThat(score.get("falseAlarmsPerMillion").isNumber()).isTrue();
            if (score.get("detector").asText().equals("hddm-w")) {
                hddmW = score;
            }
        }
        // HDDM_W is the trigger-happy one: tens of false alarms in a million values
        assertThat(hddmW.get("falseAlarmsPerMillion").asDouble()).isGreaterThan(10);
    }

    @Test
    void textIsATablePerStream() {
        Run run = run("eval-detectors", "--stream", "sea-error", "--runs", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sea-error: ").contains("median delay").contains("alarms/drift");
        for (String name : DriftDetectors.names()) {
            assertThat(run.out()).containsPattern("(?m)^  " + name + " ");
        }
    }

    @Test
    void badOptionValuesExitWith2AndNameTheOption() {
        Run stream = run("eval-detectors", "--stream", "bernoulli-huge");
        assertThat(stream.exit()).isEqualTo(2);
        assertThat(stream.err()).contains("--stream").contains("'bernoulli-huge'");

        Run runs = run("eval-detectors", "--runs", "0");
        assertThat(runs.exit()).isEqualTo(2);
        assertThat(runs.err()).contains("--runs").contains("was 0");

        Run notANumber = run("eval-detectors", "--seed", "x1");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--seed").contains("x1");
    }
}
