package io.visutility.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.testing.ManualScheduler;
import io.visutility.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checks the scheduler's success path, retries and back-off with attempts run on the calling thread and
 * time moved by hand.
 */
class TrainingSchedulerRetryTest {
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final Instant t0 = clock.instant();
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final JobQueue queue = JobQueue.inMemory(clock);
    private final RecordingJobListener listener = new RecordingJobListener();
    private final List<Job> runs = new ArrayList<>();
    private final List<Instant> runTimes = new ArrayList<>();

    /** A handler that records each attempt and fails the first {@code failures} of them. */
    private JobHandler failingFirst(int failures) {
        return job -> {
            runs.add(job);
            runTimes.add(clock.instant());
            if (runs.size() <= failures) {
                throw new IllegalStateException("trainer crashed on attempt " + runs.size());
            }
        };
    }

    private TrainingScheduler scheduler(JobHandler handler, int maxAttempts, Clock schedulerClock, JobQueue jobs) {
        return TrainingScheduler.builder().queue(jobs).handler(handler).listener(listener).workers(Runnable::run)
                .timer(timer).clock(schedulerClock).maxAttempts(maxAttempts).backoff(Duration.ofSeconds(30))
                .timeout(Duration.ofMinutes(10)).build();
    }

    private TrainingScheduler scheduler(JobHandler handler, int maxAttempts) {
        return scheduler(handler, maxAttempts, clock, queue);
    }

    @Test
    void aSuccessfulJobIsQueuedStartedAndSucceededInThatOrder() {
        TrainingScheduler scheduler = scheduler(failingFirst(0), 3);

        EnqueueResult result = scheduler.submit("churn", "drift-1");

        assertThat(result).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1", "succeeded:churn#1");
        assertThat(runs).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.triggerEventId()).isEqualTo("drift-1");
        });
        assertThat(queue.find(result.job().id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(scheduler.runningCount()).isZero();
        assertThat(timer.pendingTasks()).as("the attempt's deadline is withdrawn").isZero();
    }

    @Test
    void aThrowingListenerNeitherStopsTheJobNorHoldsTheModelsSlot() {
        JobListener throwing = new JobListener() {
            @Override
            public void onStarted(Job job) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onSucceeded(Job job) {
                throw new IllegalStateException("listener bug");
            }
        };
        TrainingScheduler scheduler = TrainingScheduler.builder().queue(queue).handler(failingFirst(0))
                .listener(throwing).workers(Runnable::run).timer(timer).clock(clock).build();

        Job first = scheduler.submit("churn", null).job();

        assertThat(runs).hasSize(1);
        assertThat(queue.find(first.id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(scheduler.submit("churn", null)).as("the slot was freed").isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(runs).hasSize(2);
    }

    @Test
    void aFailedAttemptIsRetriedOnlyAfterTheBackOff() {
        TrainingScheduler scheduler = scheduler(failingFirst(1), 3);

        Job job = scheduler.submit("churn", null).job();

        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1", "failed:churn#1 retry");
        assertThat(listener.errors()).singleElement().isInstanceOf(IllegalStateException.class);
        Job waiting = queue.find(job.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(waiting.notBefore()).isEqualTo(t0.plusSeconds(30));
        assertThat(waiting.lastError()).isEqualTo("IllegalStateException: trainer crashed on attempt 1");

        timer.advance(Duration.ofSeconds(29));
        assertThat(runs).hasSize(1);

        timer.advance(Duration.ofSeconds(1));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).attempts()).isEqualTo(2);
        assertThat(listener.calls()).endsWith("started:churn#2", "succeeded:churn#2");
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
    }

    @Test
    void theBackOffDoublesAndTheLastAttemptFailsForGood() {
        TrainingScheduler scheduler = scheduler(failingFirst(Integer.MAX_VALUE), 3);

        Job job = scheduler.submit("churn", null).job();
        timer.advance(Duration.ofSeconds(30));
        assertThat(runs).hasSize(2);
        timer.advance(Duration.ofSeconds(59));
        assertThat(runs).as("the second wait is twice the first").hasSize(2);
        timer.advance(Duration.ofSeconds(1));

        assertThat(runTimes).containsExactly(t0, t0.plusSeconds(30), t0.plusSeconds(90));
        assertThat(listener.calls()).containsExactly("queued:churn",
                "started:churn#1", "failed:churn#1 retry",
                "started:churn#2", "failed:churn#2 retry",
                "started:churn#3", "failed:churn#3 final");
        Job failed = queue.find(job.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError()).contains("attempt 3");

        timer.advance(Duration.ofHours(1));
        assertThat(runs).hasSize(3);
        assertThat(timer.pendingTasks()).isZero();
        assertThat(scheduler.submit("churn", null)).isInstanceOf(EnqueueResult.Enqueued.class);
    }

    @Test
    void withOneAttemptTheFirstFailureIsFinal() {
        scheduler(failingFirst(1), 1).submit("churn", null);

        assertThat(listener.calls()).containsExactly("queued:churn", "started:churn#1", "failed:churn#1 final");
        timer.advance(Duration.ofHours(1));
        assertThat(runs).hasSize(1);
    }

    @Test
    void aSubmitWhileTheModelsJobBacksOffReturnsThatJobAndRunsNothingMore() {
        TrainingScheduler scheduler = scheduler(failingFirst(1), 3);
        Job job = scheduler.submit("churn", "drift-1").job();

        EnqueueResult again = scheduler.submit("churn", "drift-2");

        assertThat(again).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(again.job().id()).isEqualTo(job.id());
        assertThat(listener.calls()).filteredOn(c -> c.startsWith("queued")).hasSize(1);
        timer.advance(Duration.ofMinutes(5));
        assertThat(runs).hasSize(2);
        assertThat(runs).extracting(Job::triggerEventId).containsOnly("drift-1");
    }

    @Test
    void aJobCancelledWhileBackingOffNeverRunsAgain() {
        TrainingScheduler scheduler = scheduler(failingFirst(1), 3);
        Job job = scheduler.submit("churn", null).job();

        Job cancelled = scheduler.cancel(job.id());

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(listener.calls()).endsWith("cancelled:churn");
        timer.advance(Duration.ofHours(1));
        assertThat(runs).hasSize(1);
        assertThat(scheduler.submit("churn", null)).isInstanceOf(EnqueueResult.Enqueued.class);
    }

    @Test
    void aRetryStartsEvenWhenTheClockMovesBetweenReads() {
        // A real clock moves between the read that sets the retry time and the read that plans the wake-up.
        Clock realistic = new Clock() {
            @Override
            public Instant instant() {
                clock.advance(Duration.ofNanos(1_000));
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        JobQueue jobs = JobQueue.inMemory(realistic);
        AtomicInteger claims = new AtomicInteger();
        JobQueue counted = (JobQueue) Proxy.newProxyInstance(JobQueue.class.getClassLoader(),
                new Class<?>[] {JobQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claim")) {
                        claims.incrementAndGet();
                    }
                    try {
                        return method.invoke(jobs, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TrainingScheduler scheduler = scheduler(failingFirst(1), 3, realistic, counted);

        Job job = scheduler.submit("churn", null).job();
        timer.advance(Duration.ofMinutes(5));

        assertThat(runs).hasSize(2);
        assertThat(runTimes.get(1)).isAfterOrEqualTo(runTimes.get(0).plusSeconds(30));
        assertThat(jobs.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(claims.get()).as("the wake-up comes when the back-off ends, not early and polling").isLessThan(10);
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> TrainingScheduler.builder().maxAttempts(0))
                .withMessage("maxAttempts must be >= 1, was 0");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> TrainingScheduler.builder().backoff(Duration.ofSeconds(-1)))
                .withMessage("backoff must be a duration >= 0, was PT-1S");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> TrainingScheduler.builder().timeout(Duration.ZERO))
                .withMessage("timeout must be a duration > 0, was PT0S");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> TrainingScheduler.builder().concurrency(0))
                .withMessage("concurrency must be >= 1, was 0");
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> TrainingScheduler.builder().workerId(" "))
                .withMessage("workerId must not be blank, was ' '");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> TrainingScheduler.builder().lease(Duration.ofMillis(-1)))
                .withMessage("lease must be a duration > 0, was PT-0.001S");
        assertThatExceptionOfType(NullPointerException.class)
                .isThrownBy(() -> TrainingScheduler.builder().handler(j -> { }).workers(Runnable::run).timer(timer)
                        .build())
                .withMessage("queue");
    }
}
