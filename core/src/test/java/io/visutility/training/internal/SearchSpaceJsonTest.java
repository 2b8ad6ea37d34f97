package io.visutility.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.tuning.ParamSpec;
import io.visutility.tuning.SearchSpace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A search space declared in JSON, as a training program's author writes it. */
class SearchSpaceJsonTest {

    @Test
    void readsEveryKindOfParameter() {
        SearchSpace space = SearchSpaceJson.parse("""
                {"rate": {"type": "float", "low": 0.001, "high": 1, "log": true, "default": 0.1, "description": "Step."},
                 "depth": {"type": "int", "low": 2, "high": 10, "step": 2, "default": 4},
                 "loss": {"type": "categorical", "choices": ["hinge", "log"], "default": "log"}}
                """);

        assertThat(space.params()).containsExactly(
                new ParamSpec.FloatParam("rate", "Step.", 0.001, 1.0, true, 0.1),
                new ParamSpec.IntParam("depth", "", 2, 10, 2, 4L),
                new ParamSpec.CategoricalParam("loss", "", List.of("hinge", "log"), "log"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]|a search space must be a non-empty JSON object of parameters",
            "{\"a\": 1}|parameter a must be a JSON object, was 1",
            "{\"a\": {\"type\": \"double\"}}|parameter a: field 'type' must be float, int or categorical, was double",
            "{\"a\": {\"type\": \"int\", \"low\": 1, \"high\": 3, \"defualt\": 2}}|parameter a: unknown field 'defualt'",
            "{\"a\": {\"type\": \"int\", \"low\": 1.5, \"high\": 3, \"default\": 2}}|parameter a: field 'low' must be an integer, was 1.5",
            "{\"a\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}|parameter a: field 'default' must be a number, was missing",
            "{\"a\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": \"yes\", \"default\": 1}}|field 'log' must be true or false, was \"yes\"",
            "{\"a\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"default\": 2}}|parameter a must be within [0.0, 1.0], was 2.0",
            "{\"a\": {\"type\": \"categorical\", \"choices\": [1], \"default\": \"x\"}}|field 'choices' must be a list of strings",
    })
    void namesTheParameterAndTheFieldThatIsWrong(String json, String message) {
        assertThatThrownBy(() -> SearchSpaceJson.parse(json)).hasMessageContaining(message);
    }
}
