package io.visutility.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.testing.ManualScheduler;
import io.visutility.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks timeouts, cancellation, the concurrency limit and single-flight while attempts are running: the
 * workers only queue each attempt, and the test decides when it runs.
 */
class TrainingSchedulerRunningJobsTest {
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final JobQueue queue = JobQueue.inMemory(clock);
    private final RecordingJobListener listener = new RecordingJobListener();
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final List<Job> runs = new ArrayList<>();

    private TrainingScheduler scheduler(int concurrency) {
        return TrainingScheduler.builder().queue(queue).handler(runs::add).listener(listener).workers(work::add)
                .timer(timer).clock(clock).maxAttempts(3).backoff(Duration.ofSeconds(30))
                .timeout(Duration.ofMinutes(10)).concurrency(concurrency).build();
    }

    /** Runs the oldest attempt handed to the workers. */
    private void runNextAttempt() {
        work.removeFirst().run();
    }

    @Test
    void anAttemptThatRunsPastTheTimeoutFailsAndIsRetried() {
        TrainingScheduler scheduler = scheduler(1);
        Job job = scheduler.submit("churn", null).job();
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.RUNNING);

        timer.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1");

        timer.advance(Duration.ofSeconds(1));
        assertThat(listener.calls()).endsWith("failed:churn#1 retry");
        assertThat(listener.errors()).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("timed out"));
        Job waiting = queue.find(job.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(waiting.lastError()).contains("timed out after PT10M");
        assertThat(scheduler.runningCount()).isZero();

        runNextAttempt();
        assertThat(runs).as("the timed-out attempt never starts late").isEmpty();

        timer.advance(Duration.ofSeconds(30));
        assertThat(listener.calls()).endsWith("started:churn#2");
        runNextAttempt();
        assertThat(runs).singleElement().extracting(Job::attempts).isEqualTo(2);
        assertThat(listener.calls()).endsWith("succeeded:churn#2");
    }

    @Test
    void cancellingARunningJobStopsItAndFreesTheModel() {
        TrainingScheduler scheduler = scheduler(1);
        Job job = scheduler.submit("churn", null).job();

        Job cancelled = scheduler.cancel(job.id());

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.CANCELLED);
        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1", "cancelled:churn");
        assertThat(scheduler.runningCount()).isZero();
        assertThat(timer.pendingTasks()).as("no timeout left for a cancelled attempt").isZero();

        runNextAttempt();
        timer.advance(Duration.ofHours(1));
        assertThat(runs).isEmpty();
        assertThat(scheduler.submit("churn", null)).isInstanceOf(EnqueueResult.Enqueued.class);
    }

    @Test
    void withConcurrencyOneASecondModelWaitsForTheFirst() {
        TrainingScheduler scheduler = scheduler(1);
        Job a = scheduler.submit("a", null).job();
        Job b = scheduler.submit("b", null).job();

        assertThat(work).hasSize(1);
        assertThat(scheduler.runningCount()).isEqualTo(1);
        assertThat(queue.find(b.id())).map(Job::state).contains(JobState.QUEUED);
        timer.advance(Duration.ofMinutes(5));
        assertThat(work).hasSize(1);

        runNextAttempt();
        assertThat(queue.find(a.id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(queue.find(b.id())).map(Job::state).contains(JobState.RUNNING);
        assertThat(work).hasSize(1);
        runNextAttempt();

        assertThat(runs).extracting(Job::model).containsExactly("a", "b");
        assertThat(listener.calls()).containsExactly("queued:a", "started:a#1", "queued:b", "succeeded:a#1",
                "started:b#1", "succeeded:b#1");
    }

    @Test
    void withConcurrencyTwoTwoModelsRunAtOnceAndAThirdWaits() {
        TrainingScheduler scheduler = scheduler(2);
        scheduler.submit("a", null);
        scheduler.submit("b", null);
        Job c = scheduler.submit("c", null).job();

        assertThat(work).hasSize(2);
        assertThat(scheduler.runningCount()).isEqualTo(2);
        assertThat(queue.find(c.id())).map(Job::state).contains(JobState.QUEUED);

        runNextAttempt();
        assertThat(work).hasSize(2);
        assertThat(queue.find(c.id())).map(Job::state).contains(JobState.RUNNING);
    }

    @Test
    void aSubmitForAModelWithARunningJobReturnsItAndStartsNoSecondAttempt() {
        TrainingScheduler scheduler = scheduler(2);
        Job job = scheduler.submit("churn", "drift-1").job();

        EnqueueResult again = scheduler.submit("churn", "drift-2");

        assertThat(again).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(again.job().id()).isEqualTo(job.id());
        assertThat(again.job().state()).isEqualTo(JobState.RUNNING);
        assertThat(work).hasSize(1);
        runNextAttempt();
        assertThat(runs).hasSize(1);
        assertThat(work).isEmpty();
        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1", "succeeded:churn#1");
    }

    @Test
    void closeInterruptsEveryRunningAttemptGivesItsJobBackAndStartsNothingMore() {
        TrainingScheduler scheduler = scheduler(2);
        Job a = scheduler.submit("a", null).job();
        Job b = scheduler.submit("b", null).job();

        scheduler.close();
        Job c = scheduler.submit("c", null).job();
        timer.advance(Duration.ofHours(1));

        assertThat(scheduler.runningCount()).isZero();
        assertThat(listener.calls()).as("a release is not a failure").noneMatch(call -> call.startsWith("failed"));
        for (Job job : List.of(a, b, c)) {
            Job stored = queue.find(job.id()).orElseThrow();
            assertThat(stored.state()).isEqualTo(JobState.QUEUED);
            assertThat(stored.attempts()).as("the interrupted attempt is not counted").isZero();
            assertThat(stored.notBefore()).as("claimable at once by another worker").isBeforeOrEqualTo(clock.instant());
        }
        assertThat(queue.find(a.id()).orElseThrow().lastError()).contains(scheduler.workerId()).contains("shut down");
        runNextAttempt();
        runNextAttempt();
        assertThat(runs).as("interrupted attempts do not run").isEmpty();
        assertThat(work).isEmpty();
        assertThat(timer.pendingTasks()).as("no heartbeat or deadline outlives the scheduler").isZero();
    }
}
