package io.visutility.server.dashboard;

import io.visutility.ingest.PredictionReport;
import io.visutility.ingest.MetricReport;
import io.visutility.jobs.JobState;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.Api;
import io.visutility.server.http.ApiServer;
import io.visutility.server.http.ApiSettings;
import io.visutility.server.http.Route;
import io.visutility.store.Store;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium against a real orchestrator and API server: the page shows the model
 * and its champion; degraded metrics posted over HTTP raise an incident and a retrain registers a new
 * version, and both appear on the open page without a reload.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private Store store;
    private Orchestrator orchestrator;
    private ApiServer server;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "Chromium is not installed at /usr/bin/chromium (apt-get install chromium chromium-driver);"
                        + " the browser test runs wherever CI is set");
    }

    @Test
    void withTokensThePageAsksForOneAndThenFollowsTheStreamWithIt() throws Exception {
        assumeChromium();
        String secret = "dashboard-reader-token";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).build();
        orchestrator.declare(ModelSpec.xgboost("churn", SeaGenerator.FEATURES));
        ApiServer.Builder builder = ApiServer.builder()
                .settings(ApiSettings.loopback(0).withTokens(List.of(new ApiSettings.TokenSpec(sha, Route.Role.READER))))
                .extension(Dashboard::install);
        Api.standardGroups(orchestrator).forEach(builder::group);
        server = builder.start();
        browser = chromium();
        browser.get(url("/"));
        WebDriverWait wait = new WebDriverWait(browser, PAGE_WAIT);

        until(wait, "the token form", d -> d.findElement(By.id("login")).isDisplayed());
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isFalse();
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("#login button")).click();
        until(wait, "that the token was refused", d -> text(d, "#login-error").contains("not accepted"));
        browser.findElement(By.id("token")).sendKeys(secret);
        browser.findElement(By.cssSelector("#login button")).click();

        until(wait, "the model behind the token", d -> !d.findElements(By.cssSelector("li[data-model='churn']")).isEmpty());
        until(wait, "the event stream opened with the token", d -> text(d, "#live").equals("live"));
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
        orchestrator.metrics("churn", List.of(new MetricReport(PerformanceMetrics.of(0.9, 0.8), null)));
        until(wait, "the streamed sample in the model's window", d -> text(d, "#model-state").contains("window of 1"));
    }

    @Test
    void anIncidentAndTheRetrainedVersionAppearWithoutAReload() {
        assumeChromium();
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).seed(7).feedback(2_000, Duration.ofMinutes(2))
                .attempts(1, Duration.ofSeconds(1)).build().start();
        // No quiet period after a promotion: the first champion's promotion must not hold back the incident.
        orchestrator.declare(ModelSpec.xgboost("fraud", SeaGenerator.FEATURES).withMinRows(300).withTrials(2)
                .withPolicy(MonitorPolicy.defaults().withTimings(Duration.ZERO, Duration.ofMinutes(15))));
        int champion = firstChampion();
        ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0)).extension(Dashboard::install);
        Api.standardGroups(orchestrator).forEach(builder::group);
        server = builder.start();

        browser = chromium();
        browser.get(url("/"));
        WebDriverWait wait = new WebDriverWait(browser, PAGE_WAIT);
        until(wait, "the model is listed as healthy",
                d -> text(d, "li[data-model='fraud'] .state").equals("HEALTHY"));
        until(wait, "the champion's version row", d -> text(d, "#versions tr[data-version='" + champion + "']")
                .contains("champion"));
        until(wait, "the event stream is connected", d -> text(d, "#live").equals("live"));
        // A reload would lose this mark.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        post("/api/v1/models/fraud/metrics", metrics(12, 0.92, 0.9));
        post("/api/v1/models/fraud/metrics", metrics(12, 0.3, 0.35));

        until(wait, "the incident marker on the chart",
                d -> !d.findElements(By.cssSelector("#chart .marker.incident")).isEmpty());
        until(wait, "the model is no longer healthy",
                d -> !text(d, "li[data-model='fraud'] .state").equals("HEALTHY"));
        until(wait, "the retrain job in the jobs table",
                d -> !d.findElements(By.cssSelector("#jobs tr[data-state]")).isEmpty());

        post("/api/v1/models/fraud/predictions", predictions(3, 1500, 21));

        int candidate = champion + 1;
        until(wait, "the retrained version's row", d -> !d.findElements(
                By.cssSelector("#versions tr[data-version='" + candidate + "']")).isEmpty());
        await().atMost(PAGE_WAIT).until(() -> store.studies().decision(store.jobs().list("fraud").get(1).id())
                .isPresent());
        boolean promoted = store.registry().alias("fraud", ModelRegistry.CHAMPION).map(ModelVersion::version)
                .orElseThrow() == candidate;
        String verdict = promoted ? "promoted" : "rejected";
        until(wait, "the gate decision on the new version",
                d -> text(d, "#versions tr[data-version='" + candidate + "']").contains(verdict));
        until(wait, "the finished job with its trials", d -> {
            String job = text(d, "#jobs tbody tr:first-child");
            return job.contains(JobState.SUCCEEDED.name()) && job.contains("2 / 2");
        });
        if (promoted) {
            until(wait, "the promotion marker of v" + candidate, d -> d.findElements(
                    By.cssSelector("#chart .marker.promotion")).stream().anyMatch(m -> m.getText().equals("v" + candidate)));
        } else {
            until(wait, "the rejected candidate's marker",
                    d -> !d.findElements(By.cssSelector("#chart .marker.rejected")).isEmpty());
        }
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("failure")).isDisplayed()).isFalse();
        screenshot(Path.of("target", "dashboard-browser-test.png"));
    }

    /** Keeps a picture of the page in the build folder, for a person to look at. */
    private void screenshot(Path file) {
        try {
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** Retrains the declared model on SEA concept 1 so that it has a real champion to compare against. */
    private int firstChampion() {
        String jobId = orchestrator.retrain("fraud", "first champion").job().id();
        Dataset rows = SeaGenerator.seeded(11).next(1, 400);
        List<PredictionReport> reports = new ArrayList<>();
        for (int i = 0; i < rows.rows(); i++) {
            reports.add(new PredictionReport("c1-" + i, Map.of("f1", (double) rows.feature(i, 0),
                    "f2", (double) rows.feature(i, 1), "f3", (double) rows.feature(i, 2)), 0.5, rows.label(i), null));
        }
        orchestrator.predictions("fraud", reports);
        await().atMost(PAGE_WAIT).until(() -> store.jobs().find(jobId).orElseThrow().state() == JobState.SUCCEEDED);
        Optional<ModelVersion> champion = store.registry().alias("fraud", ModelRegistry.CHAMPION);
        assertThat(champion).isPresent();
        return champion.get().version();
    }

    private static String metrics(int count, double precision, double recall) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            json.add("{\"precision\":" + precision + ",\"recall\":" + recall + "}");
        }
        return json.toString();
    }

    /** Labelled predictions of SEA {@code concept}: the fresh rows the retrain waits for. */
    private static String predictions(int concept, int count, long seed) {
        Dataset rows = SeaGenerator.seeded(seed).next(concept, count);
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < rows.rows(); i++) {
            json.add("{\"id\":\"c" + concept + "-" + i + "\",\"features\":{\"f1\":" + rows.feature(i, 0) + ",\"f2\":"
                    + rows.feature(i, 1) + ",\"f3\":" + rows.feature(i, 2) + "},\"score\":0.5,\"label\":"
                    + rows.label(i) + "}");
        }
        return json.toString();
    }

    private void post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(202);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String text(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    /** Waits for {@code condition}; on time-out says what was awaited and what the page showed. */
    private void until(WebDriverWait wait, String what, ExpectedCondition<Boolean> condition) {
        try {
            wait.until(condition);
        } catch (TimeoutException e) {
            StringJoiner shown = new StringJoiner("\n");
            for (String css : List.of("#live", "#failure", "#models", "#model-state", "#versions", "#jobs", "#events")) {
                shown.add(css + ": " + text(browser, css));
            }
            throw new AssertionError("the page did not show " + what + "; it showed:\n" + shown, e);
        }
    }
}
