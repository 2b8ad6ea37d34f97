package io.visutility.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.VisutilityException;
import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.ParamSpec;
import io.visutility.tuning.TunerException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XGBoostTrainerTest {
    private static final XGBoostTrainer TRAINER = new XGBoostTrainer(2);
    private static Dataset.Split split;
    private static TrainingResult trained;

    @BeforeAll
    static void trainOnConceptOne() {
        split = SeaGenerator.seeded(1).next(1, 5000).split(0.2, 7);
        trained = TRAINER.train(request(HyperParams.empty()));
    }

    private static TrainingRequest request(HyperParams params) {
        return new TrainingRequest("sea", params, split.train(), split.validation(), 42);
    }

    @Test
    void declaresItsNameAndSearchSpace() {
        assertThat(TRAINER.name()).isEqualTo("xgboost");
        assertThat(TRAINER.searchSpace()).isSameAs(XGBoostTrainer.SEARCH_SPACE);
        assertThat(TRAINER.searchSpace().params()).containsExactly(
                new ParamSpec.FloatParam("learning_rate", TRAINER.searchSpace().param("learning_rate").description(),
                        0.001, 1.0, true, 0.3),
                new ParamSpec.IntParam("max_depth", TRAINER.searchSpace().param("max_depth").description(),
                        1, 16, 1, 6L),
                new ParamSpec.IntParam("n_estimators", TRAINER.searchSpace().param("n_estimators").description(),
                        1, 2000, 1, 100L),
                new ParamSpec.FloatParam("subsample", TRAINER.searchSpace().param("subsample").description(),
                        0.1, 1.0, false, 1.0),
                new ParamSpec.FloatParam("min_child_weight",
                        TRAINER.searchSpace().param("min_child_weight").description(), 0.0, 100.0, false, 1.0),
                new ParamSpec.FloatParam("reg_lambda", TRAINER.searchSpace().param("reg_lambda").description(),
                        0.001, 100.0, true, 1.0));
        assertThat(TRAINER.searchSpace().params()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void learnsConceptOneWellAboveChance() {
        ClassificationMetrics metrics = trained.validation();
        assertThat(metrics.samples()).isEqualTo(1000);
        assertThat(metrics.auc()).isGreaterThan(0.85);
        assertThat(metrics.accuracy()).isGreaterThan(0.8);
        assertThat(metrics.f1()).isGreaterThan(0.75);
        assertThat(trained.params()).isEqualTo(TRAINER.searchSpace().defaults());
        assertThat(trained.duration()).isPositive();
    }

    @Test
    void loadedModelReproducesTheValidationScores() {
        try (Predictor first = TRAINER.load(trained.artifact()); Predictor second = TRAINER.load(trained.artifact())) {
            double[] scores = first.predict(split.validation());
            assertThat(Arrays.stream(scores)).hasSize(1000).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
            assertThat(second.predict(split.validation())).containsExactly(scores);
            // TrainingResult keeps no scores, but equal metrics (AUC included) pin the same scores down.
            assertThat(ClassificationMetrics.evaluate(scores, split.validation().labels(), 0.5))
                    .isEqualTo(trained.validation());
        }
    }

    @Test
    void sameSeedAndParamsGiveIdenticalBytesWhateverTheThreadCount() {
        HyperParams params = HyperParams.of("subsample", 0.5, "n_estimators", 30);
        TrainingResult a = new XGBoostTrainer(1).train(request(params));
        TrainingResult b = new XGBoostTrainer(2).train(request(params));
        TrainingResult otherSeed = new XGBoostTrainer(2).train(
                new TrainingRequest("sea", params, split.train(), split.validation(), 43));
        assertThat(a.artifact()).isEqualTo(b.artifact());
        assertThat(a.validation()).isEqualTo(b.validation());
        assertThat(otherSeed.artifact()).isNotEqualTo(a.artifact());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "max_dept;    3;   max_dept=3",
        "max_depth;   0;   was 0",
        "learning_rate; 5.0; was 5.0",
        "n_estimators; 2001; was 2001",
        "subsample;   0.05; was 0.05"})
    void rejectsBadParametersBeforeTraining(String name, String value, String naming) {
        Object parsed = value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value);
        assertThatThrownBy(() -> TRAINER.train(request(HyperParams.of(name, parsed))))
                .isInstanceOf(TrainingException.class)
                .isInstanceOf(VisutilityException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(naming)
                .hasCauseInstanceOf(TunerException.class);
    }

    @Test
    void rejectsANonPositiveThreadCount() {
        assertThatThrownBy(() -> new XGBoostTrainer(0)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("nthread");
    }

    @Test
    void toleratesAnEmptyValidationSet() {
        TrainingResult result = TRAINER.train(new TrainingRequest("sea", HyperParams.of("n_estimators", 5),
                split.train(), split.validation().slice(0, 0), 1));
        assertThat(result.validation().samples()).isZero();
        assertThat(result.artifact()).isNotEmpty();
    }
}
