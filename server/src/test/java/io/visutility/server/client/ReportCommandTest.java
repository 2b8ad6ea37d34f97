package io.visutility.server.client;

import io.visutility.server.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report}: fetches the model, its versions and its events, writes decodable PNGs and a page naming them. */
class ReportCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String MODEL = "{\"name\":\"churn\",\"health\":\"HEALTHY\",\"champion\":{\"version\":2},"
            + "\"window\":{\"samples\":40,\"precision\":0.91,\"recall\":0.87,\"f1\":0.89}}";
    private static final String VERSIONS = "{\"versions\":["
            + "{\"name\":\"churn\",\"version\":1,\"sha256\":\"" + "a".repeat(64) + "\",\"metrics\":{\"f1\":0.81,"
            + "\"auc\":0.85},\"lineage\":{\"parentVersion\":null,\"jobId\":null},\"aliases\":[\"previous\"],"
            + "\"createdAt\":\"2026-11-28T09:00:00Z\",\"gateDecision\":null},"
            + "{\"name\":\"churn\",\"version\":2,\"sha256\":\"" + "b".repeat(64) + "\",\"metrics\":{\"f1\":0.9,"
            + "\"auc\":0.93},\"lineage\":{\"parentVersion\":1,\"jobId\":\"job-1\"},\"aliases\":[\"champion\"],"
            + "\"createdAt\":\"2026-11-28T11:00:00Z\",\"gateDecision\":{\"promote\":true,\"rule\":\"min-improvement\","
            + "\"reason\":\"f1 0.90 > 0.81 + 0.01\"}},"
            + "{\"name\":\"churn\",\"version\":3,\"sha256\":\"" + "c".repeat(64) + "\",\"metrics\":{\"f1\":0.7,"
            + "\"auc\":0.75},\"lineage\":{\"parentVersion\":2,\"jobId\":\"job-2\"},\"aliases\":[],"
            + "\"createdAt\":\"2026-11-28T11:30:00Z\",\"gateDecision\":{\"promote\":false,\"rule\":\"min-improvement\","
            + "\"reason\":\"f1 0.70 <script>alert(1)</script>\"}}]}";
    private static final String EVENTS_PAGE_1 = "{\"events\":["
            + "{\"type\":\"ModelPromoted\",\"id\":\"e1\",\"model\":\"churn\",\"time\":\"2026-11-28T09:00:00Z\","
            + "\"version\":1,\"previousVersion\":null,\"reason\":\"first champion\",\"candidateMetrics\":{},"
            + "\"championMetrics\":{},\"position\":3},"
            + "{\"type\":\"DriftDetected\",\"id\":\"e2\",\"model\":\"churn\",\"time\":\"2026-11-28T10:00:00Z\","
            + "\"incidentId\":\"e2\",\"attempt\":1,\"windowAverage\":0.55,\"windowF1\":0.52,\"samples\":50,"
            + "\"reason\":\"mean 0.55 below 0.7\",\"position\":7}],\"next\":7,\"lastPosition\":12,\"more\":true}";
    private static final String EVENTS_PAGE_2 = "{\"events\":["
            + "{\"type\":\"ModelPromoted\",\"id\":\"e3\",\"model\":\"churn\",\"time\":\"2026-11-28T11:00:00Z\","
            + "\"version\":2,\"previousVersion\":1,\"reason\":\"beats the champion\",\"candidateMetrics\":{\"f1\":0.9},"
            + "\"championMetrics\":{\"f1\":0.81},\"position\":9},"
            + "{\"type\":\"Recovered\",\"id\":\"e4\",\"model\":\"churn\",\"time\":\"2026-11-28T11:20:00Z\","
            + "\"incidentId\":\"e2\",\"windowAverage\":0.88,\"windowF1\":0.86,\"position\":10},"
            + "{\"type\":\"PromotionRejected\",\"id\":\"e5\",\"model\":\"churn\",\"time\":\"2026-11-28T11:30:00Z\","
            + "\"version\":3,\"championVersion\":2,\"reason\":\"no better\",\"candidateMetrics\":{},"
            + "\"championMetrics\":{},\"position\":12}],\"next\":12,\"lastPosition\":12,\"more\":false}";

    private FakeApi api;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Cli report(Path out, String... more) {
        CommandLine report = new CommandLine(new ReportCommand(CLOCK));
        String[] args = new String[4 + more.length];
        args[0] = "churn";
        args[1] = "--out";
        args[2] = out.toString();
        args[3] = "--server=" + api.url();
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(report, args);
    }

    @Test
    void writesChartsThatDecodeAndAPageReferencingThem() throws IOException {
        api.on("GET", "/api/v1/models/churn", 200, MODEL);
        api.on("GET", "/api/v1/models/churn/versions?limit=1000", 200, VERSIONS);
        api.on("GET", "/api/v1/events?model=churn&after=0&limit=1000", 200, EVENTS_PAGE_1);
        api.on("GET", "/api/v1/events?model=churn&after=7&limit=1000", 200, EVENTS_PAGE_2);
        Path out = dir.resolve("report");

        Cli cli = report(out);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(api.requests()).extracting(FakeApi.Request::path).containsExactly("/api/v1/models/churn",
                "/api/v1/models/churn/versions?limit=1000", "/api/v1/events?model=churn&after=0&limit=1000",
                "/api/v1/events?model=churn&after=7&limit=1000");
        for (String png : new String[] {"metrics.png", "versions.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(960);
            assertThat(image.getHeight()).isEqualTo(480);
        }
        BufferedImage history = ImageIO.read(out.resolve("metrics.png").toFile());
        assertThat(count(history, 0xC62828)).as("red pixels of the drift alarm").isGreaterThan(100);
        assertThat(count(history, 0x2E7D32)).as("green pixels of the promotions").isGreaterThan(100);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<img src=\"metrics.png\"", "<img src=\"versions.png\"", "<h1>Model churn</h1>",
                "2026-11-28T12:00:00Z", "HEALTHY", "v2", "0.8900");
        assertThat(html).contains("<td>v1</td>", "<td>v2</td>", "<td>v3</td>", "a".repeat(64),
                "<td>v1</td><td>job-1</td>",
                "promoted by min-improvement: f1 0.90 &gt; 0.81 + 0.01",
                "rejected by min-improvement: f1 0.70 &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        String incidents = html.substring(html.indexOf("<h2>Incidents</h2>"), html.indexOf("<h2>Promotions</h2>"));
        assertThat(incidents).contains("DriftDetected", "mean 0.55 below 0.7", "Recovered")
                .doesNotContain("ModelPromoted");
        String promotions = html.substring(html.indexOf("<h2>Promotions</h2>"));
        assertThat(promotions).contains("ModelPromoted", "first champion", "beats the champion", "PromotionRejected")
                .doesNotContain("DriftDetected");
        assertThat(cli.out()).contains("report of churn written to " + out.resolve("index.html") + " (2 charts, "
                + "3 versions, 5 events)");
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aModelWithoutHistoryGetsAPageSayingSo() throws IOException {
        api.on("GET", "/api/v1/models/churn", 200, "{\"name\":\"churn\",\"health\":\"HEALTHY\","
                + "\"window\":{\"samples\":0,\"precision\":0,\"recall\":0,\"f1\":0}}");
        api.on("GET", "/api/v1/models/churn/versions?limit=1000", 200, "{\"versions\":[]}");
        api.on("GET", "/api/v1/events?model=churn&after=0&limit=1000", 200,
                "{\"events\":[],\"next\":0,\"lastPosition\":0,\"more\":false}");

        Cli cli = report(dir, "--json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(dir.resolve("metrics.png")).doesNotExist();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("No metric history or version metrics yet",
                "No versions yet", "None logged");
        assertThat(cli.out()).contains("\"charts\" : [ ]");
    }

    @Test
    void anUnknownModelFailsBeforeWritingAnything() {
        api.on("GET", "/api/v1/models/churn", 404, "{\"error\":{\"code\":\"NOT_FOUND\","
                + "\"message\":\"model churn is not declared\"}}");
        Path out = dir.resolve("never");

        Cli cli = report(out);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("model churn is not declared");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Cli cli = report(file);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--out must be a folder");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void theReportCommandIsRegisteredWithTheCommandLine() {
        Cli cli = Cli.run("report", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--out=DIR", "--server=URL", "--token=TOKEN");
    }
}
