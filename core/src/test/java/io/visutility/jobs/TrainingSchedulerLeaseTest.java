package io.visutility.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.visutility.testing.HeldExecutor;
import io.visutility.testing.ManualScheduler;
import io.visutility.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers, two workers, one queue: heartbeats keep a live worker's job, a worker that stops
 * beating loses it to the other once the lease runs out, and the loser's late word is refused.
 */
class TrainingSchedulerLeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final JobQueue queue = JobQueue.inMemory(clock);
    private final ManualScheduler timerA = new ManualScheduler(clock);
    private final ManualScheduler timerB = new ManualScheduler(clock);
    private final HeldExecutor workersA = new HeldExecutor();
    private final RecordingJobListener listenerA = new RecordingJobListener();
    private final RecordingJobListener listenerB = new RecordingJobListener();
    private final List<String> runs = new CopyOnWriteArrayList<>();

    private TrainingScheduler.Builder scheduler(String worker, ManualScheduler timer, RecordingJobListener listener) {
        return TrainingScheduler.builder().queue(queue).workerId(worker).lease(LEASE).timer(timer).clock(clock)
                .listener(listener).maxAttempts(3).backoff(Duration.ofSeconds(30)).timeout(Duration.ofHours(2))
                .handler(job -> runs.add(worker + "#" + job.attempts()));
    }

    private TrainingScheduler workerA() {
        return scheduler("worker-a", timerA, listenerA).workers(workersA).build();
    }

    private TrainingScheduler workerB() {
        return scheduler("worker-b", timerB, listenerB).workers(Runnable::run).build();
    }

    @Test
    void heartbeatsKeepALongJobsLeaseAliveSoNoOtherWorkerTakesIt() {
        Job job = workerA().submit("churn", null).job();
        TrainingScheduler b = workerB();
        b.pump();

        for (int step = 0; step < 90; step++) {
            timerA.advance(Duration.ofSeconds(10));
            timerB.advance(Duration.ZERO);
            Job stored = queue.find(job.id()).orElseThrow();
            assertThat(stored.leaseOwner()).isEqualTo("worker-a");
            assertThat(stored.leaseUntil()).isAfter(clock.instant());
        }
        assertThat(b.runningCount()).isZero();
        workersA.runAll();

        assertThat(runs).containsExactly("worker-a#1");
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(listenerA.calls()).containsExactly("queued:churn", "started:churn#1", "succeeded:churn#1");
        assertThat(listenerB.calls()).isEmpty();
    }

    @Test
    void aDeadWorkersJobIsTakenOverAfterItsLeaseAndFinishesOnce() {
        TrainingScheduler a = workerA();
        Job job = a.submit("churn", "drift-1").job();
        TrainingScheduler b = workerB();
        b.pump();
        // Worker A is dead: its handler never returns and its timer never beats.
        timerB.advance(LEASE.minusSeconds(1));
        assertThat(runs).isEmpty();

        timerB.advance(Duration.ofSeconds(1));

        assertThat(runs).containsExactly("worker-b#2");
        Job done = queue.find(job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.lastError()).contains("lease of worker worker-a expired");
        assertThat(listenerB.calls()).containsExactly("started:churn#2", "succeeded:churn#2");

        workersA.runAll();

        assertThat(runs).as("A's late attempt ran").containsExactly("worker-b#2", "worker-a#1");
        assertThat(queue.list("churn")).containsExactly(done);
        assertThat(listenerA.calls()).as("A is never told its attempt succeeded")
                .containsExactly("queued:churn", "started:churn#1");
        assertThat(a.runningCount()).isZero();
    }

    @Test
    void aRefusedHeartbeatInterruptsTheRunningAttempt() {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        try {
            TrainingScheduler a = scheduler("worker-a", timerA, listenerA).workers(thread).handler(job -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
            }).build();
            Job job = a.submit("churn", null).job();
            await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
            // A's heartbeats stall past the lease; B takes the job; then A's timer catches up.
            TrainingScheduler b = workerB();
            clock.advance(LEASE);
            b.pump();
            timerA.advance(Duration.ZERO);

            await().atMost(Duration.ofSeconds(10)).untilTrue(interrupted);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.runningCount() == 0);
            assertThat(listenerA.calls()).containsExactly("queued:churn", "started:churn#1");
            assertThat(queue.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
            assertThat(runs).containsExactly("worker-b#2");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void whenItsOwnHeartbeatsFailTheSchedulerReclaimsTheJobAndDropsTheStaleAttempt() {
        JobQueue flaky = (JobQueue) Proxy.newProxyInstance(JobQueue.class.getClassLoader(),
                new Class<?>[] {JobQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("heartbeat")) {
                        throw new IllegalStateException("queue out of reach");
                    }
                    try {
                        return method.invoke(queue, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TrainingScheduler a = scheduler("worker-a", timerA, listenerA).queue(flaky).workers(workersA)
                .concurrency(2).build();
        Job job = a.submit("churn", null).job();

        timerA.advance(LEASE);

        assertThat(a.runningCount()).isEqualTo(1);
        assertThat(queue.find(job.id())).map(Job::attempts).contains(2);
        workersA.runAll();
        assertThat(runs).as("only the fresh attempt runs").containsExactly("worker-a#2");
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
        assertThat(listenerA.calls()).containsExactly("queued:churn", "started:churn#1", "started:churn#2",
                "succeeded:churn#2");
        assertThat(a.runningCount()).isZero();
    }

    @Test
    void aJobCancelledElsewhereStopsAtTheNextHeartbeat() {
        TrainingScheduler a = workerA();
        Job job = a.submit("churn", null).job();

        queue.cancel(job.id());
        timerA.advance(LEASE.dividedBy(3));
        workersA.runAll();

        assertThat(runs).as("the abandoned attempt never starts").isEmpty();
        assertThat(a.runningCount()).isZero();
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.CANCELLED);
        assertThat(timerA.pendingTasks()).isZero();
    }

    @Test
    void aJobReleasedOnCloseIsTakenAtOnceByAnotherWorkerWithoutLosingAnAttempt() {
        TrainingScheduler a = workerA();
        Job job = a.submit("churn", null).job();

        a.close();
        workerB().pump();

        assertThat(runs).containsExactly("worker-b#1");
        assertThat(queue.find(job.id())).map(Job::state).contains(JobState.SUCCEEDED);
    }
}
