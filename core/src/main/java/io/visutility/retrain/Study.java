package io.visutility.retrain;

import io.visutility.VisutilityException;
import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.training.Dataset;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.SearchSpaceExhaustedException;
import io.visutility.tuning.Trial;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuning loop of one retrain: ask the tuner, train, tell. A failed trial is recorded and the study
 * goes on; an exhausted tuner ends the study early; the study fails only when no trial succeeded.
 */
final class Study {
    private final Trainer trainer;
    private final HyperParamTuner tuner;
    private final EventBus bus;
    private final Clock clock;
    private final String metric;

    Study(Trainer trainer, HyperParamTuner tuner, EventBus bus, Clock clock, String metric) {
        this.trainer = trainer;
        this.tuner = tuner;
        this.bus = bus;
        this.clock = clock;
        this.metric = metric;
    }

    /** The best trial's result, its number, and every trial. */
    record Result(TrainingResult result, int trial, List<Trial> trials) {
    }

    Result run(Job job, HyperParams base, Dataset.Split data, int maxTrials, long seed) {
        List<Trial> history = new ArrayList<>();
        TrainingResult best = null;
        int bestTrial = -1;
        String exhausted = null;
        for (int number = 0; number < maxTrials; number++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RetrainException("job " + job.id() + " was interrupted after " + number + " trials");
            }
            HyperParams params;
            try {
                params = tuner.ask(base, history);
            } catch (SearchSpaceExhaustedException e) {
                exhausted = e.getMessage();
                break;
            }
            try {
                TrainingResult result = trainer.train(
                        new TrainingRequest(job.model(), params, data.train(), data.validation(), seed + number));
                double objective = result.validation().get(metric);
                history.add(Trial.succeeded(number, result.params(), objective));
                if (best == null || objective > best.validation().get(metric)) {
                    best = result;
                    bestTrial = number;
                }
                publish(job, number, result.params(), result.validation().asMap(), null);
            } catch (VisutilityException e) {
                history.add(Trial.failed(number, params, e.getMessage()));
                publish(job, number, params, Map.of(), e.getMessage());
            }
        }
        if (best == null) {
            String why = history.isEmpty()
                    ? "the tuner proposed nothing" + (exhausted == null ? "" : ": " + exhausted)
                    : "all " + history.size() + " trials failed; last error: " + history.get(history.size() - 1).error();
            throw new RetrainException("no candidate for " + job.model() + ": " + why);
        }
        return new Result(best, bestTrial, history);
    }

    private void publish(Job job, int number, HyperParams params, Map<String, Double> metrics, String error) {
        bus.publish(new MonitorEvent.TrialCompleted(MonitorEvent.newId(), job.model(), clock.instant(), job.id(),
                number, params, metrics, error));
    }
}
