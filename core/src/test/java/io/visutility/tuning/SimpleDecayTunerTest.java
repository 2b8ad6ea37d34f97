package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the seed's tuner rule: learning rate times 0.8, floor 1e-5, exhausted at the floor. */
class SimpleDecayTunerTest {
    private final SimpleDecayTuner tuner = new SimpleDecayTuner();

    @Test
    void eachCandidateDecaysTheLearningRateByPointEightAndKeepsTheRest() {
        HyperParams base = HyperParams.of("learning_rate", 0.001, "max_depth", 5, "batch_size", 64);

        HyperParams next = tuner.tune(base);

        assertThat(next.getDouble("learning_rate")).isCloseTo(0.0008, within(1e-15));
        assertThat(next.with("learning_rate", 0.001)).isEqualTo(base);
        assertThat(tuner.ask(base, List.of())).isEqualTo(next);
    }

    @Test
    void itContinuesFromTheLastTrialOfTheStudy() {
        HyperParams base = HyperParams.of("learning_rate", 0.1);
        List<Trial> history = List.of(
                Trial.succeeded(0, HyperParams.of("learning_rate", 0.08), 0.7),
                Trial.failed(1, HyperParams.of("learning_rate", 0.064, "max_depth", 3), "trainer crashed"));

        HyperParams next = tuner.ask(base, history);

        assertThat(next.getDouble("learning_rate")).isCloseTo(0.0512, within(1e-15));
        assertThat(next.getInt("max_depth")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.2e-5, 1e-5", "1.25e-5, 1e-5", "2e-5, 1.6e-5"})
    void theLearningRateIsNeverProposedBelowTheFloor(double lr, double expected) {
        assertThat(tuner.tune(HyperParams.of("learning_rate", lr)).getDouble("learning_rate"))
                .isCloseTo(expected, within(1e-18));
    }

    @ParameterizedTest
    @CsvSource({"1e-5", "9e-6", "1e-9"})
    void atOrBelowTheFloorTheSpaceIsExhausted(double lr) {
        assertThatExceptionOfType(SearchSpaceExhaustedException.class)
                .isThrownBy(() -> tuner.tune(HyperParams.of("learning_rate", lr)))
                .withMessageContaining("floor");
    }

    @Test
    void aStudyFromTheSeedsLearningRateDecreasesStrictlyUntilExhausted() {
        List<Trial> history = new ArrayList<>();
        HyperParams base = HyperParams.of("learning_rate", 0.001, "max_depth", 5);
        while (true) {
            HyperParams next;
            try {
                next = tuner.ask(base, history);
            } catch (SearchSpaceExhaustedException e) {
                break;
            }
            history.add(Trial.succeeded(history.size(), next, 0.5));
            assertThat(history).as("a study must end").hasSizeLessThan(100);
        }

        List<Double> rates = history.stream().map(t -> t.params().getDouble("learning_rate")).toList();
        assertThat(rates).isSortedAccordingTo((a, b) -> Double.compare(b, a)).doesNotHaveDuplicates();
        assertThat(rates.get(rates.size() - 1)).isEqualTo(1e-5);
        // 0.001 * 0.8^20 is 1.15e-5, so the 21st candidate is clamped to the floor.
        assertThat(rates).hasSize(21);
    }

    @Test
    void aMissingLearningRateOrABadSettingIsRefused() {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> tuner.tune(HyperParams.of("max_depth", 5)))
                .withMessageContaining("learning_rate");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> new SimpleDecayTuner(1.0, 1e-5))
                .withMessage("factor must be within (0, 1), was 1.0");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> new SimpleDecayTuner(0.8, 0))
                .withMessage("floor must be > 0, was 0.0");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> new SimpleDecayTuner(Double.NaN, 1e-5));
    }
}
