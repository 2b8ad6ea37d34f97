package io.visutility.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.training.SeaGenerator;
import io.visutility.tuning.HyperParams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PredictorTest {
    private static final XGBoostTrainer TRAINER = new XGBoostTrainer(1);
    private static Dataset data;
    private static TrainingRequest request;
    private static TrainingResult trained;

    @BeforeAll
    static void trainSmallModel() {
        data = SeaGenerator.seeded(3).next(1, 2000);
        Dataset.Split split = data.split(0.25, 3);
        request = new TrainingRequest("sea", HyperParams.of("n_estimators", 20), split.train(), split.validation(), 5);
        trained = TRAINER.train(request);
    }

    @Test
    void rejectsBytesThatAreNoModel() {
        byte[] truncated = Arrays.copyOf(trained.artifact(), 100);
        for (byte[] garbage : List.of(new byte[0], "hello world".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), new byte[64], truncated)) {
            assertThatThrownBy(() -> TRAINER.load(garbage)).isInstanceOf(TrainingException.class)
                    .hasMessageStartingWith("not an XGBoost model: ")
                    .hasMessageNotContaining("Stack trace");
        }
        assertThatThrownBy(() -> TRAINER.load(null)).isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("not an XGBoost model: ");
    }

    @Test
    void refusesDataWithTheWrongNumberOfColumns() {
        Dataset twoColumns = Dataset.of(List.of("a", "b"), new float[] {1, 2}, new int[] {1});
        try (Predictor predictor = TRAINER.load(trained.artifact())) {
            assertThatThrownBy(() -> predictor.predict(twoColumns)).isInstanceOf(TrainingException.class)
                    .hasMessageContaining("expects 3 feature columns");
            assertThat(predictor.predict(data.slice(0, 0))).isEmpty();
        }
    }

    @Test
    void aClosedPredictorFailsCleanlyAndClosesTwiceHarmlessly() {
        Predictor predictor = TRAINER.load(trained.artifact());
        predictor.close();
        predictor.close();
        assertThatThrownBy(() -> predictor.predict(data)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void oneTrainerAndOnePredictorServeSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Predictor predictor = TRAINER.load(trained.artifact())) {
            double[] expected = predictor.predict(data);
            // Submitted together so trainings and predictions overlap on the pool's threads.
            List<Future<byte[]>> artifacts = IntStream.range(0, 4)
                    .mapToObj(i -> pool.submit(() -> TRAINER.train(request).artifact())).toList();
            List<Future<double[]>> scores = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> predictor.predict(data))).toList();
            for (Future<byte[]> artifact : artifacts) {
                assertThat(artifact.get()).isEqualTo(trained.artifact());
            }
            for (Future<double[]> score : scores) {
                assertThat(score.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
