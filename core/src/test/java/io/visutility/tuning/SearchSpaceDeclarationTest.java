package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the map form of a search space: what it reads, the defaults it fills, and every error it names. */
class SearchSpaceDeclarationTest {

    static Map<String, Object> declaration() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("learning_rate", Map.of("type", "float", "low", 0.01, "high", 0.3, "log", true, "default", 0.1,
                "description", "shrinkage"));
        d.put("max_depth", Map.of("type", "int", "low", 2, "high", 10, "step", 2, "default", 6));
        d.put("booster", Map.of("type", "categorical", "choices", List.of("gbtree", "dart"), "default", "gbtree"));
        return d;
    }

    @Test
    void aDeclarationBecomesTypedParametersInItsOrder() {
        SearchSpace space = SearchSpace.fromMap(declaration());

        assertThat(space.params()).containsExactly(
                new FloatParam("learning_rate", "shrinkage", 0.01, 0.3, true, 0.1),
                new IntParam("max_depth", "", 2, 10, 2, 6L),
                new CategoricalParam("booster", "", List.of("gbtree", "dart"), "gbtree"));
    }

    @Test
    void aSpaceRoundTripsThroughItsMapForm() {
        SearchSpace space = SearchSpace.fromMap(declaration());

        assertThat(SearchSpace.fromMap(space.toMap())).isEqualTo(space);
        assertThat(SearchSpace.fromMap(SearchSpaceTest.SPACE.toMap())).isEqualTo(SearchSpaceTest.SPACE);
        assertThat(space.toMap().get("max_depth")).isEqualTo(Map.of("type", "int", "low", 2L, "high", 10L,
                "step", 2L, "default", 6L));
    }

    @Test
    void optionalFieldsTakeTheirDocumentedDefaults() {
        SearchSpace space = SearchSpace.fromMap(Map.of(
                "eta", Map.of("type", "float", "low", 0.5, "high", 1),
                "depth", Map.of("type", "int", "low", 3, "high", 9),
                "kind", Map.of("type", "categorical", "choices", List.of(1, true, "x"))));

        assertThat(space.param("eta")).isEqualTo(new FloatParam("eta", "", 0.5, 1.0, false, 0.5));
        assertThat(space.param("depth")).isEqualTo(new IntParam("depth", "", 3, 9, 1, 3L));
        assertThat(space.param("kind")).isEqualTo(new CategoricalParam("kind", "", List.of("1", "true", "x"), "1"));
    }

    static Stream<Arguments> badDeclarations() {
        return Stream.of(
                Arguments.of(Map.of("type", "floaty", "low", 0, "high", 1),
                        "parameter p: type must be float, int or categorical, was floaty"),
                Arguments.of(Map.of("low", 0, "high", 1),
                        "parameter p: type must be float, int or categorical, was null"),
                Arguments.of(Map.of("type", "float", "low", 2, "high", 1),
                        "parameter p: range must be finite with low <= high, was [2.0, 1.0]"),
                Arguments.of(Map.of("type", "int", "low", 9, "high", 1),
                        "parameter p: low must be <= high, was [9, 1]"),
                Arguments.of(Map.of("type", "float", "high", 1),
                        "parameter p: low must be a number, was null"),
                Arguments.of(Map.of("type", "float", "low", "zero", "high", 1),
                        "parameter p: low must be a number, was zero"),
                Arguments.of(Map.of("type", "int", "low", 1.5, "high", 3),
                        "parameter p: low must be an integer, was 1.5"),
                Arguments.of(Map.of("type", "int", "low", 1, "high", 3, "step", 0),
                        "parameter p: step must be >= 1, was 0"),
                Arguments.of(Map.of("type", "float", "low", 0, "high", 1, "log", "yes"),
                        "parameter p: log must be true or false, was yes"),
                Arguments.of(Map.of("type", "float", "low", 0, "high", 1, "hi", 2),
                        "parameter p: unknown field hi for type float; allowed are "
                                + "[default, description, high, log, low, type]"),
                Arguments.of(Map.of("type", "categorical", "choices", List.of()),
                        "parameter p: choices must be a non-empty list, was []"),
                Arguments.of(Map.of("type", "categorical", "choices", List.of("a", "a")),
                        "parameter p: choices must be distinct and not null, were [a, a]"),
                Arguments.of(Map.of("type", "categorical", "choices", List.of("a", "b"), "default", "c"),
                        "parameter p: default must be one of [a, b], was c"),
                Arguments.of(Map.of("type", "int", "low", 1, "high", 3, "default", 7),
                        "parameter p must be within [1, 3], was 7"),
                Arguments.of("not a map", "parameter p: declaration must be a map of fields, was not a map"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDeclarations")
    void aBadDeclarationIsRefusedNamingParameterAndValue(Object body, String message) {
        Map<String, Object> d = new HashMap<>();
        d.put("p", body);

        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpace.fromMap(d))
                .withMessage(message);
    }

    @Test
    void anEmptyDeclarationIsRefused() {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpace.fromMap(Map.of()))
                .withMessage("a search space must declare at least one parameter");
    }

    @Test
    void aMissingDefaultInJavaIsRefusedNamingTheParameter() {
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new CategoricalParam("booster", "kind", List.of("gbtree"), null))
                .withMessage("parameter booster: default must be given, was null");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new IntParam("depth", "d", 1, 3, 1, null))
                .withMessage("parameter depth: default must be given, was null");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new FloatParam("eta", "e", 0, 1, false, null))
                .withMessage("parameter eta: default must be given, was null");
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> new CategoricalParam("booster", "kind", withNull, "a"))
                .withMessage("parameter booster: choices must be distinct and not null, were [a, null]");
    }

    @Test
    void integerSamplesStayOnTheStepGridFromLow() {
        IntParam odd = new IntParam("depth", "", 3, 12, 4, 3L);
        Random random = new Random(5);
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            seen.add(odd.sample(random));
        }

        assertThat(seen).containsOnly(3L, 7L, 11L).contains(3L, 7L, 11L);
    }
}
