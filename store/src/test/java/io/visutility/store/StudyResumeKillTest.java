package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.jobs.Job;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.LineageChain;
import io.visutility.retrain.Lineages;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.TrialRecord;
import io.visutility.retrain.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A retrain killed with SIGKILL mid-study resumes in a new JVM without training its finished trials again:
 * killed after K trials were stored (seeded K), or while trial K was training (seed 11 kills mid-training,
 * seed 29 between trials).
 */
class StudyResumeKillTest {
    private static final int TRIALS = 8;
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 29})
    void aKilledStudyResumesWithoutRetrainingFinishedTrials(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int k = random.nextInt(1, TRIALS - 1);
        boolean midTraining = random.nextBoolean();
        String jobId;
        try (Store store = Store.sqlite(dir)) {
            jobId = store.jobs().enqueue(StudyChild.MODEL, "drift-" + seed, 3).job().id();
        }

        List<String> first = new ArrayList<>();
        Process killed = start(seed, 0, true);
        try (Lines lines = new Lines(killed, stderrOf(killed))) {
            Writer go = new OutputStreamWriter(killed.getOutputStream(), StandardCharsets.UTF_8);
            String killAt = midTraining ? "start " + k : "completed " + (k - 1);
            while (true) {
                String line = lines.next();
                first.add(line);
                if (line.equals(killAt)) {
                    break;
                }
                if (line.startsWith("start ") || line.startsWith("completed ")) {
                    go.write("go\n");
                    go.flush();
                }
            }
            killed.destroyForcibly();
            assertThat(killed.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.exitValue()).isEqualTo(137);
        }

        List<String> second = new ArrayList<>();
        Process resumed = start(seed, 60, false);
        try (Lines lines = new Lines(resumed, stderrOf(resumed))) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                second.add(line);
            }
            assertThat(resumed.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(resumed.exitValue()).as("second child, stderr: %s", lines.stderr()).isZero();
        }

        List<Integer> startedFirst = numbers(first, "start ");
        List<Integer> startedSecond = numbers(second, "start ");
        assertThat(startedFirst).containsExactlyElementsOf(IntStream.rangeClosed(0, midTraining ? k : k - 1)
                .boxed().toList());
        assertThat(startedSecond).as("finished and interrupted trials are not trained again")
                .containsExactlyElementsOf(IntStream.range(midTraining ? k + 1 : k, TRIALS).boxed().toList());
        assertThat(second).contains("claimed " + jobId + " attempt 2");

        try (Store store = Store.sqlite(dir)) {
            StudyRecord study = store.studies().studyOfJob(jobId).orElseThrow();
            List<TrialRecord> trials = store.studies().trials(study.id());
            assertThat(study.state()).isEqualTo(StudyState.FINISHED);
            assertThat(trials).hasSize(TRIALS);
            assertThat(trials.subList(0, k)).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.SUCCEEDED);
                assertThat(t.attempt()).isEqualTo(1);
            });
            if (midTraining) {
                assertThat(trials.get(k).state()).isEqualTo(TrialState.FAILED);
                assertThat(trials.get(k).error()).isEqualTo("interrupted: attempt 1 ended");
            }
            assertThat(trials.subList(midTraining ? k + 1 : k, TRIALS)).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.SUCCEEDED);
                assertThat(t.attempt()).isEqualTo(2);
            });
            List<ModelVersion> versions = store.registry().versions(StudyChild.MODEL);
            assertThat(versions).hasSize(1);
            ModelVersion version = versions.get(0);
            assertThat(second).contains("registered " + version.version());
            LineageChain chain = new Lineages(store.registry(), store.jobs(), store.studies())
                    .lineage(StudyChild.MODEL, version.version());
            assertThat(chain.study().id()).isEqualTo(study.id());
            assertThat(chain.chosen().artifactSha256()).isEqualTo(version.sha256());
            assertThat(chain.triggerEventId()).isEqualTo("drift-" + seed);
            Job job = chain.job();
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(chain.decision().promote()).isTrue();
            assertThat(chain.promotion().to()).isEqualTo(version.version());
        }
    }

    private static List<Integer> numbers(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(prefix.length())))
                .toList();
    }

    private Path stderrOf(Process process) {
        return dir.resolve("child-" + process.pid() + ".err");
    }

    private Process start(long seed, long clockOffsetMinutes, boolean hold) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = Files.createTempFile(dir, "starting-", ".err");
        Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                classPath != null && !classPath.isBlank() ? classPath : System.getProperty("java.class.path"),
                StudyChild.class.getName(), dir.toString(), Integer.toString(TRIALS), Long.toString(seed),
                Long.toString(clockOffsetMinutes), Boolean.toString(hold))
                .redirectError(stderr.toFile()).start();
        Files.move(stderr, stderrOf(process));
        return process;
    }

    /** The child's stdout, read on a thread so a silent child fails the test after a bounded wait. */
    private static final class Lines implements AutoCloseable {
        private static final String END = "\u0000end";
        private final Process process;
        private final Path stderr;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        Lines(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        queue.add(line);
                    }
                } catch (IOException e) {
                    queue.add("read failed: " + e);
                } finally {
                    queue.add(END);
                }
            }, "child-" + process.pid() + "-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line, or null when the child's output ended. */
        String next() throws InterruptedException {
            String line = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("child printed nothing for " + TIMEOUT_SECONDS + " s; stderr: " + stderr());
            }
            return line.equals(END) ? null : line;
        }

        String stderr() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
