package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The read and change commands against a fake server: requests sent, output, exit codes. */
class ClientCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_1 = "{\"name\":\"churn\",\"version\":1,\"sha256\":\"aaaaaaaaaaaaaaaaaaaa\","
            + "\"metrics\":{\"f1\":0.8},\"lineage\":{\"parentVersion\":null,\"jobId\":null},\"aliases\":[\"previous\"],"
            + "\"createdAt\":\"2026-11-28T10:00:00Z\",\"gateDecision\":null}";
    private static final String VERSION_2 = "{\"name\":\"churn\",\"version\":2,\"sha256\":\"bbbbbbbbbbbbbbbbbbbb\","
            + "\"metrics\":{\"f1\":0.9},\"lineage\":{\"parentVersion\":1,\"jobId\":\"job-1\"},\"aliases\":[\"champion\"],"
            + "\"createdAt\":\"2026-11-28T11:00:00Z\",\"gateDecision\":{\"promote\":true,\"rule\":\"min-improvement\","
            + "\"reason\":\"f1 0.90 beats 0.80\"}}";

    private FakeApi api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void modelsPrintsATableAndSendsTheToken() {
        api.on("GET", "/api/v1/models", 200, "{\"models\":[{\"name\":\"churn\",\"health\":\"DEGRADED\","
                + "\"champion\":{\"version\":2},\"window\":{\"samples\":50,\"precision\":0.9,\"recall\":0.8,"
                + "\"f1\":0.85},\"activeJobId\":\"job-7\"},{\"name\":\"fraud\",\"health\":\"HEALTHY\"}]}");

        Cli cli = Cli.run("models", "--server", api.url(), "--token", "s3cret");

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/api/v1/models");
            assertThat(r.authorization()).isEqualTo("Bearer s3cret");
        });
        assertThat(cli.out().lines()).hasSize(3);
        assertThat(cli.out().lines().toList().get(0)).startsWith("NAME").contains("HEALTH", "CHAMPION", "F1");
        assertThat(cli.out()).containsPattern("churn +DEGRADED +v2 +50 +0\\.9000 +0\\.8000 +0\\.8500 +job-7")
                .containsPattern("fraud +HEALTHY +-");
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() {
        api.on("GET", "/api/v1/models", 200, "{\"models\":[]}");

        Cli cli = Cli.run("models", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests().get(0).authorization()).isNull();
        assertThat(cli.out()).contains("no models declared on " + api.url());
    }

    @Test
    void jsonPrintsTheServersAnswer() throws IOException {
        String body = "{\"models\":[{\"name\":\"churn\",\"health\":\"HEALTHY\"}]}";
        api.on("GET", "/api/v1/models", 200, body);

        Cli cli = Cli.run("models", "--json", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(JSON.readTree(cli.out())).isEqualTo(JSON.readTree(body));
    }

    @Test
    void versionsFollowsEveryPageAndShowsGateDecisions() {
        api.on("GET", "/api/v1/models/churn/versions?limit=1000", 200,
                "{\"versions\":[" + VERSION_1 + "],\"nextPageToken\":\"p2\"}");
        api.on("GET", "/api/v1/models/churn/versions?limit=1000&pageToken=p2", 200,
                "{\"versions\":[" + VERSION_2 + "],\"nextPageToken\":null}");

        Cli cli = Cli.run("versions", "churn", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests()).extracting(FakeApi.Request::path).containsExactly(
                "/api/v1/models/churn/versions?limit=1000", "/api/v1/models/churn/versions?limit=1000&pageToken=p2");
        assertThat(cli.out()).containsPattern("v1 +previous +aaaaaaaaaaaa +2026-11-28T10:00:00Z +- +- +f1=0\\.8000")
                .containsPattern("v2 +champion +bbbbbbbbbbbb +2026-11-28T11:00:00Z +v1 +promoted \\(min-improvement\\)"
                        + " +f1=0\\.9000");
    }

    @Test
    void versionsJsonGathersThePages() throws IOException {
        api.on("GET", "/api/v1/models/churn/versions?limit=1000", 200,
                "{\"versions\":[" + VERSION_1 + "],\"nextPageToken\":\"p2\"}");
        api.on("GET", "/api/v1/models/churn/versions?limit=1000&pageToken=p2", 200,
                "{\"versions\":[" + VERSION_2 + "]}");

        Cli cli = Cli.run("versions", "churn", "--json", "--server", api.url());

        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.get("versions")).hasSize(2);
        assertThat(json.get("versions").get(1).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void modelNamesArePercentEncodedInPaths() {
        api.on("GET", "/api/v1/models/a%20b%2Fc/versions?limit=1000", 200, "{\"versions\":[]}");

        Cli cli = Cli.run("versions", "a b/c", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests().get(0).path()).isEqualTo("/api/v1/models/a%20b%2Fc/versions?limit=1000");
        assertThat(cli.out()).contains("model a b/c has no versions yet");
    }

    @Test
    void promotePutsTheChampionAlias() throws IOException {
        api.on("PUT", "/api/v1/models/churn/aliases/champion", 200, "{\"name\":\"churn\",\"alias\":\"champion\","
                + "\"version\":3}");

        Cli cli = Cli.run("promote", "churn", "3", "--server", api.url(), "--token", "w");

        assertThat(cli.exitCode()).isZero();
        FakeApi.Request request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer w");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"version\":3}"));
        assertThat(cli.out()).isEqualToIgnoringNewLines("champion of churn is now v3");
    }

    @Test
    void promoteWithExpectedSendsTheCompareAndSet() throws IOException {
        api.on("PUT", "/api/v1/models/churn/aliases/champion", 409, "{\"error\":{\"code\":\"CONFLICT\","
                + "\"message\":\"alias champion of churn points to v4, not v2\"}}");

        Cli cli = Cli.run("promote", "churn", "3", "--expected", "2", "--server", api.url());

        assertThat(JSON.readTree(api.requests().get(0).body()))
                .isEqualTo(JSON.readTree("{\"version\":3,\"expectedVersion\":2}"));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("alias champion of churn points to v4, not v2").contains("409 CONFLICT");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void promoteRefusesABadVersionWithoutAsking() {
        Cli word = Cli.run("promote", "churn", "three", "--server", api.url());
        Cli zero = Cli.run("promote", "churn", "0", "--server", api.url());

        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("'three'");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("VERSION must be 1 or more, was 0");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rollbackPostsAndSaysWhichVersionServes() {
        api.on("POST", "/api/v1/models/churn/rollback", 200, "{\"champion\":" + VERSION_1 + ",\"rolledBack\":2}");

        Cli cli = Cli.run("rollback", "churn", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.body()).isEmpty();
        });
        assertThat(cli.out()).isEqualToIgnoringNewLines("champion of churn is now v1 (was v2)");
    }

    @Test
    void retrainQueuesAJobAndNamesIt() {
        api.on("POST", "/api/v1/models/churn/retrain?reason=new%20data", 202, "{\"jobId\":\"job-9\"}");

        Cli cli = Cli.run("retrain", "churn", "--reason", "new data", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests().get(0).method()).isEqualTo("POST");
        assertThat(cli.out()).isEqualToIgnoringNewLines("retrain of churn queued: job job-9");
    }

    @Test
    void retrainWhileOneIsActiveFails() {
        api.on("POST", "/api/v1/models/churn/retrain", 409, "{\"error\":{\"code\":\"CONFLICT\",\"message\":"
                + "\"a retrain of churn is already running: job job-9\",\"jobId\":\"job-9\"},\"jobId\":\"job-9\"}");

        Cli cli = Cli.run("retrain", "churn", "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("a retrain of churn is already running: job job-9");
    }

    @Test
    void jobsListsOneModelsJobs() {
        api.on("GET", "/api/v1/jobs?model=churn", 200, "{\"jobs\":[{\"id\":\"job-9\",\"model\":\"churn\","
                + "\"state\":\"FAILED\",\"attempts\":3,\"maxAttempts\":3,\"createdAt\":\"2026-11-28T10:00:00Z\","
                + "\"updatedAt\":\"2026-11-28T10:05:00Z\",\"lastError\":\"trainer exited with 1\\nsee log\"}]}");

        Cli cli = Cli.run("jobs", "--model", "churn", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().lines()).hasSize(2);
        assertThat(cli.out()).containsPattern("job-9 +churn +FAILED +3/3 +2026-11-28T10:00:00Z +2026-11-28T10:05:00Z"
                + " +trainer exited with 1 see log");
    }

    @Test
    void jobsOfAllModelsAsksWithoutAFilter() {
        api.on("GET", "/api/v1/jobs", 200, "{\"jobs\":[]}");

        Cli cli = Cli.run("jobs", "--server", api.url());

        assertThat(cli.exitCode()).isZero();
        assertThat(api.requests().get(0).path()).isEqualTo("/api/v1/jobs");
        assertThat(cli.out()).isEqualToIgnoringNewLines("no jobs");
    }

    @Test
    void anErrorAnswerPrintsTheServersMessageAndField() {
        api.on("GET", "/api/v1/models/..%2Fetc/versions?limit=1000", 400, "{\"error\":{\"code\":\"INVALID_ARGUMENT\","
                + "\"message\":\"name must not contain '/', was '../etc'\",\"field\":\"name\"}}");

        Cli cli = Cli.run("versions", "../etc", "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: name must not contain '/', was '../etc' (field name)")
                .contains("400 INVALID_ARGUMENT");
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailureNamingTheStatus() {
        api.onText("GET", "/api/v1/models", 502, "Bad Gateway");

        Cli cli = Cli.run("models", "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("502").contains(api.url() + "/api/v1/models").contains("Bad Gateway");
    }

    @Test
    void anUnreachableServerIsAFailureNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        Cli cli = Cli.run("models", "--server", url);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("cannot reach the server at " + url);
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsAUsageError() {
        Cli cli = Cli.run("models", "--server", "ftp://example.org");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--server must be an http:// or https:// URL with a host, was 'ftp://example.org'");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Cli cli = Cli.run("versions", "--server", api.url());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("NAME");
        assertThat(api.requests()).isEmpty();
    }
}
