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

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void aMoveIsAllowedExactlyWhenTheTableSaysSo(JobState from, JobState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.allowedNext().contains(to)).isEqualTo(allowed);

        Job job = new Job("job-1", "churn", from, 1, 3, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null);
        Instant later = Instant.EPOCH.plusSeconds(60);
        if (allowed) {
            Job moved = job.moveTo(to, later);
            assertThat(moved.state()).isEqualTo(to);
            assertThat(moved.updatedAt()).isEqualTo(later);
            assertThat(moved).usingRecursiveComparison().ignoringFields("state", "updatedAt").isEqualTo(job);
        } else {
            assertThatExceptionOfType(IllegalJobTransitionException.class).isThrownBy(() -> job.moveTo(to, later))
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
        Job job = new Job("job-1", "churn", RUNNING, 1, 3, "drift-1", t, t, t, null);

        Job retried = job.withFailure("boom", t.plusSeconds(30));
        Job final_ = job.withFailure("boom again", null);

        assertThat(retried.notBefore()).isEqualTo(t.plusSeconds(30));
        assertThat(retried.lastError()).isEqualTo("boom");
        assertThat(final_.notBefore()).isEqualTo(t);
        assertThat(job.withAttemptStarted().attempts()).isEqualTo(2);
        assertThat(job.attempts()).isEqualTo(1);
    }

    @Test
    void theRefusalSaysWhatIsAllowed() {
        assertThat(new IllegalJobTransitionException("j", SUCCEEDED, RUNNING))
                .hasMessage("job j cannot move from SUCCEEDED to RUNNING; allowed from SUCCEEDED: []")
                .isInstanceOf(SchedulerException.class);
    }
}
