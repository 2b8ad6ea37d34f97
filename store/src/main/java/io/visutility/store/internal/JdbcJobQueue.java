package io.visutility.store.internal;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.JobState;
import io.visutility.jobs.LeaseLostException;
import io.visutility.jobs.SchedulerException;
import io.visutility.jobs.internal.JobArguments;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The job queue in a SQL database, shared by every process that opens it. The database enforces
 * single-flight (a partial unique index on the model of active jobs); a claim locks the row it takes
 * (PostgreSQL skips rows other claimers hold, SQLite has one writer at a time); and every change to a
 * claimed job is an update fenced by the claim's worker and attempt, so a stale worker changes nothing.
 */
public final class JdbcJobQueue implements JobQueue {
    private static final int ENQUEUE_ATTEMPTS = 5;

    private final Database db;
    private final Clock clock;
    private final JobRows rows;

    /** Creates a queue over the migrated {@code db}, reading time from {@code clock}. */
    public JdbcJobQueue(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = new JobRows(db.dialect());
    }

    @Override
    public EnqueueResult enqueue(String model, String triggerEventId, int maxAttempts) {
        JobArguments.enqueue(model, maxAttempts);
        for (int attempt = 1; attempt <= ENQUEUE_ATTEMPTS; attempt++) {
            Optional<EnqueueResult> result = db.write("queue a job for model " + model, c -> {
                Job job = Job.queued(UUID.randomUUID().toString(), model, maxAttempts, triggerEventId, now());
                if (rows.insertUnlessActive(c, job)) {
                    return Optional.of(new EnqueueResult.Enqueued(job));
                }
                return active(c, model).map(EnqueueResult.AlreadyActive::new);
            });
            // Empty: the job that blocked the insert finished before it could be read; the slot is free again.
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new SchedulerException("could not queue a job for model " + model + ": its active job changed "
                + ENQUEUE_ATTEMPTS + " times while queueing");
    }

    @Override
    public Optional<Job> claim(String worker, Duration lease) {
        JobArguments.claim(worker, lease);
        return db.write("claim a job for worker " + worker, c -> {
            Instant now = now();
            while (true) {
                Optional<Job> next = rows.nextClaimable(c, now);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                Job job = next.get();
                if (job.state() == JobState.RUNNING) {
                    Job expired = job.afterLeaseExpired(now);
                    writeLocked(c, job, expired);
                    if (expired.state() == JobState.FAILED) {
                        continue;
                    }
                    job = expired;
                }
                Job claimed = job.claimedBy(worker, db.dialect().cut(now.plus(lease)), now);
                writeLocked(c, job, claimed);
                return Optional.of(claimed);
            }
        });
    }

    @Override
    public Job heartbeat(Job claimed, Duration lease) {
        JobArguments.lease(lease);
        return fenced("renew the lease of", claimed, j -> {
            Instant now = now();
            return j.withLeaseUntil(db.dialect().cut(now.plus(lease)), now);
        });
    }

    @Override
    public Job succeed(Job claimed) {
        return fenced("finish", claimed, j -> j.moveTo(JobState.SUCCEEDED, now()));
    }

    @Override
    public Job fail(Job claimed, String error, Instant retryAt) {
        JobArguments.text("error", error);
        JobState next = retryAt == null ? JobState.FAILED : JobState.QUEUED;
        Instant at = retryAt == null ? null : db.dialect().cut(retryAt);
        return fenced("fail", claimed, j -> j.moveTo(next, now()).withFailure(error, at));
    }

    @Override
    public Job release(Job claimed, String reason) {
        JobArguments.text("reason", reason);
        return fenced("release", claimed, j -> j.released(reason, now()));
    }

    @Override
    public Job cancel(String jobId) {
        return db.write("cancel job " + jobId, c -> {
            Job current = locked(c, jobId);
            Job cancelled = current.moveTo(JobState.CANCELLED, now());
            writeLocked(c, current, cancelled);
            return cancelled;
        });
    }

    @Override
    public Optional<Job> find(String jobId) {
        return db.read("read job " + jobId, c -> rows.select(c, "id = ?", jobId).stream().findFirst());
    }

    @Override
    public Optional<Job> active(String model) {
        return db.read("read the active job of model " + model, c -> active(c, model));
    }

    @Override
    public List<Job> list(String model) {
        return db.read("list the jobs of " + (model == null ? "every model" : "model " + model), c -> model == null
                ? rows.select(c, "1 = 1 ORDER BY seq") : rows.select(c, "model = ? ORDER BY seq", model));
    }

    @Override
    public Optional<Instant> nextClaimableAt() {
        return db.read("find when the next job becomes claimable", rows::nextClaimableAt);
    }

    private Optional<Job> active(Connection c, String model) throws SQLException {
        return rows.select(c, "model = ? AND state IN ('QUEUED', 'RUNNING')", model).stream().findFirst();
    }

    /** Applies {@code change} to the job if it is still held under {@code claimed}, all under the row's lock. */
    private Job fenced(String what, Job claimed, UnaryOperator<Job> change) {
        JobArguments.claimed(claimed);
        return db.write(what + " job " + claimed.id(), c -> {
            Job current = locked(c, claimed.id());
            if (!current.heldBy(claimed)) {
                throw new LeaseLostException(claimed, current);
            }
            Job next = change.apply(current);
            if (!rows.update(c, current, next)) {
                throw new LeaseLostException(claimed, locked(c, claimed.id()));
            }
            return next;
        });
    }

    /** Writes a change to a row this transaction has locked, which therefore cannot have moved on. */
    private void writeLocked(Connection c, Job current, Job next) throws SQLException {
        if (!rows.update(c, current, next)) {
            throw new SchedulerException("job " + current.id() + " changed while its row was locked; nothing changed");
        }
    }

    private Job locked(Connection c, String jobId) throws SQLException {
        return rows.lock(c, jobId).orElseThrow(() -> new SchedulerException("no job with id " + jobId));
    }

    private Instant now() {
        return db.dialect().now(clock);
    }
}
