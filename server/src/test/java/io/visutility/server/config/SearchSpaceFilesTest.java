package io.visutility.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TunerException;
import io.visutility.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that search spaces load from YAML and JSON files and that errors name the file and parameter. */
class SearchSpaceFilesTest {
    private static final SearchSpace EXPECTED = SearchSpace.of(
            new FloatParam("learning_rate", "shrinkage", 0.01, 0.3, true, 0.1),
            new IntParam("max_depth", "", 2, 10, 1, 6L),
            new CategoricalParam("booster", "", List.of("gbtree", "dart"), "gbtree"));

    @TempDir
    Path dir;

    @Test
    void aYamlDeclarationLoads() throws IOException {
        Path file = Files.writeString(dir.resolve("space.yaml"), """
                learning_rate: {type: float, low: 0.01, high: 0.3, log: true, default: 0.1, description: shrinkage}
                max_depth:
                  type: int
                  low: 2
                  high: 10
                  step: 1
                  default: 6
                booster: {type: categorical, choices: [gbtree, dart]}
                """);

        assertThat(SearchSpaceFiles.read(file)).isEqualTo(EXPECTED);
    }

    @Test
    void aJsonDeclarationLoads() throws IOException {
        Path file = Files.writeString(dir.resolve("space.json"), """
                {"learning_rate": {"type": "float", "low": 0.01, "high": 0.3, "log": true, "default": 0.1,
                                   "description": "shrinkage"},
                 "max_depth": {"type": "int", "low": 2, "high": 10, "default": 6},
                 "booster": {"type": "categorical", "choices": ["gbtree", "dart"], "default": "gbtree"}}
                """);

        assertThat(SearchSpaceFiles.read(file)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xgb.yml", "xgb.json"})
    void theTrainersSpaceRoundTripsThroughAFile(String name) {
        Path file = dir.resolve(name);
        SearchSpaceFiles.write(XGBoostTrainer.SEARCH_SPACE, file);

        assertThat(SearchSpaceFiles.read(file)).isEqualTo(XGBoostTrainer.SEARCH_SPACE);
    }

    @Test
    void aBadParameterIsReportedWithTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "max_depth: {type: int, low: 10, high: 2}\n");

        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpaceFiles.read(file))
                .withMessage("search space file " + file + ": parameter max_depth: low must be <= high, was [10, 2]");
    }

    @Test
    void unreadableFilesAreReportedWithTheFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"eta\": {\"type\": ");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        Path empty = Files.writeString(dir.resolve("empty.yml"), "");
        Path text = Files.writeString(dir.resolve("space.txt"), "eta: 1");

        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpaceFiles.read(broken))
                .withMessageStartingWith("search space file " + broken + " is not a valid map of parameters");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpaceFiles.read(list))
                .withMessageStartingWith("search space file " + list + " is not a valid map of parameters");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpaceFiles.read(empty))
                .withMessageStartingWith("search space file " + empty);
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> SearchSpaceFiles.read(text))
                .withMessage("search space file " + text + " must end in .json, .yaml or .yml");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SearchSpaceFiles.read(dir.resolve("missing.yaml")))
                .withMessageContaining("missing.yaml");
    }
}
