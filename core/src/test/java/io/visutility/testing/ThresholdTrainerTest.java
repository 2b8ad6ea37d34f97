package io.visutility.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins that the shared test trainer really learns SEA concepts, so tests built on it mean something. */
class ThresholdTrainerTest {
    private final ThresholdTrainer trainer = new ThresholdTrainer();

    @ParameterizedTest
    @CsvSource({"1, 8.0", "2, 9.0", "3, 7.0", "4, 9.5"})
    void learnsEachSeaConceptsThreshold(int concept, double theta) {
        Dataset.Split data = SeaGenerator.seeded(concept).next(concept, 2000).split(0.25, 3);
        TrainingResult result = train(HyperParams.empty(), data);

        assertThat(ThresholdTrainer.thresholdOf(result.artifact())).isCloseTo(theta, within(0.5));
        assertThat(result.validation().accuracy()).isGreaterThan(0.85);
        assertThat(result.params()).isEqualTo(HyperParams.of("learning_rate", 0.1, "candidates", 50));
    }

    @Test
    void itsArtifactLoadsIntoAPredictorThatScoresLikeTheTrainedModel() {
        Dataset.Split data = SeaGenerator.seeded(9).next(1, 2000).split(0.25, 3);
        TrainingResult result = train(HyperParams.of("candidates", 100), data);

        assertThat(new String(result.artifact(), StandardCharsets.UTF_8)).startsWith("threshold=");
        try (Predictor predictor = trainer.load(result.artifact())) {
            ClassificationMetrics again = ClassificationMetrics.evaluate(predictor.predict(data.validation()),
                    data.validation().labels(), 0.5);
            assertThat(again).isEqualTo(result.validation());
        }
        assertThatThrownBy(() -> trainer.load("not a model".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TrainingException.class).hasMessageContaining("not a threshold model");
    }

    @Test
    void aCoarseGridLearnsBadly() {
        Dataset.Split data = SeaGenerator.seeded(9).next(1, 2000).split(0.25, 3);

        assertThat(train(HyperParams.of("candidates", 2), data).validation().f1())
                .isLessThan(train(HyperParams.empty(), data).validation().f1() - 0.3);
    }

    @Test
    void rejectsParametersOutsideItsSpace() {
        Dataset.Split data = SeaGenerator.seeded(9).next(1, 100).split(0.25, 3);

        assertThatThrownBy(() -> train(HyperParams.of("candidates", 1), data))
                .isInstanceOf(TrainingException.class).hasMessageContaining("candidates");
        assertThatThrownBy(() -> train(HyperParams.of("max_depth", 3), data))
                .isInstanceOf(TrainingException.class).hasMessageContaining("max_depth");
    }

    @Test
    void failsTheCallsItIsToldToFail() {
        Dataset.Split data = SeaGenerator.seeded(9).next(1, 100).split(0.25, 3);
        train(HyperParams.empty(), data);
        trainer.failOnCalls(1, 2);

        train(HyperParams.empty(), data);
        assertThatThrownBy(() -> train(HyperParams.empty(), data)).isInstanceOf(TrainingException.class);
        assertThatThrownBy(() -> train(HyperParams.empty(), data)).isInstanceOf(TrainingException.class);
        train(HyperParams.empty(), data);
        trainer.failAlways();
        assertThatThrownBy(() -> train(HyperParams.empty(), data)).isInstanceOf(TrainingException.class);
        trainer.heal();
        train(HyperParams.empty(), data);
        assertThat(trainer.calls()).isEqualTo(7);
    }

    private TrainingResult train(HyperParams params, Dataset.Split data) {
        return trainer.train(new TrainingRequest("sea", params, data.train(), data.validation(), 1));
    }
}
