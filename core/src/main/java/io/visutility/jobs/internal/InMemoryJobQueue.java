package io.visutility.jobs.internal;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.LeaseLostException;
import io.visutility.jobs.SchedulerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Jobs in memory under one monitor: single-flight per model is a check inside the same lock as the
 * insert, and a claim's fence is checked inside the same lock as the change it guards.
 */
public final class InMemoryJobQueue implements JobQueue {
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Creates an empty queue. */
    public InMemoryJobQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized EnqueueResult enqueue(String model, String triggerEventId, int maxAttempts) {
        JobArguments.enqueue(model, maxAttempts);
        Optional<Job> active = active(model);
        if (active.isPresent()) {
            return new EnqueueResult.AlreadyActive(active.get());
        }
        Job job = Job.queued(UUID.randomUUID().toString(), model, maxAttempts, triggerEventId, clock.instant());
        jobs.put(job.id(), job);
        return new EnqueueResult.Enqueued(job);
    }

    @Override
    public synchronized Optional<Job> claim(String worker, Duration lease) {
        JobArguments.claim(worker, lease);
        Instant now = clock.instant();
        while (true) {
            Optional<Job> next = jobs.values().stream().filter(j -> claimableAt(j).map(t -> !t.isAfter(now))
                    .orElse(false)).min(Comparator.comparing(j -> claimableAt(j).orElseThrow()));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Job job = next.get();
            if (job.state() == JobState.RUNNING) {
                job = save(job.afterLeaseExpired(now));
                if (job.state() == JobState.FAILED) {
                    continue;
                }
            }
            return Optional.of(save(job.claimedBy(worker, now.plus(lease), now)));
        }
    }

    @Override
    public synchronized Job heartbeat(Job claimed, Duration lease) {
        JobArguments.lease(lease);
        Instant now = clock.instant();
        return fenced(claimed, j -> j.withLeaseUntil(now.plus(lease), now));
    }

    @Override
    public synchronized Job succeed(Job claimed) {
        return fenced(claimed, j -> j.moveTo(JobState.SUCCEEDED, clock.instant()));
    }

    @Override
    public synchronized Job fail(Job claimed, String error, Instant retryAt) {
        JobArguments.text("error", error);
        JobState next = retryAt == null ? JobState.FAILED : JobState.QUEUED;
        return fenced(claimed, j -> j.moveTo(next, clock.instant()).withFailure(error, retryAt));
    }

    @Override
    public synchronized Job release(Job claimed, String reason) {
        JobArguments.text("reason", reason);
        return fenced(claimed, j -> j.released(reason, clock.instant()));
    }

    @Override
    public synchronized Job cancel(String jobId) {
        return save(get(jobId).moveTo(JobState.CANCELLED, clock.instant()));
    }

    @Override
    public synchronized Optional<Job> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized Optional<Job> active(String model) {
        return jobs.values().stream().filter(j -> j.model().equals(model) && j.state().isActive()).findFirst();
    }

    @Override
    public synchronized List<Job> list(String model) {
        return jobs.values().stream().filter(j -> model == null || j.model().equals(model)).toList();
    }

    @Override
    public synchronized Optional<Instant> nextClaimableAt() {
        return jobs.values().stream().map(InMemoryJobQueue::claimableAt).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** When a worker may take the job: a QUEUED job after its back-off, a RUNNING one when its lease runs out. */
    private static Optional<Instant> claimableAt(Job job) {
        return switch (job.state()) {
            case QUEUED -> Optional.of(job.notBefore());
            case RUNNING -> Optional.of(job.leaseUntil());
            default -> Optional.empty();
        };
    }

    private Job fenced(Job claimed, UnaryOperator<Job> change) {
        JobArguments.claimed(claimed);
        Job current = get(claimed.id());
        if (!current.heldBy(claimed)) {
            throw new LeaseLostException(claimed, current);
        }
        return save(change.apply(current));
    }

    private Job get(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new SchedulerException("no job with id " + jobId);
        }
        return job;
    }

    private Job save(Job job) {
        jobs.put(job.id(), job);
        return job;
    }
}
