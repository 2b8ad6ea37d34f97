package io.visutility.jobs;

import static io.visutility.jobs.JobState.CANCELLED;
import static io.visutility.jobs.JobState.FAILED;
import static io.visutility.jobs.JobState.QUEUED;
import static io.visutility.jobs.JobState.RUNNING;
import static io.visutility.jobs.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every pair of job states against the transition table written in {@link JobState}'s javadoc. */
class JobStateTest {
    /** The table as the javadoc draws it. */
    private static final Map<JobState, Set<JobState>> DOCUMENTED = Map.of(
            QUEUED, Set.of(RUNNING, CANCELLED),
            RUNNING, Set.of(SUCCEEDED, FAILED, QUEUED, CANCELLED),
            SUCCEEDED, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(JobState.values()).flatMap(from -> Arrays.stream(JobState.values())
                .map(to -> Arguments.of(from, to, DOCUMENTED.get(from).contains(to))));
    }

    /** A job in {@code state}, with a lease exactly when RUNNING. */
    private static Job jobIn(JobState state) {
        boolean running = state == RUNNING;
        return new Job("job-1", "churn", state, 1, 3, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null,
                running ? "worker-a" : null, running ? Instant.EPOCH.plusSeconds(30) : null);
    }

    /** Moves {@code job} the way a queue would: RUNNING only by a claim, which brings a lease. */
    private static Job move(Job job, JobState to, Instant at) {
        return to == RUNNING ? job.claimedBy("worker-b", at.plusSeconds(30), at) : job.moveTo(to, at);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void aMoveIsAllowedExactlyWhenTheTableSaysSo(JobState from, JobState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.allowedNext().contains(to)).isEqualTo(allowed);

        Job job = jobIn(from);
        Instant later = Instant.EPOCH.plusSeconds(60);
        if (allowed) {
            Job moved = move(job, to, later);
            assertThat(moved.state()).isEqualTo(to);
            assertThat(moved.updatedAt()).isEqualTo(later);
            assertThat(moved.leaseOwner() != null).as("a lease exactly when RUNNING").isEqualTo(to == RUNNING);
            assertThat(moved).usingRecursiveComparison()
                    .ignoringFields("state", "updatedAt", "attempts", "leaseOwner", "leaseUntil").isEqualTo(job);
        } else {
            assertThatExceptionOfType(IllegalJobTransitionException.class).isThrownBy(() -> move(job, to, later))
                    .withMessageStartingWith("job job-1 cannot move from " + from + " to " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(JobState.class)
    void onlyQueuedAndRunningJobsHoldTheModelsSlot(JobState state) {
        assertThat(state.isActive()).isEqualTo(state == QUEUED || state == RUNNING);
        assertThat(state.allowedNext()).isEqualTo(DOCUMENTED.get(state));
    }

    @Test
    void failureAndAttemptHelpersKeepTheRestOfTheJob() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Job job = Job.queued("job-1", "churn", 3, "drift-1", t).claimedBy("worker-a", t.plusSeconds(30), t);

        Job retried = job.withFailure("boom", t.plusSeconds(30));
        Job final_ = job.withFailure("boom again", null);

        assertThat(job.attempts()).isEqualTo(1);
        assertThat(retried.notBefore()).isEqualTo(t.plusSeconds(30));
        assertThat(retried.lastError()).isEqualTo("boom");
        assertThat(final_.notBefore()).isEqualTo(t);
        assertThat(job.withoutLastAttempt().attempts()).isZero();
        assertThat(job.withLeaseUntil(t.plusSeconds(50), t.plusSeconds(20)).leaseUntil()).isEqualTo(t.plusSeconds(50));
    }

    @Test
    void aLeaseIsHeldExactlyWhileRunning() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> new Job("j", "m", RUNNING, 1, 3, null, t, t, t, null, null, null))
                .withMessageContaining("must have a lease");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> new Job("j", "m", QUEUED, 1, 3, null, t, t, t, null, "w", t))
                .withMessageContaining("must not have a lease");
    }

    @Test
    void anExpiredLeaseCountsAsAFailedAttemptAndTheLastOneFailsTheJob() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Job first = Job.queued("j", "m", 2, null, t).claimedBy("worker-a", t.plusSeconds(30), t);
        assertThat(first.leaseExpired(t.plusSeconds(29))).isFalse();
        assertThat(first.leaseExpired(t.plusSeconds(30))).isTrue();

        Job requeued = first.afterLeaseExpired(t.plusSeconds(31));
        assertThat(requeued.state()).isEqualTo(QUEUED);
        assertThat(requeued.notBefore()).isEqualTo(t.plusSeconds(30));
        assertThat(requeued.lastError()).isEqualTo("lease of worker worker-a expired at 2026-01-01T00:00:30Z on attempt 1/2");

        Job second = requeued.claimedBy("worker-b", t.plusSeconds(61), t.plusSeconds(31));
        assertThat(second.heldBy(first)).as("another worker, another attempt").isFalse();
        assertThat(second.heldBy(second.withLeaseUntil(t.plusSeconds(90), t.plusSeconds(40)))).isTrue();
        assertThat(second.afterLeaseExpired(t.plusSeconds(70)).state()).isEqualTo(FAILED);
    }

    @Test
    void theRefusalSaysWhatIsAllowed() {
        assertThat(new IllegalJobTransitionException("j", SUCCEEDED, RUNNING))
                .hasMessage("job j cannot move from SUCCEEDED to RUNNING; allowed from SUCCEEDED: []")
                .isInstanceOf(SchedulerException.class);
    }
}
