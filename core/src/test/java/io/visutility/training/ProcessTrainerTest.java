package io.visutility.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visutility.metrics.ClassificationMetrics;
import io.visutility.tuning.HyperParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example trainer trains, predicts and reports under the contract; the request it gets says what the contract says. */
class ProcessTrainerTest {
    private static final Dataset.Split SEA = SeaGenerator.seeded(21).next(1, 900).split(0.3, 21);
    private static final HyperParams FAST = HyperParams.of("epochs", 8L, "learning_rate", 0.2);

    @TempDir
    Path dir;

    @Test
    void theExampleLearnsTheSeaConceptAndItsModelPredictsTheSameOnLoad() {
        ProcessTrainer trainer = PythonLogistic.trainer(dir).build();

        TrainingResult result = trainer.train(new TrainingRequest("sea", FAST, SEA.train(), SEA.validation(), 3));

        assertThat(result.validation().accuracy()).isGreaterThan(0.8);
        assertThat(result.validation().auc()).isGreaterThan(0.85);
        assertThat(result.validation().samples()).isEqualTo(SEA.validation().rows());
        assertThat(result.params()).isEqualTo(PythonLogistic.SPACE.validate(FAST));
        assertThat(result.reported()).containsKeys("f1", "accuracy", "logloss");
        assertThat(result.reported().get("accuracy")).isCloseTo(result.validation().accuracy(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new String(result.artifact(), StandardCharsets.UTF_8)).startsWith("{\"format\": \"visutility-python-logistic\"");
        try (Predictor predictor = trainer.load(result.artifact())) {
            double[] scores = predictor.predict(SEA.validation());
            assertThat(ClassificationMetrics.evaluate(scores, SEA.validation().labels(), 0.5))
                    .isEqualTo(result.validation());
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theSameSeedGivesTheSameModelAndTheBudgetCapsTheEpochs() {
        ProcessTrainer trainer = PythonLogistic.trainer(dir).build();
        Dataset train = SEA.train().slice(0, 200);

        byte[] first = trainer.train(new TrainingRequest("sea", FAST, train, SEA.validation(), 9)).artifact();
        byte[] again = trainer.train(new TrainingRequest("sea", FAST, train, SEA.validation(), 9)).artifact();
        byte[] otherSeed = trainer.train(new TrainingRequest("sea", FAST, train, SEA.validation(), 10)).artifact();
        byte[] oneRound = trainer.train(new TrainingRequest("sea", FAST, train, SEA.validation(), 9, Budget.rounds(1)))
                .artifact();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(new String(oneRound, StandardCharsets.UTF_8)).contains("\"epochs\": 1}");
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\"epochs\": 8}");
    }

    @Test
    void theRequestCarriesParamsBudgetSeedAndPathsAndTheProgramRunsInItsFolder() throws Exception {
        Path copy = dir.resolve("seen");
        Files.createDirectory(copy);
        ProcessTrainer trainer = new FakePrograms(dir).trainer(String.join("\n",
                        "import shutil",
                        "shutil.copy(os.environ['VISUTILITY_REQUEST'], os.path.join(os.environ['SEEN'], 'request.json'))",
                        "shutil.copy(r['train'], os.path.join(os.environ['SEEN'], 'train.csv'))",
                        "open(os.path.join(os.environ['SEEN'], 'cwd'), 'w').write(os.getcwd())",
                        FakePrograms.TRAIN_OK), FakePrograms.PREDICT_HALF)
                .environment("SEEN", copy.toString()).build();
        Dataset train = SEA.train().slice(0, 3);

        trainer.train(new TrainingRequest("sea", HyperParams.of("epochs", 4L), train, SEA.validation(), 77,
                Budget.fraction(0.5)));

        JsonNode request = new ObjectMapper().readTree(copy.resolve("request.json").toFile());
        assertThat(request.get("contract").asInt()).isEqualTo(1);
        assertThat(request.get("mode").asText()).isEqualTo("train");
        assertThat(request.get("model").asText()).isEqualTo("sea");
        assertThat(request.get("params").get("epochs").isIntegralNumber()).isTrue();
        assertThat(request.get("params").get("epochs").asLong()).isEqualTo(4);
        assertThat(request.get("params").get("learning_rate").asDouble()).isEqualTo(0.1);
        assertThat(request.get("budget").get("unit").asText()).isEqualTo("fraction");
        assertThat(request.get("budget").get("amount").asDouble()).isEqualTo(0.5);
        assertThat(request.get("seed").asLong()).isEqualTo(77);
        assertThat(request.get("features").toString()).isEqualTo("[\"f1\",\"f2\",\"f3\"]");
        Path folder = Path.of(Files.readString(copy.resolve("cwd")));
        assertThat(Path.of(request.get("train").asText())).isEqualTo(folder.resolve("train.csv"));
        assertThat(Path.of(request.get("validation").asText())).isEqualTo(folder.resolve("validation.csv"));
        assertThat(Path.of(request.get("output").asText())).isEqualTo(folder.resolve("output"));
        List<String> csv = Files.readAllLines(copy.resolve("train.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo("f1,f2,f3,label");
        assertThat(csv.get(1)).isEqualTo(train.feature(0, 0) + "," + train.feature(0, 1) + "," + train.feature(0, 2)
                + "," + train.label(0));
        assertThat(folder).as("deleted after a successful run").doesNotExist();
    }

    @Test
    void metricsPrintedAsNameValueLinesAreRead() {
        ProcessTrainer trainer = new FakePrograms(dir).trainer(String.join("\n",
                "open(out('model.bin'), 'w').write('m')",
                "print('epoch 1: loss=0.9 f1=0.2')",
                "print('saved to path=/tmp/x; lr=1e-3')",
                "print('epoch 2: loss=0.5, f1=0.8 accuracy = 0.75')"), FakePrograms.PREDICT_HALF).build();

        TrainingResult result = trainer.train(new TrainingRequest("sea", HyperParams.empty(), SEA.train(),
                SEA.validation(), 1));

        assertThat(result.reported()).containsExactly(java.util.Map.entry("loss", 0.5), java.util.Map.entry("f1", 0.8),
                java.util.Map.entry("lr", 1e-3), java.util.Map.entry("accuracy", 0.75));
        assertThat(result.validation().auc()).as("every row scored 0.5 by predict mode").isEqualTo(0.5);
    }

    @Test
    void parallelTrialsRunInTheirOwnFolders() throws Exception {
        ProcessTrainer trainer = new FakePrograms(dir).trainer(FakePrograms.TRAIN_OK, FakePrograms.PREDICT_HALF).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TrainingResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = i;
                runs.add(pool.submit(() -> trainer.train(new TrainingRequest("sea", HyperParams.empty(), SEA.train(),
                        SEA.validation(), seed))));
            }
            for (Future<TrainingResult> run : runs) {
                assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS).reported()).containsEntry("f1", 0.5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theExamplesSpaceFileDeclaresWhatItsReadmeAndTheseTestsUse() throws Exception {
        Path spaceFile = PythonLogistic.script().resolveSibling("space.json");

        ProcessTrainer trainer = ProcessTrainer.builder().command("python3").searchSpace(spaceFile).build();

        assertThat(trainer.searchSpace().params()).isEqualTo(PythonLogistic.SPACE.params());
        Path broken = dir.resolve("space.json");
        Files.writeString(broken, "{\"epochs\": {\"type\": \"int\", \"low\": 1, \"high\": 30}}");
        assertThatThrownBy(() -> ProcessTrainer.builder().searchSpace(broken))
                .hasMessageContaining("search space file " + broken + ": parameter epochs: field 'default' must be an"
                        + " integer, was missing");
    }

    @Test
    void theBuilderRefusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> ProcessTrainer.builder().command(List.of()))
                .hasMessageContaining("command must name a program, was []");
        assertThatThrownBy(() -> ProcessTrainer.builder().command(" ", "x"))
                .hasMessageContaining("command part 0 must be a non-blank string");
        assertThatThrownBy(() -> ProcessTrainer.builder().timeout(Duration.ZERO))
                .hasMessageContaining("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> ProcessTrainer.builder().maxArtifactBytes(0))
                .hasMessageContaining("maxArtifactBytes must be within [1, ");
        assertThatThrownBy(() -> ProcessTrainer.builder().environment("A=B", "x"))
                .hasMessageContaining("environment variable name must be non-empty without '=' or NUL, was 'A=B'");
        assertThatThrownBy(() -> ProcessTrainer.builder().name(""))
                .hasMessageContaining("name must be 1 to 64 printable characters, was ''");
        assertThatThrownBy(() -> ProcessTrainer.builder().command("python3").build())
                .hasMessageContaining("searchSpace is required");
        assertThatThrownBy(() -> ProcessTrainer.builder().searchSpace(PythonLogistic.SPACE).build())
                .hasMessageContaining("command is required");
        ProcessTrainer trainer = ProcessTrainer.builder().command("python3").searchSpace(PythonLogistic.SPACE)
                .maxArtifactBytes(4).build();
        assertThatThrownBy(() -> trainer.load(new byte[5]))
                .hasMessageContaining("cannot load a model of 5 bytes; it must have 1 to 4 bytes");
    }
}
