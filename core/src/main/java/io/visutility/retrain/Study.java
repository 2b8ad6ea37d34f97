package io.visutility.retrain;

import io.visutility.VisutilityException;
import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.registry.ArtifactStore;
import io.visutility.training.Dataset;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.Suggestion;
import io.visutility.tuning.Trial;
import io.visutility.tuning.TunerException;
import io.visutility.tuning.TrialScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tuning loop of one retrain, durable: the scheduler proposes, up to {@code parallelism} trials train at
 * once, and each is stored RUNNING before it trains and SUCCEEDED (with its artifact already in the
 * artifact store) or FAILED after. A retried job resumes its stored study: finished trials are not trained
 * again, trials a dead attempt left RUNNING are stored FAILED ("interrupted") and the scheduler continues
 * with the next number, seeing them as failed. The study fails only when no trial succeeded.
 */
final class Study {
    private final StudyStore store;
    private final ArtifactStore artifacts;
    private final Trainer trainer;
    private final EventBus bus;
    private final Clock clock;
    private final String metric;
    private final int parallelism;

    Study(StudyStore store, ArtifactStore artifacts, Trainer trainer, EventBus bus, Clock clock, String metric,
          int parallelism) {
        this.store = store;
        this.artifacts = artifacts;
        this.trainer = trainer;
        this.bus = bus;
        this.clock = clock;
        this.metric = metric;
        this.parallelism = parallelism;
    }

    /** The study as stored, its chosen trial, and every trial in number order. */
    record Result(StudyRecord study, TrialRecord best, List<TrialRecord> trials) {
        List<Trial> asTrials() {
            return trials.stream().map(TrialRecord::toTrial).toList();
        }
    }

    /** What one trial's training produced, handed from the worker back to the coordinating thread. */
    private record Outcome(int number, TrainingResult result, String sha256, String error, Duration spent,
                           RuntimeException bug) {
    }

    Result run(Job job, StudyRecord study, TrialScheduler scheduler, HyperParams base, Dataset.Split data,
               Executor executor) {
        List<Trial> history = new ArrayList<>();
        for (TrialRecord stored : store.trials(study.id())) {
            TrialRecord t = stored;
            if (t.state() == TrialState.RUNNING) {
                t = store.failTrial(study.id(), t.number(), "interrupted: attempt " + t.attempt() + " ended",
                        Duration.between(t.started(), clock.instant()).abs());
            }
            history.add(t.toTrial());
        }
        if (study.state() == StudyState.RUNNING) {
            trainAll(job, study, scheduler, base, data, executor, history);
        }
        return finish(job, study, scheduler);
    }

    private void trainAll(Job job, StudyRecord study, TrialScheduler scheduler, HyperParams base,
                          Dataset.Split data, Executor executor, List<Trial> history) {
        BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        int running = 0;
        boolean more = true;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RetrainException("job " + job.id() + " was interrupted after " + history.size() + " trials");
            }
            while (more && running < parallelism) {
                Optional<Suggestion> next = scheduler.next(base, List.copyOf(history));
                if (next.isEmpty()) {
                    // A scheduler waiting on running trials (successive halving) may want more once one finishes.
                    more = false;
                    break;
                }
                int number = history.size();
                Suggestion s = next.get();
                HyperParams params = complete(s.params());
                store.startTrial(study.id(), number, params, s.budget(), s.promotedFrom(),
                        Math.max(1, job.attempts()));
                history.add(Trial.pending(number, params, s.budget()));
                running++;
                TrainingRequest request = new TrainingRequest(job.model(), params, data.train(),
                        data.validation(), study.seed() + number, s.budget());
                try {
                    executor.execute(() -> done.add(train(number, request)));
                } catch (RejectedExecutionException e) {
                    done.add(new Outcome(number, null, null, "executor refused the trial: " + e.getMessage(),
                            Duration.ZERO, null));
                }
            }
            if (running == 0) {
                return;
            }
            Outcome outcome;
            try {
                outcome = done.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetrainException("job " + job.id() + " was interrupted with " + running + " trials running", e);
            }
            running--;
            history.set(outcome.number(), record(job, study, outcome));
            if (outcome.bug() != null) {
                throw outcome.bug();
            }
            more = true;
        }
    }

    /**
     * The candidate with the trainer's defaults filled in, as training will use it, so the stored trial is
     * what a resumed study registers; a candidate the space refuses is stored as given and fails in training.
     */
    private HyperParams complete(HyperParams params) {
        try {
            return trainer.searchSpace().validate(params);
        } catch (TunerException e) {
            return params;
        }
    }

    private Outcome train(int number, TrainingRequest request) {
        long start = System.nanoTime();
        try {
            TrainingResult result = trainer.train(request);
            double objective = result.validation().get(metric);
            if (!Double.isFinite(objective)) {
                return new Outcome(number, null, null, metric + " on the validation rows was " + objective,
                        result.duration(), null);
            }
            String sha = artifacts.put(result.artifact()).sha256();
            return new Outcome(number, result, sha, null, result.duration(), null);
        } catch (VisutilityException e) {
            return new Outcome(number, null, null, e.getMessage() == null ? e.toString() : e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start), null);
        } catch (RuntimeException e) {
            return new Outcome(number, null, null, "unexpected " + e, Duration.ofNanos(System.nanoTime() - start), e);
        }
    }

    private Trial record(Job job, StudyRecord study, Outcome o) {
        TrialRecord t;
        if (o.result() != null) {
            Map<String, Double> metrics = Verdicts.finite(o.result().validation());
            t = store.succeedTrial(study.id(), o.number(), o.result().validation().get(metric), metrics, o.sha256(),
                    o.spent());
        } else {
            t = store.failTrial(study.id(), o.number(), o.error(), o.spent());
        }
        bus.publish(new MonitorEvent.TrialCompleted(MonitorEvent.newId(), job.model(), clock.instant(), job.id(),
                t.number(), o.result() != null ? o.result().params() : t.params(), t.metrics(), t.error()));
        return t.toTrial();
    }

    private Result finish(Job job, StudyRecord study, TrialScheduler scheduler) {
        List<TrialRecord> trials = store.trials(study.id());
        StudyRecord ended = study;
        TrialRecord best = study.state() == StudyState.FINISHED
                ? trials.stream().filter(t -> t.number() == study.bestTrial()).findFirst().orElseThrow()
                : choose(trials);
        if (study.state() == StudyState.RUNNING) {
            ended = best == null ? store.endStudy(study.id(), StudyState.FAILED, -1)
                    : store.endStudy(study.id(), StudyState.FINISHED, best.number());
        }
        if (best == null) {
            String dry = scheduler instanceof TunerScheduler t && t.exhausted() != null ? ": " + t.exhausted() : "";
            String why = trials.isEmpty() ? "the tuner proposed nothing" + dry
                    : "all " + trials.size() + " trials failed; last error: " + trials.get(trials.size() - 1).error();
            throw new RetrainException("no candidate for " + job.model() + ": " + why);
        }
        return new Result(ended, best, trials);
    }

    /**
     * The succeeded trial with the best objective, ties to the earlier one. Only full-budget trials
     * compete when there are any: a cheap rung's score is not comparable with a full one's.
     */
    static TrialRecord choose(List<TrialRecord> trials) {
        List<TrialRecord> succeeded = trials.stream().filter(t -> t.state() == TrialState.SUCCEEDED).toList();
        List<TrialRecord> full = succeeded.stream().filter(t -> t.budget().isFull()).toList();
        TrialRecord best = null;
        for (TrialRecord t : full.isEmpty() ? succeeded : full) {
            if (best == null || t.objective() > best.objective()) {
                best = t;
            }
        }
        return best;
    }
}
