package io.visutility.training;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.RetrainException;
import io.visutility.retrain.RetrainOutcome;
import io.visutility.testing.LoopFixture;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example goes through the same retrain pipeline as XGBoost: tuned by random search over its
 * declared space, registered with a real checksum, promoted by the gate; failed trials do not stop a
 * study, and a study whose every trial fails registers nothing.
 */
class ProcessTrainerRetrainTest {
    @TempDir
    Path dir;

    private LoopFixture loop(ProcessTrainer trainer, int trials) {
        return LoopFixture.create(o -> {
            o.trainer = trainer;
            o.tuner = RandomSearchTuner.seeded(trainer.searchSpace(), 7);
            o.trials = trials;
            o.recentData = SeaGenerator.seeded(11).next(1, 800);
        });
    }

    @Test
    void theExampleIsRegisteredAndPromotedThenAShiftedConceptIsJudgedOnTheHoldout() {
        LoopFixture loop = loop(PythonLogistic.trainer(dir).build(), 3);

        RetrainOutcome first = loop.pipeline.run(job(loop, "job-1"));

        ModelVersion v1 = first.version();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(first.promoted()).isTrue();
        assertThat(first.decision().reason()).isEqualTo("no champion yet");
        assertThat(loop.champion()).contains(v1);
        assertThat(v1.lineage().trainer()).isEqualTo("python-logistic");
        assertThat(loop.artifacts.get(v1.sha256())).startsWith("{\"format\"".getBytes());
        assertThat(first.candidateHoldout().accuracy()).isGreaterThan(0.8);
        assertThat(first.trials()).hasSize(3).allMatch(Trial::succeeded);

        loop.setRecentData(SeaGenerator.seeded(12).next(4, 800));
        RetrainOutcome second = loop.pipeline.run(job(loop, "job-2"));

        assertThat(second.version().version()).isEqualTo(2);
        assertThat(second.version().lineage().parentVersion()).isEqualTo(1);
        assertThat(second.previousChampion()).isEqualTo(v1);
        assertThat(second.championHoldout().samples()).isEqualTo(second.candidateHoldout().samples());
        assertThat(second.decision().candidateValue()).isEqualTo(second.candidateHoldout().f1());
        assertThat(second.decision().championValue()).isEqualTo(second.championHoldout().f1());
        assertThat(second.promoted()).as(second.decision().reason()).isTrue();
        assertThat(loop.champion().orElseThrow().version()).isEqualTo(2);
        assertThat(loop.pipeline.score(v1, SeaGenerator.seeded(13).next(1, 200)).accuracy())
                .as("the old champion still loads and predicts from its artifact").isGreaterThan(0.8);
    }

    @Test
    void failedTrialsAreRecordedAndTheStudyGoesOn() throws IOException {
        ProcessTrainer flaky = wrapper("n % 2 == 0").build();
        LoopFixture loop = loop(flaky, 4);

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1"));

        assertThat(outcome.trials()).extracting(Trial::succeeded).containsExactly(false, true, false, true);
        assertThat(outcome.trials().get(0).error()).contains("exited with code 1")
                .contains("flaky trainer refused train call 0");
        List<MonitorEvent.TrialCompleted> events = loop.events.of(MonitorEvent.TrialCompleted.class);
        assertThat(events.get(2).error()).contains("refused train call 2");
        assertThat(outcome.version().lineage().details().get("trial")).isIn("1", "3");
        assertThat(outcome.promoted()).isTrue();
    }

    @Test
    void whenEveryTrialFailsNothingIsRegistered() throws IOException {
        LoopFixture loop = loop(wrapper("True").build(), 3);

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1"))).isInstanceOf(RetrainException.class)
                .hasMessageContaining("all 3 trials failed").hasMessageContaining("flaky trainer refused train call 2");

        assertThat(loop.registry.models()).doesNotContain(MODEL);
        assertThat(loop.artifacts.list()).isEmpty();
        assertThat(loop.events.of(MonitorEvent.ModelRegistered.class)).isEmpty();
    }

    /** The example behind a wrapper that refuses the train calls for which {@code refuse} (of call number n) holds. */
    private ProcessTrainer.Builder wrapper(String refuse) throws IOException {
        Path script = dir.resolve("flaky.py");
        Files.writeString(script, String.join("\n",
                "import json, os, sys",
                "r = json.load(open(os.environ['VISUTILITY_REQUEST']))",
                "if r['mode'] == 'train':",
                "    counter = os.environ['COUNTER']",
                "    n = int(open(counter).read()) if os.path.exists(counter) else 0",
                "    open(counter, 'w').write(str(n + 1))",
                "    if " + refuse + ":",
                "        print('flaky trainer refused train call %d' % n, file=sys.stderr)",
                "        sys.exit(1)",
                "os.execvp('python3', ['python3', os.environ['EXAMPLE']])",
                ""));
        return PythonLogistic.trainer(dir.resolve("work")).command("python3", script.toString())
                .environment("COUNTER", dir.resolve("calls").toString())
                .environment("EXAMPLE", PythonLogistic.script().toString());
    }

    private static Job job(LoopFixture loop, String id) {
        Instant now = loop.clock.instant();
        return new Job(id, MODEL, JobState.RUNNING, 1, 3, "drift-1", now, now, now, null, "worker", now.plusSeconds(60));
    }
}
