package io.visutility.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.metrics.ClassificationMetrics;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The gate's rules: improvement, guards, no champion, and validation that names the bad setting. */
class PromotionGateTest {
    private static ClassificationMetrics m(double precision, double recall, double f1) {
        return new ClassificationMetrics(precision, recall, f1, 0.8, 0.9, 100);
    }

    @Test
    void aGuardThatDropsTooFarKeepsTheChampionAndSaysWhich() {
        PromotionGate gate = new PromotionGate("f1", 0.01, Map.of("recall", 0.05, "precision", 0.2));

        PromotionDecision d = gate.decide(m(0.95, 0.60, 0.80), m(0.70, 0.70, 0.75));

        assertThat(d.promote()).isFalse();
        assertThat(d.rule()).isEqualTo("guard:recall");
        assertThat(d.reason()).contains("recall").contains("0.7000").contains("0.6000").contains("0.0500");
        assertThat(d.candidateValue()).isEqualTo(0.80);
        assertThat(d.championValue()).isEqualTo(0.75);
    }

    @Test
    void aGainWithinEveryGuardPromotes() {
        PromotionGate gate = new PromotionGate("f1", 0.01, Map.of("recall", 0.05));

        PromotionDecision d = gate.decide(m(0.80, 0.66, 0.80), m(0.70, 0.70, 0.75));

        assertThat(d.promote()).isTrue();
        assertThat(d.rule()).isEqualTo("improvement");
    }

    @Test
    void tooSmallAGainIsDecidedByTheImprovementRuleBeforeAnyGuard() {
        PromotionGate gate = new PromotionGate("f1", 0.1, Map.of("recall", 0.0));

        PromotionDecision d = gate.decide(m(0.80, 0.10, 0.80), m(0.70, 0.70, 0.75));

        assertThat(d.promote()).isFalse();
        assertThat(d.rule()).isEqualTo("improvement");
    }

    @Test
    void withoutAChampionAnyCandidateIsPromoted() {
        PromotionDecision d = new PromotionGate("f1", 0.5, Map.of("recall", 0.0)).decide(m(0.1, 0.1, 0.1), null);

        assertThat(d.promote()).isTrue();
        assertThat(d.rule()).isEqualTo("no-champion");
        assertThat(d.championValue()).isNaN();
    }

    @ParameterizedTest
    @CsvSource({"loss, 0.1, guard metric", "recall, -0.1, guard recall", "recall, 1.5, guard recall",
            "recall, NaN, guard recall"})
    void aBadGuardIsRefusedNamingItsMetricAndValue(String metric, double drop, String named) {
        assertThatThrownBy(() -> new PromotionGate("f1", 0, Map.of(metric, drop)))
                .isInstanceOf(RetrainException.class).hasMessageContaining(named)
                .hasMessageContaining(metric.equals("loss") ? "loss" : Double.toString(drop));
    }

    @Test
    void theTwoArgumentGateHasNoGuards() {
        assertThat(PromotionGate.defaults().guards()).isEmpty();
        assertThat(new PromotionGate("auc", 0.02).guards()).isEmpty();
    }
}
