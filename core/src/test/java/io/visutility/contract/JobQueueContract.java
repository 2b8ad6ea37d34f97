package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.IllegalJobTransitionException;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.registry.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link JobQueue} adapter must show: one active job per model, claims in order and
 * after back-off by the injected clock, state changes only through the transition table, clear refusals
 * of bad input, and (in {@link JobQueueLeaseContract}) leases with fencing.
 */
public abstract class JobQueueContract extends JobQueueLeaseContract {

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

        Job running = claim("worker");
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
                Arguments.of(JobState.SUCCEEDED, (BiFunction<JobQueue, Job, Job>) JobQueue::succeed),
                Arguments.of(JobState.FAILED, (BiFunction<JobQueue, Job, Job>) (q, j) -> q.fail(j, "boom", null)),
                Arguments.of(JobState.CANCELLED, (BiFunction<JobQueue, Job, Job>) (q, j) -> q.cancel(j.id())));
    }

    @ParameterizedTest
    @MethodSource("endings")
    void aFinishedJobFreesItsModelsSlot(JobState end, BiFunction<JobQueue, Job, Job> finish) {
        Job first = queue.enqueue("churn", null, 3).job();
        finish.apply(queue, claim("worker"));

        assertThat(queue.find(first.id())).map(Job::state).contains(end);
        assertThat(queue.active("churn")).isEmpty();
        EnqueueResult next = queue.enqueue("churn", null, 3);
        assertThat(next).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(next.job().id()).isNotEqualTo(first.id());
        assertThat(queue.list("churn")).extracting(Job::id).containsExactly(first.id(), next.job().id());
    }

    @Test
    void claimTakesTheOldestJobFirstAndCountsTheAttempt() {
        assertThat(queue.claim("worker", LEASE)).isEmpty();
        Job a = queue.enqueue("a", null, 3).job();
        clock.advance(Duration.ofSeconds(1));
        Job b = queue.enqueue("b", null, 3).job();
        clock.advance(Duration.ofSeconds(1));
        Job c = queue.enqueue("c", null, 3).job();
        clock.advance(Duration.ofSeconds(1));

        Job claimed = claim("worker");
        assertThat(claimed.id()).isEqualTo(a.id());
        assertThat(claimed.state()).isEqualTo(JobState.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.updatedAt()).isEqualTo(clock.instant());
        assertThat(queue.find(a.id())).contains(claimed);
        assertThat(claim("worker").id()).isEqualTo(b.id());
        assertThat(claim("worker").id()).isEqualTo(c.id());
        assertThat(queue.claim("worker", LEASE)).isEmpty();
    }

    @Test
    void aFailedAttemptWithARetryTimeIsClaimableOnlyFromThen() {
        Job job = queue.enqueue("churn", "drift-1", 3).job();
        Job claimed = claim("worker");
        Instant retryAt = clock.instant().plus(Duration.ofSeconds(30));

        Job failed = queue.fail(claimed, "trainer crashed", retryAt);

        assertThat(failed.state()).isEqualTo(JobState.QUEUED);
        assertThat(failed.lastError()).isEqualTo("trainer crashed");
        assertThat(failed.notBefore()).isEqualTo(retryAt);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.leaseOwner()).isNull();
        assertThat(queue.active("churn")).map(Job::id).contains(job.id());
        assertThat(queue.nextClaimableAt()).contains(retryAt);
        assertThat(queue.claim("worker", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(queue.claim("worker", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        Job second = claim("worker");
        assertThat(second.id()).isEqualTo(job.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void aJobBackingOffDoesNotHoldUpOthers() {
        queue.enqueue("slow", null, 3);
        queue.fail(claim("worker"), "boom", clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofSeconds(1));
        Job other = queue.enqueue("other", null, 3).job();

        assertThat(claim("worker").id()).isEqualTo(other.id());
        assertThat(queue.claim("worker", LEASE)).isEmpty();
        assertThat(queue.nextClaimableAt()).as("the running job's lease ends first")
                .contains(clock.instant().plus(LEASE));
    }

    @Test
    void failingWithoutARetryTimeFailsForGood() {
        Job job = queue.enqueue("churn", null, 1).job();

        Job failed = queue.fail(claim("worker"), "out of memory", null);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError()).isEqualTo("out of memory");
        assertThat(queue.find(job.id())).contains(failed);
        clock.advance(Duration.ofDays(1));
        assertThat(queue.claim("worker", LEASE)).isEmpty();
        assertThat(queue.nextClaimableAt()).isEmpty();
    }

    @Test
    void attemptsAreCountedAcrossRetries() {
        Job job = queue.enqueue("churn", null, 5).job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job claimed = claim("worker");
            assertThat(claimed.attempts()).isEqualTo(attempt);
            queue.fail(claimed, "attempt " + attempt, clock.instant());
        }
        assertThat(queue.find(job.id())).map(Job::lastError).contains("attempt 3");
        assertThat(queue.succeed(claim("worker")).attempts()).isEqualTo(4);
    }

    @Test
    void succeedMarksARunningJobDone() {
        Job job = queue.enqueue("churn", null, 3).job();
        Job claimed = claim("worker");
        clock.advance(Duration.ofMinutes(2));

        Job done = queue.succeed(claimed);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.updatedAt()).isEqualTo(clock.instant());
        assertThat(done.createdAt()).isEqualTo(job.createdAt());
        assertThat(queue.find(job.id())).contains(done);
    }

    @Test
    void cancelStopsAQueuedOrARunningJob() {
        Job queued = queue.enqueue("a", null, 3).job();
        assertThat(queue.cancel(queued.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(queue.claim("worker", LEASE)).isEmpty();

        queue.enqueue("b", null, 3);
        Job running = claim("worker");
        Job cancelled = queue.cancel(running.id());
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.leaseOwner()).isNull();
        assertThat(queue.active("b")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void cancellingAFinishedJobIsRefusedAndChangesNothing(JobState state) {
        queue.enqueue("m", null, 3);
        Job claimed = claim("worker");
        Job job = switch (state) {
            case SUCCEEDED -> queue.succeed(claimed);
            case FAILED -> queue.fail(claimed, "boom", null);
            default -> queue.cancel(claimed.id());
        };
        clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(IllegalJobTransitionException.class).isThrownBy(() -> queue.cancel(job.id()))
                .withMessageContaining(job.id());

        assertThat(queue.find(job.id())).contains(job);
        assertThat(queue.active("m")).isEmpty();
    }

    @Test
    void unknownJobIdsAreRefused() {
        String unknown = "no-such-job";
        Instant t = clock.instant();
        Job ghost = new Job(unknown, "m", JobState.RUNNING, 1, 3, null, t, t, t, null, "worker", t.plus(LEASE));
        assertThat(queue.find(unknown)).isEmpty();
        for (Runnable call : List.<Runnable>of(() -> queue.succeed(ghost), () -> queue.fail(ghost, "x", null),
                () -> queue.heartbeat(ghost, LEASE), () -> queue.release(ghost, "x"), () -> queue.cancel(unknown))) {
            assertThatExceptionOfType(SchedulerException.class).isThrownBy(call::run).withMessageContaining(unknown);
        }
        assertThat(queue.list(null)).isEmpty();
    }

    @Test
    void nextClaimableAtIsTheEarliestBackOffOrLeaseEnd() {
        assertThat(queue.nextClaimableAt()).isEmpty();
        queue.enqueue("a", null, 3);
        Job a = claim("worker");
        assertThat(queue.nextClaimableAt()).contains(a.leaseUntil());

        queue.fail(a, "boom", clock.instant().plus(Duration.ofMinutes(10)));
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
    void badInputIsRefusedNamingTheFieldAndValueAndStoresNothing() {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> queue.enqueue("../x", null, 3))
                .withMessageContaining("model").withMessageContaining("../x");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.enqueue("churn", null, 0))
                .withMessage("maxAttempts must be >= 1, was 0");
        assertThat(queue.list(null)).isEmpty();

        Job queued = queue.enqueue("churn", null, 3).job();
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.claim(null, LEASE))
                .withMessage("worker must not be blank, was null");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.claim(" ", LEASE))
                .withMessage("worker must not be blank, was ' '");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.claim("w", Duration.ZERO))
                .withMessage("lease must be a duration > 0, was PT0S");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.claim("w", Duration.ofSeconds(-5)))
                .withMessage("lease must be a duration > 0, was PT-5S");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.succeed(queued))
                .withMessageContaining("claimed job must be a RUNNING job").withMessageContaining("QUEUED");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.succeed(null))
                .withMessage("claimed job must not be null");
        assertThat(queue.find(queued.id())).as("nothing was claimed").contains(queued);

        Job claimed = claim("w");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.heartbeat(claimed, null))
                .withMessage("lease must be a duration > 0, was null");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.fail(claimed, " ", null))
                .withMessage("error must not be blank, was ' '");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.release(claimed, null))
                .withMessage("reason must not be blank, was null");
        assertThat(queue.find(claimed.id())).contains(claimed);
    }

    @Test
    void concurrentEnqueuesForAModelMakeOneJob() {
        // Every thread asks for the same 200 models in the same order, so each model is a fresh race.
        List<String> models = IntStream.range(0, 200).mapToObj(i -> "model-" + i).toList();
        List<List<EnqueueResult>> results = Concurrently.run(8, thread -> models.stream()
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
    void concurrentClaimsByManyWorkersTakeEachJobOnce() {
        for (int i = 0; i < 40; i++) {
            queue.enqueue("model-" + i, null, 3);
        }

        List<List<Job>> claimed = Concurrently.run(8, thread -> Stream.generate(() -> queue.claim("w" + thread, LEASE))
                .takeWhile(Optional::isPresent).map(Optional::get).toList());

        Set<String> ids = new HashSet<>();
        for (int thread = 0; thread < claimed.size(); thread++) {
            for (Job job : claimed.get(thread)) {
                assertThat(ids.add(job.id())).as("claimed twice").isTrue();
                assertThat(queue.find(job.id())).as("stored under the claiming worker").contains(job);
                assertThat(job.leaseOwner()).isEqualTo("w" + thread);
            }
        }
        assertThat(ids).hasSize(40);
        assertThat(queue.list(null)).extracting(Job::state).containsOnly(JobState.RUNNING);
    }
}
