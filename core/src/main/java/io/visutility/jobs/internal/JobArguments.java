package io.visutility.jobs.internal;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.registry.Names;
import java.time.Duration;

/** Checks of what callers hand to a job queue, shared by every adapter so they refuse alike. */
public final class JobArguments {
    private JobArguments() {
    }

    /** Checks the arguments of an enqueue. */
    public static void enqueue(String model, int maxAttempts) {
        Names.model(model);
        if (maxAttempts < 1) {
            throw new SchedulerException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** Checks the arguments of a claim. */
    public static void claim(String worker, Duration lease) {
        text("worker", worker);
        lease(lease);
    }

    /** Checks a lease length. */
    public static Duration lease(Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new SchedulerException("lease must be a duration > 0, was " + lease);
        }
        return lease;
    }

    /** Checks that {@code claimed} is a job as a claim returned it: RUNNING, with a lease. */
    public static Job claimed(Job claimed) {
        if (claimed == null) {
            throw new SchedulerException("claimed job must not be null");
        }
        if (claimed.state() != JobState.RUNNING) {
            throw new SchedulerException("claimed job must be a RUNNING job returned by claim, was job "
                    + claimed.id() + " in state " + claimed.state());
        }
        return claimed;
    }

    /** Checks a text that must say something, such as why an attempt failed or was released. */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SchedulerException(field + " must not be blank, was " + (value == null ? "null"
                    : "'" + value + "'"));
        }
        return value;
    }
}
