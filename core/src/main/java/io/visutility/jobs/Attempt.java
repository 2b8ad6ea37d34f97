package io.visutility.jobs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;

/** One attempt a scheduler runs: the claim it holds, its task and timers, and why it was stopped, if it was. */
final class Attempt {
    /** Why the scheduler stopped an attempt before its handler returned. */
    enum Stop {
        NONE, TIMED_OUT, CANCELLED, LEASE_LOST, RELEASED
    }

    /** The latest form of the claimed job (renewed by heartbeats); the key to every fenced call. */
    Job claimed;
    FutureTask<Void> task;
    ScheduledFuture<?> deadline;
    ScheduledFuture<?> heartbeat;
    private Stop stop = Stop.NONE;

    Attempt(Job claimed) {
        this.claimed = claimed;
    }

    /** Interrupts the attempt for {@code why}; the first reason given wins. */
    void stop(Stop why) {
        if (stop == Stop.NONE) {
            stop = why;
        }
        task.cancel(true);
    }

    /** Why the attempt ended early; NONE if its handler returned or threw on its own. */
    Stop stopped() {
        return task.isCancelled() ? stop : Stop.NONE;
    }

    /** Withdraws the timers of an attempt that has ended. */
    void cancelTimers() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** The handler's error, or null if it returned. */
    Throwable error() {
        try {
            task.get();
            return null;
        } catch (CancellationException e) {
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
