package io.visutility.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a tuner may draw from the search space trains and yields sound metrics. */
class RandomParamsTest {
    /** Caps the drawn rounds so the whole set trains in about a second. */
    private static final int MAX_ROUNDS = 50;
    private static final XGBoostTrainer TRAINER = new XGBoostTrainer(2);
    private static Dataset.Split split;

    @BeforeAll
    static void generate() {
        split = SeaGenerator.seeded(2).next(1, 3000).split(0.2, 2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sampledParamsTrainAndScore(long seed) {
        HyperParams drawn = TRAINER.searchSpace().sample(new Random(seed));
        HyperParams params = drawn.with("n_estimators", 1 + drawn.getInt("n_estimators") % MAX_ROUNDS);

        TrainingResult result = TRAINER.train(new TrainingRequest("sea", params, split.train(), split.validation(), seed));

        assertThat(result.params()).isEqualTo(params);
        ClassificationMetrics metrics = result.validation();
        assertThat(metrics.samples()).isEqualTo(split.validation().rows());
        assertThat(metrics.asMap().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        // Even one shallow, heavily regularised tree ranks rows by f1 + f2 better than chance.
        assertThat(metrics.auc()).as("AUC with %s", params).isGreaterThan(0.6);
        try (Predictor predictor = TRAINER.load(result.artifact())) {
            double[] scores = predictor.predict(split.validation());
            assertThat(Arrays.stream(scores)).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
            assertThat(ClassificationMetrics.evaluate(scores, split.validation().labels(), 0.5)).isEqualTo(metrics);
        }
    }
}
