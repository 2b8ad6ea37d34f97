package io.visutility.xgboost;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.RecordingTrainer;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.SearchSpace;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 5 with the real trainer: training was a sleep and the checksum a UUID; now a drift
 * retrains XGBoost, registers the booster's bytes under their SHA-256, and the promoted model really
 * predicts the new concept better than the champion it replaced.
 */
class SeedFlaw5TrainingIsRealTest {
    /** A small space so three trials take well under a second. */
    private static final SearchSpace SMALL = SearchSpace.of(
            new FloatParam("learning_rate", "shrinkage", 0.05, 0.5, true, 0.3),
            new IntParam("max_depth", "depth", 2, 6, 1, 4L),
            new IntParam("n_estimators", "rounds", 10, 40, 1, 20L));

    @Test
    void aDriftRetrainsXgboostAndPromotesAModelThatIsReallyBetterOnTheNewConcept() throws Exception {
        RecordingTrainer trainer = new RecordingTrainer(new XGBoostTrainer(2));
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.tuner = RandomSearchTuner.coldStart(SMALL, 5);
            o.recentData = SeaGenerator.seeded(44).next(4, 3000);
        });
        ModelVersion old = loop.seedChampion(MODEL, HyperParams.of("n_estimators", 30, "max_depth", 4));

        loop.degrade();

        ModelVersion promoted = loop.champion().orElseThrow();
        assertThat(loop.events.story()).containsExactly("DriftDetected", "RetrainRequested", "TrialCompleted",
                "TrialCompleted", "TrialCompleted", "ModelRegistered", "ModelPromoted");
        assertThat(promoted.version()).isEqualTo(2);
        assertThat(promoted.lineage().trainer()).isEqualTo("xgboost");
        int bestTrial = Integer.parseInt(promoted.lineage().details().get("trial"));
        byte[] booster = trainer.artifacts().get(1 + bestTrial);
        assertThat(promoted.sha256()).isEqualTo(sha256(booster)).isNotEqualTo(old.sha256());
        assertThat(loop.artifacts.get(promoted.sha256())).isEqualTo(booster);

        Dataset newConcept = SeaGenerator.seeded(4040).next(4, 4000);
        double oldF1 = f1(loop, old, newConcept);
        double newF1 = f1(loop, promoted, newConcept);
        assertThat(newF1).isGreaterThan(oldF1 + 0.05);
        assertThat(newF1).isGreaterThan(0.8);
    }

    private static double f1(LoopFixture loop, ModelVersion version, Dataset data) {
        try (Predictor predictor = loop.trainer.load(loop.artifacts.get(version.sha256()))) {
            return ClassificationMetrics.evaluate(predictor.predict(data), data.labels(), 0.5).f1();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
