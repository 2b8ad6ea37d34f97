package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that a search space refuses what it does not declare, fills defaults, and samples inside its ranges. */
class SearchSpaceTest {
    static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("eta", "step size", 1e-4, 1.0, true, 0.3),
            new FloatParam("subsample", "row share", 0.5, 1.0, false, 1.0),
            new IntParam("depth", "tree depth", 1, 10, 3, 4L),
            new CategoricalParam("booster", "kind", List.of("gbtree", "dart", "gblinear"), "gbtree"));

    @Test
    void validateFillsDefaultsAndKeepsGivenValuesInCanonicalType() {
        HyperParams valid = SPACE.validate(HyperParams.of("depth", 7, "eta", 0.05));

        assertThat(valid).isEqualTo(HyperParams.of("eta", 0.05, "subsample", 1.0, "depth", 7L, "booster", "gbtree"));
        assertThat(valid.get("depth")).isInstanceOf(Long.class);
        assertThat(SPACE.validate(HyperParams.empty())).isEqualTo(SPACE.defaults());
        assertThat(SPACE.defaults()).isEqualTo(HyperParams.of("eta", 0.3, "subsample", 1.0, "depth", 4, "booster",
                "gbtree"));
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SPACE.validate(HyperParams.of("max_dept", 6)))
                .withMessage("unknown hyper-parameter max_dept; known are [eta, subsample, depth, booster]");
    }

    @Test
    void aValueOutOfRangeOrOfTheWrongTypeIsRefusedNamingParameterAndValue() {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SPACE.validate(HyperParams.of("eta", 2.0)))
                .withMessage("parameter eta must be within [1.0E-4, 1.0], was 2.0");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SPACE.validate(HyperParams.of("depth", 11)))
                .withMessage("parameter depth must be within [1, 10], was 11");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SPACE.validate(HyperParams.of("depth", 2.5)))
                .withMessage("parameter depth must be an integer, was 2.5");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SPACE.validate(HyperParams.of("subsample", "all")))
                .withMessage("parameter subsample must be a number, was all");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SPACE.validate(HyperParams.of("booster", "forest")))
                .withMessage("parameter booster must be one of [gbtree, dart, gblinear], was forest");
    }

    @Test
    void declarationsAreUniqueAndLookedUpByName() {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpace.of(
                        new IntParam("depth", "a", 1, 2, 1, 1L), new IntParam("depth", "b", 1, 3, 1, 1L)))
                .withMessage("parameter depth is declared twice");
        assertThat(SPACE.param("depth")).isInstanceOf(IntParam.class);
        assertThat(SPACE.params()).extracting(ParamSpec::name).containsExactly("eta", "subsample", "depth", "booster");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SPACE.param("gamma"))
                .withMessageContaining("gamma");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026})
    void samplesLieInTheirRangesOnTheirSteps(long seed) {
        Random random = new Random(seed);
        Set<Long> depths = new HashSet<>();
        Set<String> boosters = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            HyperParams sample = SPACE.sample(random);
            assertThat(SPACE.validate(sample)).isEqualTo(sample);
            long depth = (Long) sample.get("depth");
            assertThat((depth - 1) % 3).as("depth %d is on the step grid 1, 4, 7, 10", depth).isZero();
            depths.add(depth);
            boosters.add(sample.getString("booster"));
        }
        assertThat(depths).containsExactlyInAnyOrder(1L, 4L, 7L, 10L);
        assertThat(boosters).containsExactlyInAnyOrder("gbtree", "dart", "gblinear");
    }

    @Test
    void aLogScaledParameterIsSampledEvenlyPerDecade() {
        Random random = new Random(3);
        int belowGeometricMiddle = 0;
        int belowLinearMiddle = 0;
        int n = 4_000;
        for (int i = 0; i < n; i++) {
            HyperParams sample = SPACE.sample(random);
            double eta = sample.getDouble("eta");
            double subsample = sample.getDouble("subsample");
            if (eta < 1e-2) {
                belowGeometricMiddle++;
            }
            if (subsample < 0.75) {
                belowLinearMiddle++;
            }
        }
        // Uniform on [1e-4, 1] would put about 1% under 1e-2; log-uniform puts half there.
        assertThat(belowGeometricMiddle / (double) n).isBetween(0.45, 0.55);
        assertThat(belowLinearMiddle / (double) n).isBetween(0.45, 0.55);
    }

    @Test
    void theSameGeneratorStateGivesTheSameSample() {
        assertThat(SPACE.sample(new Random(11))).isEqualTo(SPACE.sample(new Random(11)));
        assertThat(SPACE.sample(new Random(11))).isNotEqualTo(SPACE.sample(new Random(12)));
    }
}
