package io.visutility.server.serve;

import io.visutility.server.Main;
import io.visutility.server.app.ShuttingDownException;
import io.visutility.server.config.ConfigException;
import io.visutility.server.config.ConfigLoader;
import io.visutility.server.config.ServerConfig;
import io.visutility.server.http.ApiSettings;
import io.visutility.ingest.IngestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTest {
    @TempDir
    Path dir;

    private ServerConfig config(String yaml) throws Exception {
        Path file = dir.resolve("visutility.yaml");
        Files.writeString(file, yaml.replace("DATA", dir.resolve("data").toString()));
        return ConfigLoader.load(file, Map.of());
    }

    @Test
    void aConfiguredServiceAnswersOverHttpAndKeepsItsModels() throws Exception {
        ServerConfig config = config("""
                storage:
                  dataDir: DATA
                server:
                  port: 0
                models:
                  fraud:
                    features: [f1, f2, f3]
                """);
        HttpClient http = HttpClient.newHttpClient();
        try (Service service = Service.start(config, List.of())) {
            String base = "http://127.0.0.1:" + service.port();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(metrics.body()).contains("visutility_model_health{model=\"fraud\",state=\"healthy\"} 1.0")
                    .contains("visutility_http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/health\"");
            assertThat(openapi.body()).contains("\"/metrics\"");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
            assertThat(models.body()).contains("\"name\":\"fraud\"");
            assertThat(openapi.body()).contains("\"/api/v1/models/{name}/metrics\"");
            assertThat(Files.exists(dir.resolve("data").resolve("visutility.db"))).isTrue();
        }
    }

    @Test
    void shutdownStopsIntakeAndClosesTheStore() throws Exception {
        Service service = Service.start(config("storage:\n  dataDir: DATA\nserver:\n  port: 0\nmodels:\n  m:\n    features: [a]\n"),
                List.of());

        service.shutdown(Duration.ofSeconds(1));
        service.shutdown(Duration.ofSeconds(1));

        assertThat(service.orchestrator().accepting()).isFalse();
        assertThatThrownBy(() -> service.orchestrator().metrics("m", IngestJson.metrics("{\"precision\":1,\"recall\":1}")))
                .isInstanceOf(ShuttingDownException.class);
    }

    @Test
    void bindingBeyondLoopbackWithoutTokensIsRefused() throws Exception {
        ServerConfig open = config("storage:\n  dataDir: DATA\nserver:\n  bind: 0.0.0.0\n  port: 0\n");

        assertThatThrownBy(() -> Service.start(open, List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.bind: 0.0.0.0 is reachable from other machines");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
        ServerConfig withToken = new ServerConfig(open.dataDir(), null, open.artifacts(), open.api().withTokens(List.of(
                new ApiSettings.TokenSpec("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                        io.visutility.server.http.Route.Role.WRITER))), 1, List.of(), Map.of());
        Service.checkExposure(withToken);
    }

    @Test
    void theServeCommandExitsWithTwoOnAnExposedBindOrABadConfig() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "server:\n  prot: 1\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        int exposed = cli.execute("serve", "--data", dir.resolve("data").toString(), "--bind", "0.0.0.0", "--port", "0");
        int badConfig = cli.execute("serve", "--config", dir.resolve("bad.yaml").toString());
        int badPort = cli.execute("serve", "--data", dir.resolve("data").toString(), "--port", "99999");

        assertThat(exposed).isEqualTo(2);
        assertThat(badConfig).isEqualTo(2);
        assertThat(badPort).isEqualTo(2);
        assertThat(err.toString()).contains("server.bind: 0.0.0.0").contains("server.prot: unknown key")
                .contains("--port");
    }
}
