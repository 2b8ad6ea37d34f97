package io.visutility.server.client;

import io.visutility.event.LoggedEvent;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.NewModelVersion;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.Api;
import io.visutility.server.http.ApiServer;
import io.visutility.server.http.ApiSettings;
import io.visutility.server.http.Route;
import io.visutility.server.http.RouteGroup;
import io.visutility.store.Store;
import io.visutility.tuning.HyperParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client commands against the real HTTP server over a real orchestrator and SQLite store, with tokens. */
class ClientAgainstServerTest {
    private static final String WRITER = "writer-token";
    private static final String READER = "reader-token";

    @TempDir
    Path data;
    @TempDir
    Path work;

    private Store store;
    private Orchestrator orchestrator;
    private ApiServer server;
    private String url;

    @BeforeEach
    void start() {
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).build();
        orchestrator.declare(ModelSpec.xgboost("churn", List.of("f1", "f2", "f3")));
        List<RouteGroup> groups = new ArrayList<>(Api.standardGroups(orchestrator));
        Set<String> registered = groups.stream().flatMap(g -> g.routes().stream())
                .map(r -> r.method().name() + " " + r.path()).collect(Collectors.toSet());
        groups.add(new StandInModelRoutes(orchestrator, registered));
        ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0).withTokens(List.of(
                new ApiSettings.TokenSpec(sha256(WRITER), Route.Role.WRITER),
                new ApiSettings.TokenSpec(sha256(READER), Route.Role.READER))));
        groups.forEach(builder::group);
        server = builder.start();
        url = "http://127.0.0.1:" + server.port();
        for (int v = 1; v <= 2; v++) {
            String sha = store.artifacts().put(("model " + v).getBytes(StandardCharsets.UTF_8)).sha256();
            store.registry().register(new NewModelVersion("churn", sha, HyperParams.of("eta", 0.1 * v),
                    Map.of("f1", 0.7 + 0.1 * v), new Lineage(v == 1 ? null : v - 1, null, null, "manual", Map.of()),
                    null, Map.of()));
        }
    }

    @AfterEach
    void stop() {
        server.close();
        orchestrator.close();
        store.close();
    }

    @Test
    void promoteRollbackAndVersionsMoveAndShowTheChampion() {
        assertThat(cli("promote", "churn", "1", "--token", WRITER).exitCode()).isZero();
        Cli promote = cli("promote", "churn", "2", "--token", WRITER);
        assertThat(promote.out()).isEqualToIgnoringNewLines("champion of churn is now v2");
        assertThat(champion()).isEqualTo(2);

        Cli versions = cli("versions", "churn", "--token", READER);
        assertThat(versions.exitCode()).isZero();
        assertThat(versions.out()).containsPattern("v1 +previous").containsPattern("v2 +champion");

        Cli rollback = cli("rollback", "churn", "--token", WRITER);
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).isEqualToIgnoringNewLines("champion of churn is now v1 (was v2)");
        assertThat(champion()).isEqualTo(1);
    }

    @Test
    void writesNeedAWriterToken() {
        Cli none = cli("promote", "churn", "1");
        Cli reader = cli("promote", "churn", "1", "--token", READER);
        Cli unknown = cli("retrain", "churn", "--token", "guess");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("a bearer token is required", "401");
        assertThat(reader.exitCode()).isEqualTo(1);
        assertThat(reader.err()).contains("this route needs a writer token", "403");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("401");
        assertThat(store.registry().alias("churn", ModelRegistry.CHAMPION)).isEmpty();
    }

    @Test
    void retrainQueuesOnceAndJobsListsIt() {
        Cli first = cli("retrain", "churn", "--reason", "new data", "--token", WRITER);
        Cli second = cli("retrain", "churn", "--token", WRITER);
        Cli jobs = cli("jobs", "--model", "churn", "--token", READER);

        assertThat(first.exitCode()).as(first.err()).isZero();
        String jobId = first.out().trim().replaceFirst("^retrain of churn queued: job ", "");
        assertThat(store.jobs().find(jobId)).isPresent();
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("already", jobId, "409");
        assertThat(jobs.exitCode()).isZero();
        assertThat(jobs.out()).containsPattern(jobId + " +churn +(QUEUED|RUNNING) ");
    }

    @Test
    void pushedDegradedMetricsShowAsAnIncidentInTheReport() throws IOException {
        cli("promote", "churn", "1", "--token", WRITER);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double level = i < 30 ? 0.9 : 0.3;
            lines.add("{\"precision\":" + level + ",\"recall\":" + level + "}");
        }
        Path file = Files.write(work.resolve("metrics.jsonl"), lines);

        Cli push = cli("push", "churn", "--file", file.toString(), "--token", WRITER);

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).contains("pushed 60 metric samples to churn in 1 batch: 60 accepted");
        await().atMost(Duration.ofSeconds(20)).until(() -> store.events().after(0, 1000).stream()
                .map(LoggedEvent::event).anyMatch(e -> e.getClass().getSimpleName().equals("DriftDetected")));

        Path out = work.resolve("report");
        Cli report = cli("report", "churn", "--out", out.toString(), "--token", READER);

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(ImageIO.read(out.resolve("metrics.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("versions.png").toFile())).isNotNull();
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("metrics.png", "versions.png", "DriftDetected", "ModelPromoted", "<td>v2</td>");
    }

    private Cli cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = url;
        return Cli.run(all);
    }

    private int champion() {
        return store.registry().alias("churn", ModelRegistry.CHAMPION).orElseThrow().version();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
