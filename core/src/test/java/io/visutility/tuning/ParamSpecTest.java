package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that a parameter declaration is refused when it could not be searched, naming the parameter. */
class ParamSpecTest {

    @Test
    void aFloatRangeMustBeFiniteAndOrdered() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", 1.0, 0.1, false, 0.5))
                .withMessage("parameter eta: range must be finite with low <= high, was [1.0, 0.1]");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", Double.NaN, 1, false, 0.5))
                .withMessageContaining("eta");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", 0, Double.POSITIVE_INFINITY, false, 0.5))
                .withMessageContaining("eta");
    }

    @Test
    void aLogScaleNeedsAPositiveLowBound() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", 0.0, 1.0, true, 0.5))
                .withMessage("parameter eta: a log range must be positive, low was 0.0");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", -1.0, 1.0, true, 0.5))
                .withMessageContaining("low was -1.0");
        assertThat(new FloatParam("eta", "step size", 0.0, 1.0, false, 0.0).low()).isZero();
    }

    @Test
    void aDefaultMustLieInTheRange() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "step size", 0.01, 1.0, true, 2.0))
                .withMessage("parameter eta must be within [0.01, 1.0], was 2.0");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new IntParam("depth", "tree depth", 1, 10, 1, 0L))
                .withMessage("parameter depth must be within [1, 10], was 0");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new CategoricalParam("booster", "kind", List.of("gbtree", "dart"), "linear"))
                .withMessage("parameter booster: default must be one of [gbtree, dart], was linear");
    }

    @Test
    void anIntegerRangeNeedsOrderedBoundsAndAPositiveStep() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new IntParam("depth", "tree depth", 10, 1, 1, 5L))
                .withMessage("parameter depth: low must be <= high, was [10, 1]");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new IntParam("depth", "tree depth", 1, 10, 0, 5L))
                .withMessage("parameter depth: step must be >= 1, was 0");
    }

    @Test
    void choicesMustNotBeEmptyAndNamesNotBlank() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new CategoricalParam("booster", "kind", List.of(), "gbtree"))
                .withMessage("parameter booster: choices must not be empty");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new IntParam(" ", "blank", 1, 2, 1, 1L))
                .withMessageContaining("blank");
    }

    @Test
    void validateReturnsTheCanonicalType() {
        IntParam depth = new IntParam("depth", "tree depth", 1, 10, 1, 6L);
        FloatParam eta = new FloatParam("eta", "step size", 0.01, 1.0, true, 0.3);
        CategoricalParam booster = new CategoricalParam("booster", "kind", List.of("gbtree", "dart"), "gbtree");

        assertThat(depth.validate(4)).isEqualTo(4L);
        assertThat(depth.validate(4.0)).isEqualTo(4L);
        assertThat(eta.validate(1)).isEqualTo(1.0);
        assertThat(eta.validate(0.5f)).isEqualTo(0.5);
        assertThat(booster.validate("dart")).isEqualTo("dart");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> depth.validate(4.5))
                .withMessage("parameter depth must be an integer, was 4.5");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> eta.validate("0.5"))
                .withMessage("parameter eta must be a number, was 0.5");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> booster.validate(null))
                .withMessage("parameter booster must be one of [gbtree, dart], was null");
    }
}
