package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.NewModelVersion;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.xgboost.XGBoostTrainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model routes over real HTTP: declarations, reports, the model's state and predictions. */
class ModelRoutesTest {
    private static final String DECLARE = "{\"name\":\"fraud\",\"features\":[\"f1\",\"f2\",\"f3\"],\"tuner\":\"tpe\","
            + "\"trials\":3,\"minRows\":100,\"policy\":{\"windowSize\":30,\"minSamples\":5,\"minAvg\":0.7,"
            + "\"detectors\":[\"adwin\"],\"cooldown\":\"PT5M\"},\"gate\":{\"metric\":\"auc\",\"minImprovement\":0.01}}";

    @TempDir
    Path data;
    private RoutesFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private HttpResponse<String> post(String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(fixture.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return fixture.send(b);
    }

    @Test
    void aDeclaredModelIsListedWithItsSpecAndAnEqualDeclarationChangesNothing() {
        fixture = RoutesFixture.start(data, Duration.ZERO);

        HttpResponse<String> created = post("/api/v1/models", DECLARE, null);
        HttpResponse<String> again = post("/api/v1/models", DECLARE, null);
        HttpResponse<String> different = post("/api/v1/models", DECLARE.replace("\"trials\":3", "\"trials\":4"), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(different.statusCode()).isEqualTo(409);
        JsonNode spec = RoutesFixture.json(created);
        assertThat(spec.path("tuner").asText()).isEqualTo("tpe");
        assertThat(spec.path("policy").path("windowSize").asInt()).isEqualTo(30);
        assertThat(spec.path("policy").path("minAvg").asDouble()).isEqualTo(0.7);
        assertThat(spec.path("policy").path("detectors").toString()).isEqualTo("[\"adwin\"]");
        assertThat(spec.path("gate").path("metric").asText()).isEqualTo("auc");
        assertThat(fixture.orchestrator.require("fraud").policy().cooldown()).isEqualTo(Duration.ofMinutes(5));
        JsonNode list = RoutesFixture.json(fixture.get("/api/v1/models"));
        assertThat(list.path("models")).hasSize(1);
        assertThat(list.path("models").get(0).path("health").asText()).isEqualTo("HEALTHY");
    }

    @Test
    void reportsAreAcceptedAndShowInTheModelsState() {
        fixture = RoutesFixture.start(data, Duration.ZERO);
        fixture.declare("fraud", 100);

        HttpResponse<String> metrics = post("/api/v1/models/fraud/metrics",
                "[{\"precision\":0.9,\"recall\":0.8},{\"precision\":0.7,\"recall\":0.6,\"f1_score\":0.65,"
                        + "\"timestamp\":\"2026-11-28T10:00:00Z\"}]", null);
        HttpResponse<String> predictions = post("/api/v1/models/fraud/predictions",
                "[{\"id\":\"a\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3},\"score\":0.9},"
                        + "{\"id\":\"b\",\"features\":{\"f1\":4,\"f2\":5,\"f3\":6},\"score\":0.1,\"label\":0}]", null);
        HttpResponse<String> labels = post("/api/v1/models/fraud/labels", "{\"id\":\"a\",\"label\":1}", null);

        assertThat(metrics.statusCode()).isEqualTo(202);
        assertThat(metrics.body()).isEqualTo("{\"accepted\":2}");
        assertThat(predictions.body()).isEqualTo("{\"accepted\":2}");
        assertThat(labels.body()).isEqualTo("{\"accepted\":1}");
        JsonNode model = RoutesFixture.json(fixture.get("/api/v1/models/fraud"));
        assertThat(model.path("observed").asLong()).isEqualTo(2);
        assertThat(model.path("window").path("samples").asInt()).isEqualTo(2);
        assertThat(model.path("window").path("precision").asDouble()).isEqualTo(0.8);
        assertThat(model.path("labels").path("predictions").asLong()).isEqualTo(2);
        assertThat(model.path("labels").path("labels").asLong()).isEqualTo(2);
        assertThat(model.path("spec").path("features").toString()).isEqualTo("[\"f1\",\"f2\",\"f3\"]");
        assertThat(fixture.get("/api/v1/models/ghost").statusCode()).isEqualTo(404);
    }

    @Test
    void predictScoresWithTheChampionOnceThereIsOne() {
        fixture = RoutesFixture.start(data, Duration.ZERO);
        fixture.declare("fraud", 100);
        String body = "{\"features\":{\"f1\":9,\"f2\":9,\"f3\":1}}";

        HttpResponse<String> none = post("/api/v1/models/fraud/predict", body, null);
        registerChampion();
        HttpResponse<String> scored = post("/api/v1/models/fraud/predict", body, null);

        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(RoutesFixture.json(none).path("error").path("code").asText()).isEqualTo("NO_CHAMPION");
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        JsonNode p = RoutesFixture.json(scored);
        assertThat(p.path("version").asInt()).isEqualTo(1);
        assertThat(p.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(p.path("label").asInt()).isEqualTo(p.path("score").asDouble() >= 0.5 ? 1 : 0);
        HttpResponse<String> label = post("/api/v1/models/fraud/labels",
                "{\"id\":\"" + p.path("id").asText() + "\",\"label\":1}", null);
        assertThat(label.statusCode()).isEqualTo(202);
        assertThat(fixture.orchestrator.monitor().labelStats("fraud").orElseThrow().joined()).isEqualTo(1);
    }

    @Test
    void withTokensWritesNeedAWriterAndReadsAReader() throws Exception {
        fixture = RoutesFixture.start(data, Duration.ZERO, List.of(
                new ApiSettings.TokenSpec(sha("reader-token"), Route.Role.READER),
                new ApiSettings.TokenSpec(sha("writer-token"), Route.Role.WRITER)), Api::standardGroups);
        fixture.declare("fraud", 100);
        String metric = "{\"precision\":0.9,\"recall\":0.9}";

        assertThat(post("/api/v1/models/fraud/metrics", metric, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/models/fraud/metrics", metric, "guess").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/models/fraud/metrics", metric, "reader-token").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/models", DECLARE, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/models/fraud/metrics", metric, "writer-token").statusCode()).isEqualTo(202);
        assertThat(fixture.get("/api/v1/models").statusCode()).isEqualTo(401);
        assertThat(fixture.get("/api/v1/health").statusCode()).isEqualTo(200);
        HttpResponse<String> read = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/v1/models"))
                .header("Authorization", "Bearer reader-token").GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(fixture.orchestrator.monitor().status("fraud").orElseThrow().observed()).isEqualTo(1);
    }

    private void registerChampion() {
        XGBoostTrainer trainer = new XGBoostTrainer();
        Dataset.Split split = SeaGenerator.seeded(3).next(1, 1_000).split(0.2, 3);
        TrainingResult result = trainer.train(new TrainingRequest("fraud", trainer.searchSpace().defaults(),
                split.train(), split.validation(), 3));
        String sha = fixture.store.artifacts().put(result.artifact()).sha256();
        fixture.store.registry().register(new NewModelVersion("fraud", sha, result.params(), result.validation().asMap(),
                Lineage.manual("xgboost", Map.of()), "champion-" + sha));
        fixture.store.registry().setAlias("fraud", ModelRegistry.CHAMPION, 1, null, "test", "test");
    }

    private static String sha(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
