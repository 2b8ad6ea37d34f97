package io.visutility.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.tuning.HyperParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a training program can fail is a {@link TrainingException} that says which, and leaves nothing behind. */
class ProcessTrainerFailureTest {
    private static final Dataset.Split DATA = SeaGenerator.seeded(5).next(1, 70).split(0.3, 5);

    @TempDir
    Path dir;

    private FakePrograms programs() {
        return new FakePrograms(dir);
    }

    private static TrainingRequest request() {
        return new TrainingRequest("quality_detector", HyperParams.empty(), DATA.train(), DATA.validation(), 1);
    }

    @Test
    void aCommandThatDoesNotExistIsNamed() {
        ProcessTrainer trainer = ProcessTrainer.builder().command("no-such-trainer-program", "--fit")
                .searchSpace(PythonLogistic.SPACE).workRoot(dir).build();

        assertThatThrownBy(() -> trainer.train(request())).isInstanceOf(TrainingException.class)
                .hasMessageContaining("'no-such-trainer-program' was not found or is not executable");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aNonZeroExitQuotesTheLastLinesOfStandardError() {
        FakePrograms programs = programs();
        ProcessTrainer trainer = programs.trainer(String.join("\n",
                "for i in range(30):",
                "    print('err-%02d' % i, file=sys.stderr)",
                "sys.exit(1)"), FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request())).isInstanceOf(TrainingException.class)
                .hasMessageContaining("fake failed to train model quality_detector")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("the last 20 lines of its standard error")
                .hasMessageContaining("err-10").hasMessageContaining("err-29").hasMessageNotContaining("err-09");
        assertThat(leftovers(programs.workRoot())).isEmpty();
    }

    @Test
    void aProgramThatHangsIsKilledWithItsChildrenAtTheTimeout() throws IOException {
        FakePrograms programs = programs();
        Path pidFile = dir.resolve("child.pid");
        ProcessTrainer trainer = programs.shell(String.join("\n",
                        "sleep 120 &",
                        "echo $! > '" + pidFile + "'",
                        "echo 'waiting for ever' >&2",
                        "wait"))
                .timeout(Duration.ofMillis(1500)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> trainer.train(request())).isInstanceOf(TrainingException.class)
                .hasMessageContaining("timed out after 1.5s")
                .hasMessageContaining("killed with its child processes")
                .hasMessageContaining("waiting for ever");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
        assertThat(leftovers(programs.workRoot())).isEmpty();
    }

    @Test
    void anInterruptedTrialKillsItsProgram() throws Exception {
        FakePrograms programs = programs();
        Path pidFile = dir.resolve("child.pid");
        ProcessTrainer trainer = programs.shell("sleep 120 &\necho $! > '" + pidFile + "'\nwait").build();
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<TrainingResult> trial = worker.submit(() -> trainer.train(request()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);

            trial.cancel(true);
            worker.shutdown();

            assertThat(worker.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long child = Long.parseLong(Files.readString(pidFile).strip());
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
            assertThat(leftovers(programs.workRoot())).isEmpty();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aProgramThatWritesNoModelFails() {
        ProcessTrainer trainer = programs().trainer("print('f1=0.9')", FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("wrote no model: model.bin is missing from its output folder");
    }

    @Test
    void aProgramThatWritesNoResultFails() {
        ProcessTrainer trainer = programs().trainer("open(out('model.bin'), 'w').write('m')\nprint('done')",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request())).hasMessageContaining(
                "wrote no result: neither result.json in the output folder nor name=value metric lines");
    }

    @Test
    void malformedResultJsonFailsWithThePosition() {
        ProcessTrainer trainer = programs().trainer(
                "open(out('model.bin'), 'w').write('m')\nopen(out('result.json'), 'w').write('{\"metrics\": {\"f1\": 0.9,}}')",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("malformed result.json: line 1 column 24: expected a string key, found '}'");
    }

    @Test
    void resultJsonWithoutAMetricsObjectFails() {
        ProcessTrainer trainer = programs().trainer(
                "open(out('model.bin'), 'w').write('m')\njson.dump({'f1': 0.9}, open(out('result.json'), 'w'))",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request())).hasMessageContaining("must be an object with a \"metrics\" object");
    }

    @Test
    void aNaNMetricFails() {
        ProcessTrainer trainer = programs().trainer(
                "open(out('model.bin'), 'w').write('m')\njson.dump({'metrics': {'f1': float('nan')}}, open(out('result.json'), 'w'))",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("malformed result.json").hasMessageContaining("NaN is not a JSON number");
    }

    @Test
    void aNaNMetricOnStandardOutputFails() {
        ProcessTrainer trainer = programs().trainer("open(out('model.bin'), 'w').write('m')\nprint('loss=0.3 f1=nan')",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("metric f1 on standard output must be a finite number, was nan");
    }

    @Test
    void aShareMetricOutOfRangeFails() {
        ProcessTrainer trainer = programs().trainer(
                "open(out('model.bin'), 'w').write('m')\njson.dump({'metrics': {'accuracy': 1.5}}, open(out('result.json'), 'w'))",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("metric accuracy must be within [0, 1], was 1.5");
    }

    @Test
    void aTwoGigabyteModelIsRefusedByItsSizeWithoutBeingRead() {
        FakePrograms programs = programs();
        ProcessTrainer trainer = programs.trainer(String.join("\n",
                "with open(out('model.bin'), 'wb') as f:",
                "    f.truncate(2 << 30)",
                "json.dump({'metrics': {'f1': 0.5}}, open(out('result.json'), 'w'))"), FakePrograms.PREDICT_HALF).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("a model of 2147483648 bytes, more than the limit of 536870912 bytes")
                .hasMessageContaining("refused without being read");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(leftovers(programs.workRoot())).as("the sparse file went with its folder").isEmpty();
    }

    @Test
    void aLargeResultJsonIsRefused() {
        ProcessTrainer trainer = programs().trainer(
                "open(out('model.bin'), 'w').write('m')\nopen(out('result.json'), 'w').write(' ' * (2 << 20))",
                FakePrograms.PREDICT_HALF).build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("result.json of 2097152 bytes, more than the limit of 1048576 bytes");
    }

    @Test
    void tooFewPredictionsFail() {
        ProcessTrainer trainer = programs().trainer(FakePrograms.TRAIN_OK,
                "open(r['predictions'], 'w').write('0.5\\n' * (rows(r['input']) - 1))").build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("wrote " + (DATA.validation().rows() - 1) + " predictions for "
                        + DATA.validation().rows() + " rows");
    }

    @Test
    void aPredictionThatIsNoProbabilityFails() {
        ProcessTrainer trainer = programs().trainer(FakePrograms.TRAIN_OK,
                "open(r['predictions'], 'w').write('0.5\\n1.5\\n' + '0.5\\n' * (rows(r['input']) - 2))").build();

        assertThatThrownBy(() -> trainer.train(request()))
                .hasMessageContaining("prediction on line 2 must be a probability within [0, 1], was 1.5");
    }

    @Test
    void predictModeFailuresAreReportedByTheLoadedModel() {
        ProcessTrainer trainer = programs().trainer(FakePrograms.TRAIN_OK,
                "print('cannot read ' + r['model_path'], file=sys.stderr)\nsys.exit(4)").build();

        try (Predictor predictor = trainer.load("half".getBytes())) {
            assertThatThrownBy(() -> predictor.predict(DATA.validation()))
                    .hasMessageContaining("fake failed to predict " + DATA.validation().rows() + " rows")
                    .hasMessageContaining("exited with code 4").hasMessageContaining("cannot read ");
        }
    }

    @Test
    void anUnknownParameterFailsBeforeAnythingRuns() {
        FakePrograms programs = programs();
        ProcessTrainer trainer = programs.trainer(FakePrograms.TRAIN_OK, FakePrograms.PREDICT_HALF).build();
        TrainingRequest typo = new TrainingRequest("m", HyperParams.of("learning_rat", 0.1), DATA.train(),
                DATA.validation(), 1);

        assertThatThrownBy(() -> trainer.train(typo)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("unknown hyper-parameter learning_rat");
        assertThat(programs.workRoot()).doesNotExist();
    }

    @Test
    void aFailedRunCanBeKeptForInspection() {
        FakePrograms programs = programs();
        ProcessTrainer trainer = programs.trainer("print('boom', file=sys.stderr)\nsys.exit(1)",
                FakePrograms.PREDICT_HALF).keepFailedRuns(true).build();

        assertThatThrownBy(() -> trainer.train(request())).hasMessageContaining("working folder kept at");
        assertThat(leftovers(programs.workRoot())).singleElement()
                .satisfies(folder -> assertThat(folder.resolve("request.json")).exists())
                .satisfies(folder -> assertThat(folder.resolve("stderr.log")).hasContent("boom\n"));
    }

    private static java.util.List<Path> leftovers(Path root) {
        if (!Files.exists(root)) {
            return java.util.List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
