package io.visutility.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import org.junit.jupiter.api.Test;

/**
 * The demo's premise: after the SEA stream moves from concept 1 (threshold 8) to concept 4 (threshold
 * 9.5), the old model loses F1 that a model retrained on the new concept recovers.
 */
class ConceptDriftTest {
    private final XGBoostTrainer trainer = new XGBoostTrainer(2);

    @Test
    void aModelOfConceptOneScoresWorseOnConceptFourThanARetrainedModel() {
        Dataset.Split one = SeaGenerator.seeded(11).next(1, 12_500).split(0.2, 1);
        Dataset.Split four = SeaGenerator.seeded(44).next(4, 12_500).split(0.2, 4);
        TrainingResult modelOne = train(one);
        TrainingResult modelFour = train(four);

        double oneOnOne = modelOne.validation().f1();
        double oneOnFour = f1(modelOne, four.validation());
        double fourOnFour = modelFour.validation().f1();
        System.out.printf("SEA F1 (10k training rows): concept-1 model on concept 1 = %.3f, on concept 4 = %.3f;"
                + " concept-4 model on concept 4 = %.3f%n", oneOnOne, oneOnFour, fourOnFour);

        assertThat(oneOnOne).isGreaterThan(0.8);
        assertThat(fourOnFour).isGreaterThan(0.8);
        assertThat(oneOnFour).isLessThan(fourOnFour - 0.05);
    }

    private TrainingResult train(Dataset.Split split) {
        return trainer.train(new TrainingRequest("sea", HyperParams.empty(), split.train(), split.validation(), 9));
    }

    private double f1(TrainingResult model, Dataset data) {
        try (Predictor predictor = trainer.load(model.artifact())) {
            return ClassificationMetrics.evaluate(predictor.predict(data), data.labels(), 0.5).f1();
        }
    }
}
