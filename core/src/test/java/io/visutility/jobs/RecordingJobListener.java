package io.visutility.jobs;

import java.util.ArrayList;
import java.util.List;

/** Writes down every job callback as a short line ("started:churn#2"), in the order they came. */
final class RecordingJobListener implements JobListener {
    private final List<String> calls = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @Override
    public synchronized void onQueued(Job job) {
        calls.add("queued:" + job.model());
    }

    @Override
    public synchronized void onStarted(Job job) {
        calls.add("started:" + job.model() + "#" + job.attempts());
    }

    @Override
    public synchronized void onSucceeded(Job job) {
        calls.add("succeeded:" + job.model() + "#" + job.attempts());
    }

    @Override
    public synchronized void onFailed(Job job, Throwable error, boolean willRetry) {
        calls.add("failed:" + job.model() + "#" + job.attempts() + (willRetry ? " retry" : " final"));
        errors.add(error);
    }

    @Override
    public synchronized void onCancelled(Job job) {
        calls.add("cancelled:" + job.model());
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Throwable> errors() {
        return List.copyOf(errors);
    }
}
