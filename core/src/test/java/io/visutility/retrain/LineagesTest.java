package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.testing.CountingTrainer;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain from a retrain's trigger to a promotion, read back from the registry, the queue and the study store. */
class LineagesTest {

    @Test
    void aPromotedVersionHasEveryLinkWithTimesInOrder() {
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer());
        LoopFixture[] holder = new LoopFixture[1];
        // Every training call takes a second of the test's clock, so the links' times really differ.
        trainer.before(request -> holder[0].clock.advance(Duration.ofSeconds(1)));
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.trials = 4;
        });
        holder[0] = loop;
        loop.seedChampion();
        StudyStore studies = loop.pipeline.studies();
        JobQueue queue = JobQueue.inMemory(loop.clock);
        String jobId = queue.enqueue(MODEL, "drift-event-7", 3).job().id();
        loop.clock.advance(Duration.ofSeconds(5));
        Job claimed = queue.claim("worker", Duration.ofMinutes(5)).orElseThrow();

        RetrainOutcome outcome = loop.pipeline.run(claimed);
        loop.clock.advance(Duration.ofSeconds(1));
        queue.succeed(claimed);

        LineageChain chain = new Lineages(loop.registry, queue, studies).lineage(MODEL, outcome.version().version());

        assertThat(chain.triggerEventId()).isEqualTo("drift-event-7");
        assertThat(chain.job().id()).isEqualTo(jobId);
        assertThat(chain.job().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(chain.study().jobId()).isEqualTo(jobId);
        assertThat(chain.trials()).hasSize(4);
        assertThat(chain.chosen().number()).isEqualTo(chain.study().bestTrial());
        assertThat(chain.chosen().artifactSha256()).isEqualTo(chain.version().sha256());
        assertThat(chain.decision().promote()).isTrue();
        assertThat(chain.decision().candidateVersion()).isEqualTo(2);
        assertThat(chain.promotion().from()).isEqualTo(1);
        assertThat(chain.promotion().to()).isEqualTo(2);
        List<LineageChain.Link> links = chain.links();
        assertThat(links).extracting(LineageChain.Link::what).startsWith("trigger", "job", "study", "trial 0 SUCCEEDED")
                .endsWith("study FINISHED", "chosen", "version", "decision: promote", "promotion");
        assertThat(links).extracting(LineageChain.Link::at).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(links.get(2).at()).isAfter(links.get(1).at());
        assertThat(links.get(links.size() - 5).at()).isAfter(links.get(2).at());
    }

    @Test
    void aVersionRegisteredByHandHasOnlyItsOwnLink() {
        LoopFixture loop = LoopFixture.create();
        ModelVersion v = loop.registry.register(new NewModelVersion(MODEL, "cd".repeat(32), HyperParams.empty(),
                Map.of(), Lineage.manual("hand", Map.of()), null));

        LineageChain chain = new Lineages(loop.registry, JobQueue.inMemory(loop.clock), loop.pipeline.studies())
                .lineage(MODEL, v.version());

        assertThat(chain.job()).isNull();
        assertThat(chain.study()).isNull();
        assertThat(chain.decision()).isNull();
        assertThat(chain.promotion()).isNull();
        assertThat(chain.links()).extracting(LineageChain.Link::what).containsExactly("version");
    }
}
