package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.contract.Concurrently;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobListener;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.LeaseLostException;
import io.visutility.jobs.TrainingScheduler;
import io.visutility.testing.HeldExecutor;
import io.visutility.testing.ManualScheduler;
import io.visutility.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The job queue across stores open on one database, as separate processes would be: every claim goes
 * to exactly one worker, and a dead worker's job is taken over by another store's worker once its lease
 * runs out and finishes once. Each backend's test supplies a way to open the same database again.
 */
abstract class JobQueueDurabilityContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int THREADS = 8;
    private static final int JOBS = 250;
    private static final int ATTEMPTS = 3;

    private final MutableClock clock = MutableClock.atEpochOfTests();

    /** Opens the store under test, reading time from {@code clock}; every call opens the same database. */
    protected abstract Store open(Clock clock);

    @Test
    void eightWorkersOnTwoStoresClaimEveryAttemptOfEveryJobExactlyOnce() {
        try (Store first = open(clock); Store second = open(clock)) {
            List<JobQueue> queues = List.of(first.jobs(), second.jobs());
            for (int i = 0; i < JOBS; i++) {
                queues.get(i % 2).enqueue("model-" + i, null, ATTEMPTS);
            }
            AtomicInteger finished = new AtomicInteger();

            // Each worker fails every attempt but the last, so each job is claimed ATTEMPTS times.
            List<List<String>> claims = Concurrently.run(THREADS, thread -> {
                JobQueue queue = queues.get(thread % 2);
                List<String> mine = new ArrayList<>();
                while (finished.get() < JOBS) {
                    queue.claim("worker-" + thread, LEASE).ifPresent(job -> {
                        mine.add(job.id() + "#" + job.attempts());
                        if (job.attempts() < ATTEMPTS) {
                            queue.fail(job, "attempt " + job.attempts() + " failed", clock.instant());
                        } else {
                            queue.succeed(job);
                            finished.incrementAndGet();
                        }
                    });
                }
                return mine;
            });

            Map<String, Long> perAttempt = claims.stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perAttempt).hasSize(JOBS * ATTEMPTS);
            assertThat(perAttempt.values()).as("no attempt claimed twice").containsOnly(1L);
            // How the claims spread over the threads is the scheduler's business (on SQLite one store's writers
            // can keep the lock from the other's for a while); that several threads claimed is what matters.
            assertThat(claims).as("the work was shared").filteredOn(list -> !list.isEmpty()).hasSizeGreaterThan(1);
            assertThat(first.jobs().list(null)).hasSize(JOBS).allSatisfy(job -> {
                assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
                assertThat(job.attempts()).isEqualTo(ATTEMPTS);
            });
        }
    }

    @Test
    void aDeadWorkersJobIsClaimedByAnotherStoreAfterItsLeaseAndFinishesOnce() {
        Job done;
        try (Store storeA = open(clock); Store storeB = open(clock)) {
            HeldExecutor workersA = new HeldExecutor();
            HeldExecutor workersB = new HeldExecutor();
            ManualScheduler timerB = new ManualScheduler(clock);
            List<String> heardByA = new CopyOnWriteArrayList<>();
            List<Job> startedByA = new CopyOnWriteArrayList<>();
            TrainingScheduler a = scheduler(storeA.jobs(), "worker-a", new ManualScheduler(clock), workersA,
                    new Recorder(heardByA, startedByA));
            TrainingScheduler b = scheduler(storeB.jobs(), "worker-b", timerB, workersB,
                    new Recorder(new CopyOnWriteArrayList<>(), new ArrayList<>()));
            Job job = a.submit("churn", "drift-1").job();
            b.pump();

            // A is dead: its handler never returns and its timer never beats. B's timer moves the clock.
            timerB.advance(LEASE.minusSeconds(1));
            assertThat(b.runningCount()).isZero();
            timerB.advance(Duration.ofSeconds(1));

            assertThat(b.runningCount()).isEqualTo(1);
            Job taken = storeA.jobs().find(job.id()).orElseThrow();
            assertThat(taken.leaseOwner()).isEqualTo("worker-b");
            assertThat(taken.attempts()).isEqualTo(2);
            assertThat(taken.lastError()).contains("lease of worker worker-a expired");

            workersA.runAll();
            assertThatExceptionOfType(LeaseLostException.class)
                    .isThrownBy(() -> storeA.jobs().succeed(startedByA.get(0)));
            assertThat(storeB.jobs().find(job.id())).as("A's late completion changed nothing").contains(taken);
            assertThat(heardByA).containsExactly("queued", "started#1");

            workersB.runAll();
            done = storeB.jobs().find(job.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(storeA.jobs().list("churn")).containsExactly(done);
        }
        try (Store reopened = open(clock)) {
            assertThat(reopened.jobs().list(null)).containsExactly(done);
            assertThat(reopened.jobs().claim("worker-c", LEASE)).isEmpty();
        }
    }

    private TrainingScheduler scheduler(JobQueue queue, String worker, ManualScheduler timer, HeldExecutor workers,
                                        JobListener listener) {
        return TrainingScheduler.builder().queue(queue).workerId(worker).lease(LEASE).clock(clock).timer(timer)
                .workers(workers).listener(listener).handler(job -> { }).maxAttempts(3).build();
    }

    /** Writes down what a scheduler's listener hears. */
    private record Recorder(List<String> heard, List<Job> started) implements JobListener {
        @Override
        public void onQueued(Job job) {
            heard.add("queued");
        }

        @Override
        public void onStarted(Job job) {
            heard.add("started#" + job.attempts());
            started.add(job);
        }

        @Override
        public void onSucceeded(Job job) {
            heard.add("succeeded#" + job.attempts());
        }

        @Override
        public void onFailed(Job job, Throwable error, boolean willRetry) {
            heard.add("failed#" + job.attempts());
        }
    }
}
