package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.IllegalJobTransitionException;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link JobQueue} adapter must show: one active job per model, claims in order and
 * after back-off by the injected clock, and state changes only through the transition table.
 */
public abstract class JobQueueContract {
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    protected JobQueue queue;

    /** A new, empty queue that reads time from {@code clock}. */
    protected abstract JobQueue newQueue(Clock clock);

    @BeforeEach
    void createQueue() {
        queue = newQueue(clock);
    }

    @Test
    void enqueueCreatesAQueuedJobClaimableAtOnce() {
        EnqueueResult result = queue.enqueue("churn", "drift-1", 3);

        assertThat(result).isInstanceOf(EnqueueResult.Enqueued.class);
        Job job = result.job();
        assertThat(job.id()).isNotBlank();
        assertThat(job.model()).isEqualTo("churn");
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.maxAttempts()).isEqualTo(3);
        assertThat(job.triggerEventId()).isEqualTo("drift-1");
        assertThat(job.createdAt()).isEqualTo(clock.instant());
        assertThat(job.notBefore()).isEqualTo(clock.instant());
        assertThat(job.lastError()).isNull();
        assertThat(queue.find(job.id())).contains(job);
        assertThat(queue.active("churn")).contains(job);
        assertThat(queue.nextClaimableAt()).contains(clock.instant());
    }

    @Test
    void aModelWithAnActiveJobGetsThatJobBackAndNoNewOne() {
        Job queued = queue.enqueue("churn", "drift-1", 3).job();

        EnqueueResult again = queue.enqueue("churn", "drift-2", 3);
        assertThat(again).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(again.job()).isEqualTo(queued);

        Job running = queue.claim().orElseThrow();
        EnqueueResult whileRunning = queue.enqueue("churn", "drift-3", 3);
        assertThat(whileRunning).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(whileRunning.job()).isEqualTo(running);

        assertThat(queue.list("churn")).extracting(Job::id).containsExactly(queued.id());
    }

    @Test
    void anotherModelIsIndependent() {
        Job churn = queue.enqueue("churn", null, 3).job();

        EnqueueResult fraud = queue.enqueue("fraud", null, 3);

        assertThat(fraud).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(fraud.job().id()).isNotEqualTo(churn.id());
        assertThat(queue.active("fraud")).contains(fraud.job());
        assertThat(queue.active("churn")).contains(churn);
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(JobState.SUCCEEDED, (Function<JobQueue, Consumer<String>>) q -> q::succeed),
                Arguments.of(JobState.FAILED, (Function<JobQueue, Consumer<String>>) q -> id -> q.fail(id, "boom", null)),
                Arguments.of(JobState.CANCELLED, (Function<JobQueue, Consumer<String>>) q -> q::cancel));
    }

    @ParameterizedTest
    @MethodSource("endings")
    void aFinishedJobFreesItsModelsSlot(JobState end, Function<JobQueue, Consumer<String>> finish) {
        Job first = queue.enqueue("churn", null, 3).job();
        queue.claim();
        finish.apply(queue).accept(first.id());

        assertThat(queue.find(first.id())).map(Job::state).contains(end);
        assertThat(queue.active("churn")).isEmpty();
        EnqueueResult next = queue.enqueue("churn", null, 3);
        assertThat(next).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(next.job().id()).isNotEqualTo(first.id());
        assertThat(queue.list("churn")).extracting(Job::id).containsExactly(first.id(), next.job().id());
    }

    @Test
    void claimTakesTheOldestJobFirstAndCountsTheAttempt() {
        assertThat(queue.claim()).isEmpty();
        Job a = queue.enqueue("a", null, 3).job();
        clock.advance(Duration.ofSeconds(1));
        Job b = queue.enqueue("b", null, 3).job();
        clock.advance(Duration.ofSeconds(1));
        Job c = queue.enqueue("c", null, 3).job();
        clock.advance(Duration.ofSeconds(1));

        Job claimed = queue.claim().orElseThrow();
        assertThat(claimed.id()).isEqualTo(a.id());
        assertThat(claimed.state()).isEqualTo(JobState.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.updatedAt()).isEqualTo(clock.instant());
        assertThat(queue.find(a.id())).contains(claimed);
        assertThat(queue.claim()).map(Job::id).contains(b.id());
        assertThat(queue.claim()).map(Job::id).contains(c.id());
        assertThat(queue.claim()).isEmpty();
    }

    @Test
    void aFailedAttemptWithARetryTimeIsClaimableOnlyFromThen() {
        Job job = queue.enqueue("churn", "drift-1", 3).job();
        queue.claim();
        Instant retryAt = clock.instant().plus(Duration.ofSeconds(30));

        Job failed = queue.fail(job.id(), "trainer crashed", retryAt);

        assertThat(failed.state()).isEqualTo(JobState.QUEUED);
        assertThat(failed.lastError()).isEqualTo("trainer crashed");
        assertThat(failed.notBefore()).isEqualTo(retryAt);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(queue.active("churn")).map(Job::id).contains(job.id());
        assertThat(queue.nextClaimableAt()).contains(retryAt);
        assertThat(queue.claim()).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(queue.claim()).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        Job second = queue.claim().orElseThrow();
        assertThat(second.id()).isEqualTo(job.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void aJobBackingOffDoesNotHoldUpOthers() {
        Job slow = queue.enqueue("slow", null, 3).job();
        queue.claim();
        queue.fail(slow.id(), "boom", clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofSeconds(1));
        Job other = queue.enqueue("other", null, 3).job();

        assertThat(queue.claim()).map(Job::id).contains(other.id());
        assertThat(queue.claim()).isEmpty();
        assertThat(queue.nextClaimableAt()).contains(Instant.parse("2026-03-01T12:05:00Z"));
    }

    @Test
    void failingWithoutARetryTimeFailsForGood() {
        Job job = queue.enqueue("churn", null, 1).job();
        queue.claim();

        Job failed = queue.fail(job.id(), "out of memory", null);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError()).isEqualTo("out of memory");
        assertThat(queue.find(job.id())).contains(failed);
        clock.advance(Duration.ofDays(1));
        assertThat(queue.claim()).isEmpty();
        assertThat(queue.nextClaimableAt()).isEmpty();
    }

    @Test
    void attemptsAreCountedAcrossRetries() {
        Job job = queue.enqueue("churn", null, 5).job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job claimed = queue.claim().orElseThrow();
            assertThat(claimed.attempts()).isEqualTo(attempt);
            queue.fail(job.id(), "attempt " + attempt, clock.instant());
        }
        assertThat(queue.find(job.id())).map(Job::lastError).contains("attempt 3");
        assertThat(queue.succeed(queue.claim().orElseThrow().id()).attempts()).isEqualTo(4);
    }

    @Test
    void succeedMarksARunningJobDone() {
        Job job = queue.enqueue("churn", null, 3).job();
        queue.claim();
        clock.advance(Duration.ofMinutes(2));

        Job done = queue.succeed(job.id());

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.updatedAt()).isEqualTo(clock.instant());
        assertThat(done.createdAt()).isEqualTo(job.createdAt());
        assertThat(queue.find(job.id())).contains(done);
    }

    @Test
    void cancelStopsAQueuedOrARunningJob() {
        Job queued = queue.enqueue("a", null, 3).job();
        assertThat(queue.cancel(queued.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(queue.claim()).isEmpty();

        queue.enqueue("b", null, 3);
        Job running = queue.claim().orElseThrow();
        assertThat(queue.cancel(running.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(queue.active("b")).isEmpty();
    }

    /** A way to bring a fresh job of model "m" into a given state. */
    private Job jobIn(JobState state) {
        Job job = queue.enqueue("m", null, 3).job();
        if (state == JobState.QUEUED) {
            return job;
        }
        queue.claim();
        return switch (state) {
            case RUNNING -> queue.find(job.id()).orElseThrow();
            case SUCCEEDED -> queue.succeed(job.id());
            case FAILED -> queue.fail(job.id(), "boom", null);
            case CANCELLED -> queue.cancel(job.id());
            case QUEUED -> throw new AssertionError("handled above");
        };
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"QUEUED", "SUCCEEDED", "FAILED", "CANCELLED"})
    void succeedingAJobThatIsNotRunningIsRefusedAndChangesNothing(JobState state) {
        Job job = jobIn(state);
        clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(IllegalJobTransitionException.class).isThrownBy(() -> queue.succeed(job.id()))
                .withMessageContaining(job.id()).withMessageContaining(state.name());

        assertThat(queue.find(job.id())).contains(job);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"QUEUED", "SUCCEEDED", "FAILED", "CANCELLED"})
    void failingAJobThatIsNotRunningIsRefusedAndChangesNothing(JobState state) {
        Job job = jobIn(state);
        clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(IllegalJobTransitionException.class)
                .isThrownBy(() -> queue.fail(job.id(), "late", clock.instant()));
        assertThatExceptionOfType(IllegalJobTransitionException.class)
                .isThrownBy(() -> queue.fail(job.id(), "late", null));

        assertThat(queue.find(job.id())).contains(job);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void cancellingAFinishedJobIsRefusedAndChangesNothing(JobState state) {
        Job job = jobIn(state);
        clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(IllegalJobTransitionException.class).isThrownBy(() -> queue.cancel(job.id()))
                .withMessageContaining(job.id());

        assertThat(queue.find(job.id())).contains(job);
        assertThat(queue.active("m")).isEmpty();
    }

    @Test
    void unknownJobIdsAreRefused() {
        String unknown = "no-such-job";
        assertThat(queue.find(unknown)).isEmpty();
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.succeed(unknown))
                .withMessageContaining(unknown);
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.fail(unknown, "x", null))
                .withMessageContaining(unknown);
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.cancel(unknown))
                .withMessageContaining(unknown);
    }

    @Test
    void nextClaimableAtIsTheEarliestQueuedTime() {
        assertThat(queue.nextClaimableAt()).isEmpty();
        Job a = queue.enqueue("a", null, 3).job();
        queue.claim();
        assertThat(queue.nextClaimableAt()).isEmpty();

        queue.fail(a.id(), "boom", clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(queue.nextClaimableAt()).contains(Instant.parse("2026-03-01T12:10:00Z"));

        clock.advance(Duration.ofMinutes(1));
        queue.enqueue("b", null, 3);
        assertThat(queue.nextClaimableAt()).contains(Instant.parse("2026-03-01T12:01:00Z"));
    }

    @Test
    void listShowsEveryJobOldestFirstPerModelOrAll() {
        Job a1 = queue.enqueue("a", null, 3).job();
        clock.advance(Duration.ofSeconds(1));
        Job b1 = queue.enqueue("b", null, 3).job();
        queue.cancel(a1.id());
        clock.advance(Duration.ofSeconds(1));
        Job a2 = queue.enqueue("a", null, 3).job();

        assertThat(queue.list("a")).extracting(Job::id).containsExactly(a1.id(), a2.id());
        assertThat(queue.list("b")).extracting(Job::id).containsExactly(b1.id());
        assertThat(queue.list(null)).extracting(Job::id).containsExactly(a1.id(), b1.id(), a2.id());
        assertThat(queue.list("nobody")).isEmpty();
        assertThat(queue.active("nobody")).isEmpty();
    }

    @Test
    void concurrentEnqueuesForAModelMakeOneJob() {
        // Every thread asks for the same 200 models in the same order, so each model is a fresh race.
        List<String> models = IntStream.range(0, 200).mapToObj(i -> "model-" + i).toList();
        List<List<EnqueueResult>> results = Concurrently.run(4, thread -> models.stream()
                .map(model -> queue.enqueue(model, "t" + thread, 3)).toList());

        for (int m = 0; m < models.size(); m++) {
            int index = m;
            List<EnqueueResult> forModel = results.stream().map(list -> list.get(index)).toList();
            assertThat(forModel).as(models.get(m)).filteredOn(r -> r instanceof EnqueueResult.Enqueued).hasSize(1);
            assertThat(forModel).extracting(r -> r.job().id()).as(models.get(m))
                    .containsOnly(queue.active(models.get(m)).orElseThrow().id());
            assertThat(queue.list(models.get(m))).hasSize(1);
        }
    }

    @Test
    void concurrentClaimsTakeEachJobOnce() {
        for (int i = 0; i < 40; i++) {
            queue.enqueue("model-" + i, null, 3);
        }

        List<List<Job>> claimed = Concurrently.run(4, thread -> Stream.generate(queue::claim)
                .takeWhile(Optional::isPresent).map(Optional::get).toList());

        Set<String> ids = new HashSet<>();
        claimed.forEach(list -> list.forEach(job -> assertThat(ids.add(job.id())).as("claimed twice").isTrue()));
        assertThat(ids).hasSize(40);
        assertThat(queue.list(null)).extracting(Job::state).containsOnly(JobState.RUNNING);
    }
}
