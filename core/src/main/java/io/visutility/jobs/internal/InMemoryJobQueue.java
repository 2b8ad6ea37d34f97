package io.visutility.jobs.internal;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.registry.Names;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Jobs in memory under one monitor: single-flight per model is a check inside the same lock as the insert. */
public final class InMemoryJobQueue implements JobQueue {
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Creates an empty queue. */
    public InMemoryJobQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized EnqueueResult enqueue(String model, String triggerEventId, int maxAttempts) {
        Names.model(model);
        if (maxAttempts < 1) {
            throw new SchedulerException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Optional<Job> active = active(model);
        if (active.isPresent()) {
            return new EnqueueResult.AlreadyActive(active.get());
        }
        Instant now = clock.instant();
        Job job = new Job(UUID.randomUUID().toString(), model, JobState.QUEUED, 0, maxAttempts, triggerEventId,
                now, now, now, null);
        jobs.put(job.id(), job);
        return new EnqueueResult.Enqueued(job);
    }

    @Override
    public synchronized Optional<Job> claim() {
        Instant now = clock.instant();
        Optional<Job> next = jobs.values().stream()
                .filter(j -> j.state() == JobState.QUEUED && !j.notBefore().isAfter(now))
                .min(Comparator.comparing(Job::notBefore).thenComparing(Job::createdAt));
        return next.map(j -> save(j.moveTo(JobState.RUNNING, now).withAttemptStarted()));
    }

    @Override
    public synchronized Job succeed(String jobId) {
        return save(get(jobId).moveTo(JobState.SUCCEEDED, clock.instant()));
    }

    @Override
    public synchronized Job fail(String jobId, String error, Instant retryAt) {
        Job job = get(jobId);
        JobState next = retryAt == null ? JobState.FAILED : JobState.QUEUED;
        return save(job.moveTo(next, clock.instant()).withFailure(error, retryAt));
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
        return jobs.values().stream().filter(j -> j.state() == JobState.QUEUED).map(Job::notBefore)
                .min(Comparator.naturalOrder());
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
