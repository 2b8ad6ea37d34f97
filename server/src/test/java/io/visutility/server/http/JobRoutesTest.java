package io.visutility.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.ingest.PredictionReport;
import io.visutility.jobs.JobState;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.visutility.server.http.RegistryRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JobRoutesTest {
    @TempDir
    Path data;
    private RoutesFixture api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aRetrainIsAcceptedOnceAndASecondRequestNamesTheActiveJob() {
        api = RoutesFixture.start(data, Duration.ofMinutes(5));
        api.declare("fraud", 50);

        HttpResponse<String> first = api.post("/api/v1/models/fraud/retrain?reason=drill");
        HttpResponse<String> second = api.post("/api/v1/models/fraud/retrain");

        assertThat(first.statusCode()).isEqualTo(202);
        String jobId = RoutesFixture.json(first).get("jobId").asText();
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode conflict = RoutesFixture.json(second);
        assertThat(conflict.get("error").get("code").asText()).isEqualTo("CONFLICT");
        assertThat(conflict.get("error").get("jobId").asText()).isEqualTo(jobId);
        assertThat(conflict.get("jobId").asText()).isEqualTo(jobId);
        assertThat(api.store.jobs().list("fraud")).hasSize(1);
        assertThat(api.post("/api/v1/models/ghost/retrain").statusCode()).isEqualTo(404);
        assertError(api.post("/api/v1/models/bad%20name/retrain"), 400, "model");
    }

    @Test
    void aWaitingJobIsCancelledAndThenCannotBeCancelledAgain() {
        api = RoutesFixture.start(data, Duration.ofMinutes(5));
        api.declare("fraud", 50);
        String jobId = RoutesFixture.json(api.post("/api/v1/models/fraud/retrain")).get("jobId").asText();

        HttpResponse<String> cancel = api.post("/api/v1/jobs/" + jobId + "/cancel");

        assertThat(cancel.statusCode()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.store.jobs().find(jobId).orElseThrow().state()).isEqualTo(JobState.CANCELLED));
        JsonNode job = RoutesFixture.json(api.get("/api/v1/jobs/" + jobId));
        assertThat(job.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("active").asBoolean()).isFalse();
        HttpResponse<String> again = api.post("/api/v1/jobs/" + jobId + "/cancel");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.post("/api/v1/jobs/no-such-job/cancel").statusCode()).isEqualTo(404);
        // The model's slot is free again.
        assertThat(api.post("/api/v1/models/fraud/retrain").statusCode()).isEqualTo(202);
    }

    @Test
    void aRetrainIsRefusedWhileShuttingDown() {
        api = RoutesFixture.start(data, Duration.ofMinutes(5));
        api.declare("fraud", 50);
        api.orchestrator.shutdown(Duration.ZERO);

        HttpResponse<String> response = api.post("/api/v1/models/fraud/retrain");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(api.store.jobs().list("fraud")).isEmpty();
    }

    @Test
    void jobsAreListedNewestFirstByModelAndState() {
        api = RoutesFixture.start(data, Duration.ofMinutes(5));
        api.declare("fraud", 50);
        api.declare("churn", 50);
        String fraud = RoutesFixture.json(api.post("/api/v1/models/fraud/retrain")).get("jobId").asText();
        api.post("/api/v1/jobs/" + fraud + "/cancel");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.store.jobs().find(fraud).orElseThrow().state() == JobState.CANCELLED);
        String fraud2 = RoutesFixture.json(api.post("/api/v1/models/fraud/retrain")).get("jobId").asText();
        String churn = RoutesFixture.json(api.post("/api/v1/models/churn/retrain")).get("jobId").asText();

        assertThat(ids(api.get("/api/v1/jobs"))).containsExactly(churn, fraud2, fraud);
        assertThat(ids(api.get("/api/v1/jobs?model=fraud"))).containsExactly(fraud2, fraud);
        assertThat(ids(api.get("/api/v1/jobs?model=fraud&state=cancelled"))).containsExactly(fraud);
        assertThat(ids(api.get("/api/v1/jobs?limit=1"))).containsExactly(churn);
        assertError(api.get("/api/v1/jobs?state=sleeping"), 400, "state");
        assertError(api.get("/api/v1/jobs?limit=0"), 400, "limit");
        assertError(api.get("/api/v1/jobs?model=..x"), 400, "model");
        assertThat(api.get("/api/v1/jobs?model=ghost").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

    @Test
    void aRealRetrainShowsItsStudyTrialsDecisionAndLineage() {
        api = RoutesFixture.start(data, Duration.ofMinutes(2));
        api.declare("fraud", 200);

        String first = retrainOnFreshRows(1, 11);
        JsonNode job = RoutesFixture.json(api.get("/api/v1/jobs/" + first));

        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("study").get("state").asText()).isEqualTo("FINISHED");
        assertThat(job.get("trials")).hasSize(2);
        assertThat(job.get("trials")).allSatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(t.get("objective").asDouble()).isBetween(0.0, 1.0);
            assertThat(t.get("artifactSha256").asText()).hasSize(64);
        });
        assertThat(job.get("decision").get("promote").asBoolean()).isTrue();
        assertThat(job.get("decision").get("rule").asText()).isEqualTo("no-champion");
        JsonNode v1 = RoutesFixture.json(api.get("/api/v1/models/fraud/versions/1"));
        assertThat(v1.get("lineage").get("jobId").asText()).isEqualTo(first);
        assertThat(v1.get("gateDecision").get("promote").asBoolean()).isTrue();
        assertThat(v1.get("aliases")).extracting(JsonNode::asText).contains("champion");

        String second = retrainOnFreshRows(1, 12);
        JsonNode lineage = RoutesFixture.json(api.get("/api/v1/models/fraud/versions/2/lineage"));

        JsonNode steps = lineage.get("steps");
        assertThat(steps).extracting(s -> s.get("version").get("version").asInt()).containsExactly(2, 1);
        assertThat(steps.get(0).get("job").get("id").asText()).isEqualTo(second);
        assertThat(steps.get(1).get("job").get("id").asText()).isEqualTo(first);
        assertThat(steps.get(0).get("study").get("jobId").asText()).isEqualTo(second);
        assertThat(steps.get(0).get("trials").asInt()).isEqualTo(2);
        assertThat(steps.get(0).get("chosenTrial").get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(0).get("decision").get("championVersion").asInt()).isEqualTo(1);
        assertThat(steps.get(1).get("promotion").get("to").asInt()).isEqualTo(1);
        assertThat(lineage.get("complete").asBoolean()).isTrue();
    }

    /** Asks for a retrain, then sends the labelled rows it waits for, and waits for it to succeed. */
    private String retrainOnFreshRows(int concept, long seed) {
        HttpResponse<String> accepted = api.post("/api/v1/models/fraud/retrain");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String jobId = RoutesFixture.json(accepted).get("jobId").asText();
        Dataset rows = SeaGenerator.seeded(seed).next(concept, 400);
        List<PredictionReport> reports = new ArrayList<>();
        for (int i = 0; i < rows.rows(); i++) {
            reports.add(new PredictionReport(seed + "-" + i, Map.of("f1", (double) rows.feature(i, 0),
                    "f2", (double) rows.feature(i, 1), "f3", (double) rows.feature(i, 2)), 0.5, rows.label(i), null));
        }
        api.orchestrator.predictions("fraud", reports);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.store.jobs().find(jobId).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED));
        return jobId;
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        RoutesFixture.json(response).get("jobs").forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }
}
