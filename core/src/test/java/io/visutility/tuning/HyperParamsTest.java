package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that hyper-parameters are typed, immutable, compared by value and survive JSON unchanged. */
class HyperParamsTest {

    @Test
    void integralNumbersBecomeLongAndOtherNumbersDouble() {
        HyperParams p = HyperParams.of("i", 6, "s", (short) 2, "b", (byte) 1, "l", 7L, "f", 0.5f, "d", 0.25,
                "big", new BigDecimal("1.5"), "name", "gbtree", "flag", true);

        assertThat(p.get("i")).isEqualTo(6L);
        assertThat(p.get("s")).isEqualTo(2L);
        assertThat(p.get("b")).isEqualTo(1L);
        assertThat(p.get("l")).isEqualTo(7L);
        assertThat(p.get("f")).isEqualTo(0.5);
        assertThat(p.get("d")).isEqualTo(0.25);
        assertThat(p.get("big")).isEqualTo(1.5);
        assertThat(p.get("name")).isEqualTo("gbtree");
        assertThat(p.get("flag")).isEqualTo(true);
        assertThat(p).isEqualTo(HyperParams.of(Map.of("i", 6L, "s", 2, "b", 1, "l", 7, "f", 0.5, "d", 0.25,
                "big", 1.5, "name", "gbtree", "flag", true)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteNumbersAreRejectedNamingTheParameter(double bad) {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> HyperParams.of("eta", bad))
                .withMessage("hyper-parameter eta must be finite, was " + bad);
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> HyperParams.of("eta", (float) bad))
                .withMessageContaining("eta");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> HyperParams.empty().with("eta", bad));
    }

    @Test
    void valuesOfOtherTypesAndBadNamesAreRejected() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("eta", null);
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> HyperParams.of(withNull))
                .withMessageContaining("eta").withMessageContaining("null");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> HyperParams.of("eta", new Object()))
                .withMessageContaining("eta");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> HyperParams.of(" ", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> HyperParams.of("eta", 1, "depth"))
                .withMessageContaining("3");
        assertThatIllegalArgumentException().isThrownBy(() -> HyperParams.of(1, 2));
    }

    @Test
    void typedGettersConvertOrRefuse() {
        HyperParams p = HyperParams.of("depth", 6, "eta", 2.5, "whole", 3.0, "booster", "dart", "huge", 1L << 40);

        assertThat(p.getInt("depth")).isEqualTo(6);
        assertThat(p.getInt("whole")).isEqualTo(3);
        assertThat(p.getDouble("depth")).isEqualTo(6.0);
        assertThat(p.getDouble("eta")).isEqualTo(2.5);
        assertThat(p.getString("booster")).isEqualTo("dart");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> p.getInt("eta"))
                .withMessage("hyper-parameter eta must be an integer, was 2.5");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> p.getInt("huge"))
                .withMessageContaining("huge");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> p.getDouble("booster"))
                .withMessage("hyper-parameter booster must be a number, was dart");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> p.getDouble("gamma"))
                .withMessageContaining("gamma").withMessageContaining("[booster, depth, eta, huge, whole]");
        assertThat(p.has("gamma")).isFalse();
        assertThat(p.get("gamma")).isNull();
    }

    @Test
    void equalityAndHashIgnoreInsertionOrderButNotType() {
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("a", 1);
        forward.put("b", 0.5);
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("b", 0.5);
        backward.put("a", 1L);

        HyperParams x = HyperParams.of(forward);
        HyperParams y = HyperParams.of(backward);
        assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
        assertThat(x.toString()).isEqualTo(y.toString()).isEqualTo("{a=1, b=0.5}");
        assertThat(x.names()).containsExactly("a", "b");
        assertThat(HyperParams.of("a", 1)).isNotEqualTo(HyperParams.of("a", 1.0));
        assertThat(HyperParams.of("a", 1)).isNotEqualTo(HyperParams.of("a", 2));
        assertThat(HyperParams.of(Map.of())).isEqualTo(HyperParams.empty());
    }

    @Test
    void withAndWithAllMakeCopies() {
        HyperParams base = HyperParams.of("eta", 0.3, "depth", 6);

        HyperParams changed = base.with("eta", 0.1).with("gamma", 1);
        HyperParams merged = base.withAll(HyperParams.of("depth", 8, "subsample", 0.8));

        assertThat(base).isEqualTo(HyperParams.of("eta", 0.3, "depth", 6));
        assertThat(changed).isEqualTo(HyperParams.of("eta", 0.1, "depth", 6, "gamma", 1L));
        assertThat(merged).isEqualTo(HyperParams.of("eta", 0.3, "depth", 8, "subsample", 0.8));
        assertThatThrownBy(() -> base.asMap().put("eta", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void jsonRoundTripKeepsIntegersAndDoublesApart() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HyperParams params = HyperParams.of("learning_rate", 0.1, "max_depth", 6, "whole_double", 2.0,
                "rounds", 5_000_000_000L, "booster", "gbtree", "verbose", false);

        String text = json.writeValueAsString(params);
        HyperParams back = json.readValue(text, HyperParams.class);

        assertThat(text).isEqualTo("{\"booster\":\"gbtree\",\"learning_rate\":0.1,\"max_depth\":6,"
                + "\"rounds\":5000000000,\"verbose\":false,\"whole_double\":2.0}");
        assertThat(back).isEqualTo(params);
        assertThat(back.get("max_depth")).isInstanceOf(Long.class);
        assertThat(back.get("rounds")).isInstanceOf(Long.class);
        assertThat(back.get("whole_double")).isInstanceOf(Double.class);
        assertThat(json.readValue("{}", HyperParams.class)).isEqualTo(HyperParams.empty());
    }
}
