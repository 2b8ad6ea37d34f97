package io.visutility.server.config;

import io.visutility.server.app.ModelSpec;
import io.visutility.server.http.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final String SHA = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    @TempDir
    Path dir;

    private ServerConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("visutility.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, env);
    }

    @Test
    void noFileMeansEveryDefault() {
        ServerConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("visutility-data"));
        assertThat(config.artifacts()).isEqualTo(Path.of("visutility-data", "artifacts"));
        assertThat(config.api().bind()).isEqualTo("127.0.0.1");
        assertThat(config.api().port()).isEqualTo(7070);
        assertThat(config.api().maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(config.api().tokens()).isEmpty();
        assertThat(config.models()).isEmpty();
        assertThat(config.postgres()).isNull();
    }

    @Test
    void aFullFileIsRead() throws IOException {
        ServerConfig config = load("""
                storage:
                  type: postgres
                  url: jdbc:postgresql://db:5432/visutility
                  user: orchestrator
                  password: from-file
                artifacts:
                  dir: /shared/artifacts
                server:
                  bind: 0.0.0.0
                  port: 8080
                  maxBodyBytes: 1048576
                  workers: 2
                auth:
                  tokens:
                    - sha256: %s
                      role: writer
                models:
                  fraud:
                    features: [amount, age, country_risk]
                    tuner: tpe
                    trials: 30
                    minRows: 5000
                    policy:
                      windowSize: 50
                      minSamples: 20
                      minAvg: 0.75
                      cooldown: 30m
                      detectors: [adwin, cusum]
                    gate:
                      metric: auc
                      minImprovement: 0.005
                kafka:
                  bootstrap.servers: kafka:9092
                """.formatted(SHA), Map.of("VISUTILITY_PG_PASSWORD", "from-env"));

        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://db:5432/visutility");
        assertThat(config.postgres().password()).isEqualTo("from-env");
        assertThat(config.postgres().toString()).doesNotContain("from-env");
        assertThat(config.artifacts()).isEqualTo(Path.of("/shared/artifacts"));
        assertThat(config.api().port()).isEqualTo(8080);
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.api().tokens()).singleElement().satisfies(t -> assertThat(t.role()).isEqualTo(Route.Role.WRITER));
        ModelSpec fraud = config.models().get(0);
        assertThat(fraud.name()).isEqualTo("fraud");
        assertThat(fraud.tuner()).isEqualTo("tpe");
        assertThat(fraud.policy().windowSize()).isEqualTo(50);
        assertThat(fraud.policy().cooldown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(fraud.policy().detectors()).extracting(d -> d.name()).containsExactly("adwin", "cusum");
        assertThat(fraud.gate().metric()).isEqualTo("auc");
        assertThat(config.kafka()).containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void theDocumentedExampleIsAValidConfiguration() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        String yaml = doc.substring(doc.indexOf("```yaml") + 7, doc.indexOf("```", doc.indexOf("```yaml") + 7));

        ServerConfig config = load(yaml, Map.of());

        assertThat(config.models()).extracting(ModelSpec::name).containsExactly("fraud");
        assertThat(config.models().get(0).space().toMap()).containsOnlyKeys("eta", "max_depth");
        assertThat(config.api().tokens()).hasSize(2);
        assertThat(config.kafka()).containsKey("topics");
    }

    @Test
    void tokensFromTheEnvironmentReplaceTheFilesTokens() throws IOException {
        ServerConfig config = load("auth:\n  tokens:\n    - sha256: " + SHA + "\n      role: writer\n",
                Map.of("VISUTILITY_TOKENS", SHA + ":reader," + SHA.replace('5', '6') + ":writer"));

        assertThat(config.api().tokens()).extracting(t -> t.role()).containsExactly(Route.Role.READER, Route.Role.WRITER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "server:\\n  prot: 80|server.prot: unknown key",
            "serve:\\n  port: 80|serve: unknown key",
            "server:\\n  port: 70000|server.port: must be within [0, 65535], was 70000",
            "server:\\n  port: eighty|server.port: must be a whole number, was eighty",
            "server:\\n  port: -1|server.port: must be within [0, 65535], was -1",
            "server:\\n  maxBodyBytes: 10|server.maxBodyBytes: must be within [1024",
            "server:\\n  workers: 0|server.workers: must be within [1, 64], was 0",
            "server:\\n  bind: ''|server.bind: must be a non-blank string",
            "server: 7070|server: must be a map, was 7070",
            "storage:\\n  type: mysql|storage.type: must be sqlite or postgres, was mysql",
            "storage:\\n  type: postgres|storage.url: must be a jdbc:postgresql: URL",
            "storage:\\n  type: postgres\\n  url: jdbc:mysql://x|storage.url: must be a jdbc:postgresql: URL",
            "storage:\\n  type: postgres\\n  url: jdbc:postgresql://x/db|artifacts.dir: required with a postgres store",
            "storage:\\n  url: jdbc:postgresql://x/db|storage.url: only for type postgres",
            "auth:\\n  tokens:\\n    - sha256: abc\\n      role: writer|auth.tokens[0].sha256: must be 64 hex digits",
            "auth:\\n  tokens:\\n    - sha256: " + SHA + "\\n      role: admin|auth.tokens[0].role: must be reader or writer, was admin",
            "auth:\\n  tokens:\\n    - sha256: " + SHA + "\\n      role: writer\\n      name: ci|auth.tokens[0].name: unknown key",
            "auth:\\n  tokens: yes|auth.tokens: must be a list",
            "models:\\n  fraud:\\n    trials: 3|models.fraud.features",
            "models:\\n  fraud:\\n    features: [a]\\n    trials: 0|models.fraud.trials",
            "models:\\n  fraud:\\n    features: [a]\\n    tuner: magic|models.fraud.tuner",
            "models:\\n  fraud:\\n    features: [a]\\n    policy:\\n      windowSize: big|models.fraud.policy.windowSize: must be a whole number",
            "models:\\n  fraud:\\n    features: [a]\\n    policy:\\n      cooldown: soon|models.fraud.policy.cooldown: must be a duration",
            "models:\\n  fraud:\\n    features: [a]\\n    policy:\\n      detectors: [nope]|models.fraud.policy.detectors",
            "models:\\n  fraud:\\n    features: [a]\\n    gate:\\n      metric: vibes|models.fraud.gate",
            "models:\\n  fraud:\\n    features: [a]\\n    colour: blue|models.fraud.colour: unknown key",
            "models:\\n  ../etc:\\n    features: [a]|model",
            "models:\\n  fraud: 3|models.fraud: must be a map",
            "kafka:\\n  group.id: x|kafka.bootstrap.servers: required",
            "server:\\n  port: [1|not valid YAML",
    })
    void badConfigurationsNameTheKeyAndTheValue(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.replace("\\n", "\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void aBadTokenFromTheEnvironmentIsNamedWithoutEchoingIt() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("VISUTILITY_TOKENS", "hunter2:writer")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("VISUTILITY_TOKENS[0].sha256")
                .hasMessageNotContaining("hunter2");
    }
}
