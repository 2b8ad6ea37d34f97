package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.LeaseLostException;
import io.visutility.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lease half of {@link JobQueueContract}: claims hold a lease that heartbeats renew, a lease that
 * runs out makes the job claimable again with the attempt counted, and a worker that lost its claim is
 * refused whatever it tries. Adapters subclass {@link JobQueueContract}, which includes these tests.
 */
public abstract class JobQueueLeaseContract {
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    protected JobQueue queue;

    /** A new, empty queue that reads time from {@code clock}. */
    protected abstract JobQueue newQueue(Clock clock);

    @BeforeEach
    void createQueue() {
        queue = newQueue(clock);
    }

    /** Claims the next job for {@code worker} under the standard lease; fails if there is none. */
    protected Job claim(String worker) {
        return queue.claim(worker, LEASE).orElseThrow(() -> new AssertionError("nothing to claim for " + worker));
    }

    @Test
    void aClaimHoldsALeaseInTheWorkersName() {
        Job queued = queue.enqueue("churn", null, 3).job();
        assertThat(queued.leaseOwner()).isNull();
        assertThat(queued.leaseUntil()).isNull();

        Job claimed = claim("worker-a");

        assertThat(claimed.leaseOwner()).isEqualTo("worker-a");
        assertThat(claimed.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(queue.find(queued.id())).contains(claimed);
        assertThat(queue.nextClaimableAt()).as("the lease's end").contains(clock.instant().plus(LEASE));
        assertThat(queue.succeed(claimed).leaseOwner()).as("a finished job holds no lease").isNull();
    }

    @Test
    void aHeartbeatRenewsTheLeaseSoNobodyElseCanClaimTheJob() {
        queue.enqueue("churn", null, 3);
        Job claimed = claim("worker-a");
        for (int beat = 0; beat < 5; beat++) {
            clock.advance(Duration.ofSeconds(20));
            Job renewed = queue.heartbeat(claimed, LEASE);
            assertThat(renewed.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
            assertThat(renewed.attempts()).isEqualTo(1);
            assertThat(queue.find(claimed.id())).contains(renewed);
            assertThat(queue.claim("worker-b", LEASE)).isEmpty();
        }
        assertThat(queue.succeed(claimed).state()).as("the first handle still holds the claim")
                .isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void anExpiredLeaseMakesTheJobClaimableAgainAndCountsTheLostAttempt() {
        Job job = queue.enqueue("churn", "drift-1", 3).job();
        Job first = claim("worker-a");
        Instant expiry = first.leaseUntil();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(queue.claim("worker-b", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        Job second = claim("worker-b");

        assertThat(second.id()).isEqualTo(job.id());
        assertThat(second.state()).isEqualTo(JobState.RUNNING);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.leaseOwner()).isEqualTo("worker-b");
        assertThat(second.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(second.lastError()).contains("worker-a").contains(expiry.toString()).contains("1/3");
        assertThat(second.triggerEventId()).isEqualTo("drift-1");
        assertThat(queue.list("churn")).hasSize(1);
    }

    static Stream<Arguments> lateCalls() {
        return Stream.of(
                Arguments.of("succeed", (LateCall) (q, stale) -> q.succeed(stale)),
                Arguments.of("fail with a retry", (LateCall) (q, stale) -> q.fail(stale, "late", Instant.parse("2030-01-01T00:00:00Z"))),
                Arguments.of("fail for good", (LateCall) (q, stale) -> q.fail(stale, "late", null)),
                Arguments.of("heartbeat", (LateCall) (q, stale) -> q.heartbeat(stale, LEASE)),
                Arguments.of("release", (LateCall) (q, stale) -> q.release(stale, "late")));
    }

    /** Something a worker does with a job it believes it still holds. */
    interface LateCall {
        void apply(JobQueue queue, Job claimed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateCalls")
    void aWorkerWhoseLeaseWasTakenOverIsRefusedAndChangesNothing(String what, LateCall late) {
        queue.enqueue("churn", null, 3);
        Job dead = claim("worker-a");
        clock.advance(LEASE);
        Job successor = claim("worker-b");
        clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(LeaseLostException.class).isThrownBy(() -> late.apply(queue, dead))
                .withMessageContaining(dead.id()).withMessageContaining("worker-a")
                .withMessageContaining("worker-b");

        assertThat(queue.find(dead.id())).contains(successor);
    }

    /** Ways the job of a claim can move on without its worker. */
    static Stream<Arguments> movedOn() {
        return Stream.of(
                Arguments.of("succeeded", (Consumer<Moved>) m -> m.queue.succeed(m.claimed)),
                Arguments.of("failed", (Consumer<Moved>) m -> m.queue.fail(m.claimed, "boom", null)),
                Arguments.of("queued for a retry", (Consumer<Moved>) m -> m.queue.fail(m.claimed, "boom",
                        m.clock.instant().plusSeconds(60))),
                Arguments.of("released", (Consumer<Moved>) m -> m.queue.release(m.claimed, "shutting down")),
                Arguments.of("cancelled", (Consumer<Moved>) m -> m.queue.cancel(m.claimed.id())));
    }

    /** A claim and the queue it came from. */
    record Moved(JobQueue queue, MutableClock clock, Job claimed) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movedOn")
    void aHandleToAJobThatMovedOnIsRefusedAndChangesNothing(String how, Consumer<Moved> move) {
        queue.enqueue("churn", null, 3);
        Job claimed = claim("worker-a");
        move.accept(new Moved(queue, clock, claimed));
        Job now = queue.find(claimed.id()).orElseThrow();
        clock.advance(Duration.ofSeconds(1));

        for (var late : lateCalls().map(a -> (LateCall) a.get()[1]).toList()) {
            assertThatExceptionOfType(LeaseLostException.class).isThrownBy(() -> late.apply(queue, claimed))
                    .withMessageContaining(claimed.id()).withMessageContaining(now.state().name());
        }
        assertThat(queue.find(claimed.id())).contains(now);
    }

    @Test
    void theReclaimedJobFinishesOnce() {
        Job job = queue.enqueue("churn", null, 3).job();
        Job dead = claim("worker-a");
        clock.advance(LEASE.plusSeconds(5));
        Job successor = claim("worker-b");

        Job done = queue.succeed(successor);
        assertThatExceptionOfType(LeaseLostException.class).isThrownBy(() -> queue.succeed(dead));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(queue.list(null)).containsExactly(done);
        assertThat(queue.active("churn")).isEmpty();
        assertThat(queue.claim("worker-c", LEASE)).isEmpty();
        assertThat(queue.find(job.id())).contains(done);
    }

    @Test
    void aLeaseThatRunsOutOnTheLastAttemptFailsTheJobInsteadOfHandingItOut() {
        Job job = queue.enqueue("churn", null, 2).job();
        claim("worker-a");
        clock.advance(LEASE);
        Job second = claim("worker-b");
        clock.advance(Duration.ofMinutes(2));

        assertThat(queue.claim("worker-c", LEASE)).isEmpty();

        Job failed = queue.find(job.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).contains("worker-b").contains(second.leaseUntil().toString()).contains("2/2");
        assertThat(failed.leaseOwner()).isNull();
        assertThat(queue.active("churn")).isEmpty();
        assertThat(queue.nextClaimableAt()).isEmpty();
        assertThatExceptionOfType(LeaseLostException.class).isThrownBy(() -> queue.succeed(second));
    }

    @Test
    void aJobThatFailsOnAnExpiredLeaseDoesNotHideTheNextClaimableJob() {
        Job lost = queue.enqueue("lost", null, 1).job();
        claim("worker-a");
        clock.advance(LEASE.plusSeconds(10));
        Job waiting = queue.enqueue("waiting", null, 3).job();
        clock.advance(Duration.ofSeconds(1));

        Job next = claim("worker-b");

        assertThat(next.id()).isEqualTo(waiting.id());
        assertThat(queue.find(lost.id())).map(Job::state).contains(JobState.FAILED);
    }

    @Test
    void aWorkerWhoseLeaseRanOutMayStillFinishWhileNobodyHasTakenTheJob() {
        queue.enqueue("churn", null, 3);
        Job slow = claim("worker-a");
        clock.advance(LEASE.multipliedBy(3));

        Job done = queue.succeed(slow);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(queue.claim("worker-b", LEASE)).isEmpty();
    }

    @Test
    void jobsAreHandedOutInTheOrderTheyBecameClaimable() {
        Job expiring = queue.enqueue("expiring", null, 3).job();
        claim("worker-a");
        clock.advance(Duration.ofSeconds(10));
        Job queued = queue.enqueue("queued", null, 3).job();
        clock.advance(LEASE);
        Job later = queue.enqueue("later", null, 3).job();
        clock.advance(Duration.ofSeconds(10));

        assertThat(Stream.of("b", "c", "d").map(w -> claim(w).id()).toList())
                .containsExactly(queued.id(), expiring.id(), later.id());
    }

    @Test
    void releaseGivesTheJobBackAtOnceWithoutCountingTheAttempt() {
        Job job = queue.enqueue("churn", null, 3).job();
        Job first = claim("worker-a");
        queue.fail(first, "boom", clock.instant());
        Job second = claim("worker-a");
        clock.advance(Duration.ofSeconds(5));

        Job released = queue.release(second, "worker shutting down");

        assertThat(released.state()).isEqualTo(JobState.QUEUED);
        assertThat(released.attempts()).isEqualTo(1);
        assertThat(released.notBefore()).isEqualTo(clock.instant());
        assertThat(released.lastError()).contains("worker-a").contains("worker shutting down");
        assertThat(released.leaseOwner()).isNull();
        assertThat(released.leaseUntil()).isNull();
        assertThat(queue.find(job.id())).contains(released);
        assertThat(queue.active("churn")).contains(released);
        assertThat(queue.nextClaimableAt()).contains(clock.instant());
        Job again = claim("worker-b");
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(List.of(queue.succeed(again))).extracting(Job::state).containsExactly(JobState.SUCCEEDED);
    }
}
