package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code push}: one sample from options, many from a JSON-lines file in batches; bad input sends nothing. */
class PushCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS = "/api/v1/models/churn/metrics";

    private FakeApi api;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void oneSamplePostsTheMetricObject() throws IOException {
        api.on("POST", METRICS, 202, "{\"accepted\":1}");

        Cli cli = Cli.run("push", "churn", "--precision", "0.9", "--recall", "0.8", "--f1", "0.85",
                "--time", "2026-11-28T10:00:00Z", "--server", api.url(), "--token", "w");

        assertThat(cli.exitCode()).isZero();
        FakeApi.Request request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(METRICS);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer w");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
                "{\"precision\":0.9,\"recall\":0.8,\"f1_score\":0.85,\"timestamp\":\"2026-11-28T10:00:00Z\"}"));
        assertThat(cli.out()).isEqualToIgnoringNewLines("pushed 1 metric sample to churn: 1 accepted");
    }

    @Test
    void withoutF1TheServerComputesIt() throws IOException {
        api.on("POST", METRICS, 202, "{\"accepted\":1}");

        Cli cli = Cli.run("push", "churn", "--precision", "1", "--recall", "0", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(JSON.readTree(api.requests().get(0).body()))
                .isEqualTo(JSON.readTree("{\"precision\":1.0,\"recall\":0.0}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--precision|1.7|--precision must be within [0, 1], was 1.7",
            "--precision|-0.1|--precision must be within [0, 1], was -0.1",
            "--precision|NaN|--precision must be within [0, 1], was NaN",
            "--recall|Infinity|--recall must be within [0, 1], was Infinity",
            "--f1|2|--f1 must be within [0, 1], was 2.0",
            "--precision|abc|'abc'",
            "--time|yesterday|--time must be an ISO-8601 instant"})
    void aBadOptionIsAUsageErrorNamingItAndNothingIsSent(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("push", "churn", "--precision", "0.5", "--recall", "0.5",
                "--server", api.url()));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }

        Cli cli = Cli.run(args.toArray(String[]::new));

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(message);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aSampleNeedsPrecisionAndRecallAndNotAFileToo() throws IOException {
        Path file = Files.writeString(dir.resolve("m.jsonl"), "{\"precision\":0.5,\"recall\":0.5}\n");

        Cli noRecall = Cli.run("push", "churn", "--precision", "0.5", "--server", api.url());
        Cli both = Cli.run("push", "churn", "--file", file.toString(), "--precision", "0.5", "--recall", "0.5",
                "--server", api.url());
        Cli neither = Cli.run("push", "churn", "--server", api.url());

        assertThat(noRecall.exitCode()).isEqualTo(2);
        assertThat(noRecall.err()).contains("--recall");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aFileIsSentInBatchesOfAThousand() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.write(file, samples(2500, 42));
        api.on("POST", METRICS, 202, "{\"accepted\":1000}");

        Cli cli = Cli.run("push", "churn", "--file", file.toString(), "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        List<FakeApi.Request> requests = api.requests();
        assertThat(requests).hasSize(3);
        List<String> lines = Files.readAllLines(file);
        int line = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode batch = JSON.readTree(requests.get(i).body());
            assertThat(batch.isArray()).isTrue();
            assertThat(batch).hasSize(i < 2 ? 1000 : 500);
            for (JsonNode sample : batch) {
                assertThat(sample).isEqualTo(JSON.readTree(lines.get(line++)));
            }
        }
        assertThat(cli.out()).contains("pushed 2500 metric samples to churn in 3 batches");
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        Path file = Files.writeString(dir.resolve("m.jsonl"),
                "\n{\"precision\":0.5,\"recall\":0.4}\n   \n{\"precision\":0.6,\"recall\":0.7,\"timestamp\":1764324000000}\n");
        api.on("POST", METRICS, 202, "{\"accepted\":2}");

        Cli cli = Cli.run("push", "churn", "--file", file.toString(), "--json", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(JSON.readTree(api.requests().get(0).body())).hasSize(2);
        assertThat(JSON.readTree(cli.out())).isEqualTo(JSON.readTree("{\"accepted\":2,\"batches\":1}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"precision\":1.5,\"recall\":0.5}|line 3: precision must be a number within [0, 1], was 1.5",
            "{\"precision\":0.5}|line 3: recall is missing",
            "{\"precision\":0.5,\"recall\":\"0.5\"}|line 3: recall must be a number within [0, 1], was \"0.5\"",
            "{\"precision\":0.5,\"recall\":1e999}|line 3: recall must be a number within [0, 1]",
            "{\"precision\":0.5,\"recall\":0.5,\"f1\":0.5}|line 3: unknown field 'f1'",
            "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":true}|line 3: timestamp must be",
            "[{\"precision\":0.5,\"recall\":0.5}]|line 3: expected one JSON object, was array",
            "{\"precision\":0.5,|line 3: not JSON"})
    void aBadLineIsAUsageErrorNamingTheLineAndNothingIsSent(String bad, String message) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of("{\"precision\":0.5,\"recall\":0.5}", "{\"precision\":0.6,\"recall\":0.5}", bad,
                "{\"precision\":0.7,\"recall\":0.5}"));

        Cli cli = Cli.run("push", "churn", "--file", file.toString(), "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--file " + file + " " + message);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aMissingOrEmptyFileIsAUsageError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");

        Cli missing = Cli.run("push", "churn", "--file", dir.resolve("nope.jsonl").toString(), "--server", api.url());
        Cli none = Cli.run("push", "churn", "--file", empty.toString(), "--server", api.url());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl cannot be read");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("holds no metric samples");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aRefusedBatchSaysWhichLinesAndHowManyWereAccepted() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.write(file, samples(1500, 7));
        api.next("POST", METRICS, 202, "{\"accepted\":1000}");
        api.next("POST", METRICS, 404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"model churn is not declared\"}}");

        Cli cli = Cli.run("push", "churn", "--file", file.toString(), "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("batch 2 of 2 (lines 1001-1500) was refused: model churn is not declared")
                .contains("1000 samples of the batches before it were accepted");
        assertThat(api.requests()).hasSize(2);
    }

    private static List<String> samples(int n, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.format(Locale.ROOT, "{\"precision\":%.4f,\"recall\":%.4f,\"f1_score\":%.4f}",
                    random.nextDouble(), random.nextDouble(), random.nextDouble()));
        }
        return lines;
    }
}
