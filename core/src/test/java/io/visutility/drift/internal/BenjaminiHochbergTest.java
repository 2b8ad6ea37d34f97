package io.visutility.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.visutility.drift.DriftException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjustsASmallSetStepUp() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4/rank is 0.02, 0.02, 0.04, 0.04, each the minimum to its right
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-15));
    }

    @Test
    void theFifteenPValuesOfTheOriginalPaperRejectFourAtFivePercent() {
        // Benjamini and Hochberg (1995), section 4.2
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
                      0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};

        double[] adjusted = BenjaminiHochberg.adjust(p);

        assertThat(Arrays.stream(adjusted).filter(a -> a <= 0.05).count()).isEqualTo(4);
        assertThat(adjusted[3]).isCloseTo(0.0095 * 15 / 4, within(1e-15));
        // the step-up rule: p(i) <= i q / m holds for i = 4 and for no larger i
        assertThat(p[3]).isLessThanOrEqualTo(4 * 0.05 / 15);
        for (int i = 5; i <= 15; i++) {
            assertThat(p[i - 1]).isGreaterThan(i * 0.05 / 15);
        }
    }

    @Test
    void aLargeRankCanCarrySmallerOnesThatAloneWouldFail() {
        // 0.045 <= 2 * 0.05 / 2 at rank 2, so both go although 0.04 alone fails 0.05 / 2 at rank 1
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.045, 0.04});
        assertThat(adjusted).containsExactly(0.045, 0.045);
    }

    @Test
    void adjustedValuesAreCappedAtOneAndKeepTies() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.9, 1.0})).containsExactly(1.0, 1.0, 1.0);
        assertThat(BenjaminiHochberg.adjust(new double[] {0.01, 0.01})).containsExactly(0.01, 0.01);
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    }

    @Test
    void refusesAPValueOutsideTheUnitInterval() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, Double.NaN}))
                .isInstanceOf(DriftException.class).hasMessage("pValues[1] must be within [0, 1], was NaN");
    }
}
