package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.metrics.WindowSummary;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Checks that monitor settings are validated with messages naming field and value, and the rule's edges. */
class MonitorPolicyTest {

    @Test
    void ruleThresholdsMustLieInTheUnitInterval() {
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new DegradationRule(1.7, 0.6, 0.05))
                .withMessage("minAvg must be within [0, 1], was 1.7");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> new DegradationRule(0.6, Double.NaN, 0.05))
                .withMessage("minF1 must be within [0, 1], was NaN");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new DegradationRule(0.6, 0.6, -0.1))
                .withMessage("rearmMargin must be within [0, 1], was -0.1");
    }

    @Test
    void policySizesAndDurationsAreChecked() {
        DegradationRule rule = DegradationRule.defaults();
        Duration minute = Duration.ofMinutes(1);
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new MonitorPolicy(rule, 0, 1, minute, minute))
                .withMessage("windowSize must be >= 1, was 0");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new MonitorPolicy(rule, 20, 0, minute, minute))
                .withMessage("minSamples must be within [1, windowSize=20], was 0");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new MonitorPolicy(rule, 20, 21, minute, minute))
                .withMessage("minSamples must be within [1, windowSize=20], was 21");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> new MonitorPolicy(rule, 20, 10, Duration.ofSeconds(-1), minute))
                .withMessage("cooldown must be a duration >= 0, was PT-1S");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> new MonitorPolicy(rule, 20, 10, minute, null))
                .withMessage("retryAfter must be a duration >= 0, was null");
        assertThatExceptionOfType(NullPointerException.class)
                .isThrownBy(() -> new MonitorPolicy(null, 20, 10, minute, minute));
        assertThat(new MonitorPolicy(rule, 1, 1, Duration.ZERO, Duration.ZERO).windowSize()).isEqualTo(1);
    }

    @Test
    void defaultsFollowTheOriginalThresholdAndCopiesChangeOnePart() {
        MonitorPolicy defaults = MonitorPolicy.defaults();
        assertThat(defaults).isEqualTo(new MonitorPolicy(new DegradationRule(0.6, 0.6, 0.05), 20, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(15)));

        DegradationRule strict = new DegradationRule(0.8, 0.8, 0.0);
        assertThat(defaults.withRule(strict).rule()).isEqualTo(strict);
        assertThat(defaults.withWindow(50, 25)).extracting(MonitorPolicy::windowSize, MonitorPolicy::minSamples)
                .containsExactly(50, 25);
        assertThat(defaults.withTimings(Duration.ZERO, Duration.ofSeconds(5)).retryAfter())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> defaults.withWindow(5, 10));
    }

    @Test
    void theRuleJudgesWindowMeansWithHysteresis() {
        DegradationRule rule = DegradationRule.defaults();

        assertThat(rule.isDegraded(new WindowSummary(10, 0.6, 0.6, 0.6))).isFalse();
        assertThat(rule.isRecovered(new WindowSummary(10, 0.6, 0.6, 0.6))).isFalse();
        assertThat(rule.isDegraded(new WindowSummary(10, 0.59, 0.6, 0.9))).isTrue();
        assertThat(rule.isDegraded(new WindowSummary(10, 0.9, 0.9, 0.59))).isTrue();
        assertThat(rule.isRecovered(new WindowSummary(10, 0.7, 0.7, 0.64))).isFalse();
        assertThat(rule.isRecovered(new WindowSummary(10, 0.7, 0.7, 0.7))).isTrue();
    }

    @Test
    void theExplanationNamesEachBrokenThreshold() {
        DegradationRule rule = DegradationRule.defaults();

        assertThat(rule.explain(new WindowSummary(7, 0.5, 0.5, 0.9)))
                .isEqualTo("mean of precision and recall 0.5000 < minAvg 0.6000 over 7 samples");
        assertThat(rule.explain(new WindowSummary(7, 0.5, 0.5, 0.5)))
                .isEqualTo("mean of precision and recall 0.5000 < minAvg 0.6000; mean F1 0.5000 < minF1 0.6000"
                        + " over 7 samples");
    }

    @Test
    void theExplanationReadsTheSameWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(DegradationRule.defaults().explain(new WindowSummary(3, 0.25, 0.25, 0.25)))
                    .startsWith("mean of precision and recall 0.2500 < minAvg 0.6000; mean F1 0.2500");
        } finally {
            Locale.setDefault(before);
        }
    }
}
