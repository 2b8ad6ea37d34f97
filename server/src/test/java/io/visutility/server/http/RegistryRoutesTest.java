package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.event.MonitorEvent;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegistryRoutesTest {
    private static final String FRAUD = "/api/v1/models/fraud";

    @TempDir
    Path data;
    private RoutesFixture api;

    @BeforeEach
    void start() {
        api = RoutesFixture.start(data, Duration.ZERO);
        api.declare("fraud", 50);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void versionsComePageByPageOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            api.register("fraud", ("model " + i).getBytes(StandardCharsets.UTF_8), i == 1 ? null : i - 1);
        }

        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = RoutesFixture.json(api.get(FRAUD + "/versions?limit=2"
                    + (token == null ? "" : "&pageToken=" + token)));
            page.get("versions").forEach(v -> seen.add(v.get("version").asInt()));
            pageSizes.add(page.get("versions").size());
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asText();
        } while (token != null);

        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(pageSizes).containsExactly(2, 2, 1);
        JsonNode all = RoutesFixture.json(api.get(FRAUD + "/versions"));
        assertThat(all.get("versions")).hasSize(5);
        assertThat(all.get("nextPageToken").isNull()).isTrue();
    }

    @Test
    void aVersionShowsItsFieldsAliasesAndNoGateDecisionWhenRegisteredByHand() {
        ModelVersion v1 = api.register("fraud", new byte[]{1, 2, 3}, null);
        api.store.registry().setAlias("fraud", ModelRegistry.CHAMPION, 1, null, "first", "test");

        HttpResponse<String> response = api.get(FRAUD + "/versions/1");
        JsonNode v = RoutesFixture.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(v.get("name").asText()).isEqualTo("fraud");
        assertThat(v.get("version").asInt()).isEqualTo(1);
        assertThat(v.get("sha256").asText()).isEqualTo(v1.sha256());
        assertThat(v.get("params").get("eta").asDouble()).isEqualTo(0.1);
        assertThat(v.get("metrics").get("f1").asDouble()).isEqualTo(0.8);
        assertThat(v.get("lineage").get("trainer").asText()).isEqualTo("manual");
        assertThat(v.get("lineage").get("details").get("note").asText()).isEqualTo("by hand");
        assertThat(v.get("tags").get("team").asText()).isEqualTo("risk");
        assertThat(v.get("createdAt").asText()).isEqualTo(v1.createdAt().toString());
        assertThat(v.get("aliases")).extracting(JsonNode::asText).containsExactly("champion");
        assertThat(v.get("gateDecision").isNull()).isTrue();
    }

    @Test
    void badVersionsAndModelsAreNamedOrNotFound() {
        api.register("fraud", new byte[]{1}, null);

        assertError(api.get(FRAUD + "/versions/abc"), 400, "version");
        assertError(api.get(FRAUD + "/versions/0"), 400, "version");
        assertError(api.get(FRAUD + "/versions/-3"), 400, "version");
        assertError(api.get(FRAUD + "/versions/99999999999"), 400, "version");
        assertThat(api.get(FRAUD + "/versions/2").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/models/ghost/versions").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/models/ghost/versions/1").statusCode()).isEqualTo(404);
        assertError(api.get("/api/v1/models/..bad/versions"), 400, "model");
        assertError(api.get(FRAUD + "/versions?limit=0"), 400, "limit");
        assertError(api.get(FRAUD + "/versions?limit=1001"), 400, "limit");
        assertError(api.get(FRAUD + "/versions?limit=ten"), 400, "limit");
        assertError(api.get(FRAUD + "/versions?pageToken=garbage"), 400, "pageToken");
    }

    @Test
    void theArtifactComesWithItsSha256AndOnlyOnceForAClientThatHasIt() throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        ModelVersion v1 = api.register("fraud", bytes, null);

        HttpResponse<byte[]> response = api.bytes(FRAUD + "/versions/1/artifact", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(response.body());
        String header = response.headers().firstValue("X-Artifact-SHA256").orElseThrow();
        assertThat(header).isEqualTo(HexFormat.of().formatHex(digest)).isEqualTo(v1.sha256());
        assertThat(response.headers().firstValue("Digest")).contains("sha-256=" + Base64.getEncoder().encodeToString(digest));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + v1.sha256() + "\"");

        HttpResponse<byte[]> again = api.bytes(FRAUD + "/versions/1/artifact", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(api.bytes(FRAUD + "/versions/2/artifact", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anArtifactWhoseBytesNoLongerMatchItsSha256IsNotServed() throws Exception {
        ModelVersion v1 = api.register("fraud", "good bytes".getBytes(StandardCharsets.UTF_8), null);
        java.nio.file.Files.writeString(data.resolve("artifacts").resolve(v1.sha256()), "tampered");

        HttpResponse<String> response = api.get(FRAUD + "/versions/1/artifact");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RoutesFixture.json(response).get("error").get("code").asText()).isEqualTo("ARTIFACT_CORRUPTED");
        assertThat(response.body()).doesNotContain("tampered");
    }

    @Test
    void aliasesMoveByCompareAndSetAndRecordWhoAndWhy() {
        api.register("fraud", new byte[]{1}, null);
        api.register("fraud", new byte[]{2}, 1);
        assertThat(api.get(FRAUD + "/aliases/staging").statusCode()).isEqualTo(404);

        HttpResponse<String> set = api.put(FRAUD + "/aliases/staging",
                "{\"version\":1,\"reason\":\"canary\",\"actor\":\"alice\"}");
        HttpResponse<String> stale = api.put(FRAUD + "/aliases/staging", "{\"version\":2,\"expectedVersion\":2}");
        HttpResponse<String> moved = api.put(FRAUD + "/aliases/staging", "{\"version\":2,\"expectedVersion\":1}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(RoutesFixture.json(stale).get("error").get("code").asText()).isEqualTo("CONFLICT");
        assertThat(moved.statusCode()).isEqualTo(200);
        JsonNode alias = RoutesFixture.json(api.get(FRAUD + "/aliases/staging"));
        assertThat(alias.get("version").asInt()).isEqualTo(2);
        assertThat(alias.get("modelVersion").get("version").asInt()).isEqualTo(2);
        JsonNode history = alias.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("canary");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("api:alice");
        assertThat(history.get(1).get("from").asInt()).isEqualTo(1);
        assertThat(history.get(1).get("actor").asText()).isEqualTo("api");
    }

    @Test
    void badAliasRequestsChangeNothing() {
        api.register("fraud", new byte[]{1}, null);

        assertError(api.put(FRAUD + "/aliases/staging", "{\"version\":1,\"colour\":\"red\"}"), 400, "colour");
        assertError(api.put(FRAUD + "/aliases/staging", "{\"expectedVersion\":1}"), 400, "version");
        assertError(api.put(FRAUD + "/aliases/staging", "{\"version\":\"one\"}"), 400, "version");
        assertError(api.put(FRAUD + "/aliases/staging", "{\"version\":0}"), 400, "version");
        assertError(api.put(FRAUD + "/aliases/staging", "not json"), 400, "body");
        assertError(api.put(FRAUD + "/aliases/staging", ""), 400, "body");
        assertError(api.put(FRAUD + "/aliases/staging", "{\"version\":1,\"actor\":\"\\u0007\"}"), 400, "actor");
        assertError(api.put(FRAUD + "/aliases/bad%20alias", "{\"version\":1}"), 400, "alias");
        assertThat(api.put(FRAUD + "/aliases/staging", "{\"version\":7}").statusCode()).isEqualTo(404);
        assertThat(api.put("/api/v1/models/ghost/aliases/staging", "{\"version\":1}").statusCode()).isEqualTo(404);
        HttpResponse<String> text = api.send(java.net.http.HttpRequest.newBuilder(api.uri(FRAUD + "/aliases/staging"))
                .header("Content-Type", "text/plain").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.statusCode()).isEqualTo(415);

        assertThat(api.store.registry().aliasHistory("fraud", "staging")).isEmpty();
    }

    @Test
    void settingTheChampionKeepsThePreviousOneForARollback() {
        api.register("fraud", new byte[]{1}, null);
        api.register("fraud", new byte[]{2}, 1);
        List<MonitorEvent> promoted = new CopyOnWriteArrayList<>();
        api.orchestrator.bus().subscribe("test", e -> {
            if (e instanceof MonitorEvent.ModelPromoted) {
                promoted.add(e);
            }
        });
        assertThat(api.put(FRAUD + "/aliases/champion", "{\"version\":1}").statusCode()).isEqualTo(200);
        assertThat(api.put(FRAUD + "/aliases/champion", "{\"version\":2,\"expectedVersion\":1}").statusCode())
                .isEqualTo(200);
        assertThat(api.put(FRAUD + "/aliases/champion", "{\"version\":1,\"expectedVersion\":1}").statusCode())
                .isEqualTo(409);
        JsonNode v1 = RoutesFixture.json(api.get(FRAUD + "/versions/1"));
        assertThat(v1.get("aliases")).extracting(JsonNode::asText).containsExactly("previous");

        HttpResponse<String> rollback = api.post(FRAUD + "/rollback");

        assertThat(rollback.statusCode()).isEqualTo(200);
        JsonNode body = RoutesFixture.json(rollback);
        assertThat(body.get("champion").get("version").asInt()).isEqualTo(1);
        assertThat(body.get("rolledBack").asInt()).isEqualTo(2);
        assertThat(api.store.registry().alias("fraud", ModelRegistry.CHAMPION).orElseThrow().version()).isEqualTo(1);
        assertThat(api.store.registry().alias("fraud", "previous").orElseThrow().version()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(promoted).hasSize(3));
        assertThat(promoted).extracting(e -> ((MonitorEvent.ModelPromoted) e).version()).containsExactly(1, 2, 1);
    }

    @Test
    void aRollbackWithoutAPreviousVersionIsAConflict() {
        assertThat(api.post(FRAUD + "/rollback").statusCode()).isIn(404, 409);
        api.register("fraud", new byte[]{1}, null);
        api.put(FRAUD + "/aliases/champion", "{\"version\":1}");

        HttpResponse<String> response = api.post(FRAUD + "/rollback");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(RoutesFixture.json(response).get("error").get("message").asText()).contains("previous");
        assertThat(api.post("/api/v1/models/ghost/rollback").statusCode()).isEqualTo(404);
    }

    @Test
    void theLineageWalksBackToTheFirstVersion() {
        api.register("fraud", new byte[]{1}, null);
        api.register("fraud", new byte[]{2}, 1);
        api.register("fraud", new byte[]{3}, 2);

        JsonNode lineage = RoutesFixture.json(api.get(FRAUD + "/versions/3/lineage"));

        assertThat(lineage.get("steps")).extracting(s -> s.get("version").get("version").asInt())
                .containsExactly(3, 2, 1);
        assertThat(lineage.get("complete").asBoolean()).isTrue();
        assertThat(lineage.get("steps").get(0).get("job").isNull()).isTrue();
        assertThat(lineage.get("steps").get(0).get("links")).isNotEmpty();
        assertThat(api.get(FRAUD + "/versions/4/lineage").statusCode()).isEqualTo(404);
    }

    static void assertError(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = RoutesFixture.json(response).get("error");
        assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(error.get("message").asText()).isNotBlank();
    }
}
