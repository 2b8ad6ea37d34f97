package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.event.MonitorEvent;
import io.visutility.metrics.ClassificationMetrics;
import io.visutility.monitor.ModelHealth;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.RecordingTrainer;
import io.visutility.testing.ThresholdTrainer;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.SeaGenerator;
import io.visutility.tuning.HyperParams;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 5: the "checksum" was a random UUID, training was a sleep and every new version went live;
 * now the sha256 is that of the trained bytes, the bytes load and predict, and a worse candidate is
 * registered but not promoted.
 */
class SeedFlaw5RealChecksumAndGatedRegistrationTest {
    private final RecordingTrainer trainer = new RecordingTrainer(new ThresholdTrainer());

    @Test
    void theRegisteredSha256IsTheSha256OfTheTrainedArtifact() throws Exception {
        LoopFixture loop = LoopFixture.create(o -> o.trainer = trainer);
        ModelVersion first = loop.seedChampion();

        loop.degrade();

        ModelVersion promoted = loop.champion().orElseThrow();
        assertThat(promoted.version()).isEqualTo(2);
        // Call 0 trained the seeded champion; calls 1.. are the study's trials.
        int bestTrial = Integer.parseInt(promoted.lineage().details().get("trial"));
        byte[] trained = trainer.artifacts().get(1 + bestTrial);
        assertThat(promoted.sha256()).matches("[0-9a-f]{64}").isEqualTo(sha256(trained))
                .isNotEqualTo(first.sha256());
        assertThat(loop.events.single(MonitorEvent.ModelRegistered.class).sha256()).isEqualTo(promoted.sha256());
        byte[] stored = loop.artifacts.get(promoted.sha256());
        assertThat(stored).isEqualTo(trained);
        assertThat(sha256(stored)).isEqualTo(promoted.sha256());

        Dataset fresh = SeaGenerator.seeded(404).next(4, 2000);
        try (Predictor predictor = loop.trainer.load(stored)) {
            ClassificationMetrics onNewConcept = ClassificationMetrics.evaluate(predictor.predict(fresh),
                    fresh.labels(), 0.5);
            assertThat(onNewConcept.f1()).isGreaterThan(0.85);
        }
        assertThat(ThresholdTrainer.thresholdOf(stored)).isBetween(9.0, 10.0);
    }

    @Test
    void aCandidateWorseThanTheChampionIsRegisteredButNotPromoted() {
        // A two-value grid cannot find SEA's threshold: a genuinely worse model.
        LoopFixture loop = LoopFixture.create(o -> {
            o.tuner = (base, history) -> base.with("candidates", 2);
            o.recentData = SeaGenerator.seeded(5).next(1, 2000);
        });
        ModelVersion champion = loop.seedChampion();

        loop.degrade();

        ModelVersion candidate = loop.registry.latest(MODEL);
        assertThat(candidate.version()).isEqualTo(2);
        assertThat(candidate.params()).isEqualTo(HyperParams.of("learning_rate", 0.1, "candidates", 2));
        MonitorEvent.PromotionRejected rejected = loop.events.single(MonitorEvent.PromotionRejected.class);
        assertThat(rejected.version()).isEqualTo(2);
        assertThat(rejected.championVersion()).isEqualTo(1);
        assertThat(rejected.reason()).contains("does not beat");
        assertThat(rejected.candidateMetrics().get("f1")).isLessThan(rejected.championMetrics().get("f1"));
        assertThat(loop.events.of(MonitorEvent.ModelPromoted.class)).isEmpty();
        assertThat(loop.champion()).contains(champion);
        assertThat(loop.registry.aliasHistory(MODEL, ModelRegistry.CHAMPION)).hasSize(1);
        assertThat(loop.events.story()).containsSubsequence(List.of("ModelRegistered", "PromotionRejected"));
        assertThat(loop.monitor.health(MODEL)).as("the incident stays open").isEqualTo(ModelHealth.DEGRADED);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
