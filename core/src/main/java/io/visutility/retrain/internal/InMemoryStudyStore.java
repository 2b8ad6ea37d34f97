package io.visutility.retrain.internal;

import io.visutility.retrain.GateDecision;
import io.visutility.retrain.StudyArgumentException;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.StudyStateException;
import io.visutility.retrain.StudyStore;
import io.visutility.retrain.TrialRecord;
import io.visutility.retrain.TrialState;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The study store in memory; one lock, since studies change a few times per trial. */
public final class InMemoryStudyStore implements StudyStore {
    private final Clock clock;
    private final Map<String, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<String, String> studyOfJob = new HashMap<>();
    private final Map<String, TreeMap<Integer, TrialRecord>> trials = new HashMap<>();
    private final Map<String, GateDecision> decisions = new HashMap<>();

    /** Creates an empty store stamping times from {@code clock}. */
    public InMemoryStudyStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized StudyRecord openStudy(String model, String jobId, long seed, String scheduler) {
        StudyRecord fresh = StudyRecord.started(UUID.randomUUID().toString(), model, jobId, seed, scheduler,
                clock.instant());
        String existing = studyOfJob.get(jobId);
        if (existing != null) {
            StudyRecord stored = studies.get(existing);
            if (!stored.model().equals(model)) {
                throw new StudyStateException("job " + jobId + " already has study " + stored.id() + " of model "
                        + stored.model() + ", not " + model);
            }
            return stored;
        }
        studies.put(fresh.id(), fresh);
        studyOfJob.put(jobId, fresh.id());
        trials.put(fresh.id(), new TreeMap<>());
        return fresh;
    }

    @Override
    public synchronized Optional<StudyRecord> study(String studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    @Override
    public synchronized Optional<StudyRecord> studyOfJob(String jobId) {
        return Optional.ofNullable(studyOfJob.get(jobId)).map(studies::get);
    }

    @Override
    public synchronized List<StudyRecord> studies(String model, int limit) {
        StudyStore.checkLimit(limit);
        List<StudyRecord> all = new ArrayList<>(studies.values());
        List<StudyRecord> newest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).model().equals(model)) {
                newest.add(all.get(i));
            }
        }
        // Opened order already breaks ties; a stable sort keeps it while a clock that stepped back is honoured.
        newest.sort((a, b) -> b.created().compareTo(a.created()));
        return List.copyOf(newest.subList(0, Math.min(limit, newest.size())));
    }

    @Override
    public synchronized StudyRecord endStudy(String studyId, StudyState outcome, int bestTrial) {
        StudyRecord stored = knownStudy(studyId);
        StudyRecord ended = stored.state() == StudyState.RUNNING ? stored.end(outcome, bestTrial, clock.instant())
                : null;
        if (ended == null) {
            if (stored.state() == outcome && stored.bestTrial() == bestTrial) {
                return stored;
            }
            throw new StudyStateException("study " + studyId + " already ended " + stored.state() + " with best trial "
                    + stored.bestTrial() + "; refused " + outcome + " with " + bestTrial);
        }
        if (outcome == StudyState.FINISHED) {
            TrialRecord best = trials.get(studyId).get(bestTrial);
            if (best == null || best.state() != TrialState.SUCCEEDED) {
                throw new StudyStateException("study " + studyId + " cannot finish with trial " + bestTrial + ": it "
                        + (best == null ? "is not stored" : "is " + best.state()));
            }
        }
        studies.put(studyId, ended);
        return ended;
    }

    @Override
    public synchronized TrialRecord startTrial(String studyId, int number, HyperParams params, Budget budget,
                                               int promotedFrom, int attempt) {
        TrialRecord fresh = TrialRecord.started(studyId, number, params, budget, promotedFrom, attempt,
                clock.instant());
        StudyRecord study = knownStudy(studyId);
        TrialRecord stored = trials.get(studyId).get(number);
        if (stored != null) {
            return stored;
        }
        if (study.state() != StudyState.RUNNING) {
            throw new StudyStateException("study " + studyId + " is " + study.state() + "; trial " + number
                    + " cannot start");
        }
        trials.get(studyId).put(number, fresh);
        return fresh;
    }

    @Override
    public synchronized TrialRecord succeedTrial(String studyId, int number, double objective,
                                                 Map<String, Double> metrics, String artifactSha256,
                                                 Duration duration) {
        TrialRecord done = runningTrial(studyId, number)
                .succeeded(objective, metrics, artifactSha256, duration, clock.instant());
        trials.get(studyId).put(number, done);
        return done;
    }

    @Override
    public synchronized TrialRecord failTrial(String studyId, int number, String error, Duration duration) {
        TrialRecord done = runningTrial(studyId, number).failed(error, duration, clock.instant());
        trials.get(studyId).put(number, done);
        return done;
    }

    @Override
    public synchronized List<TrialRecord> trials(String studyId) {
        TreeMap<Integer, TrialRecord> of = trials.get(studyId);
        return of == null ? List.of() : List.copyOf(of.values());
    }

    @Override
    public synchronized GateDecision recordDecision(GateDecision decision) {
        if (decision == null) {
            throw new StudyArgumentException("decision", "decision must not be null");
        }
        return decisions.computeIfAbsent(decision.jobId(), id -> decision);
    }

    @Override
    public synchronized Optional<GateDecision> decision(String jobId) {
        return Optional.ofNullable(decisions.get(jobId));
    }

    private StudyRecord knownStudy(String studyId) {
        StudyRecord stored = studies.get(studyId);
        if (stored == null) {
            throw new StudyStateException("no study " + studyId);
        }
        return stored;
    }

    private TrialRecord runningTrial(String studyId, int number) {
        knownStudy(studyId);
        TrialRecord stored = trials.get(studyId).get(number);
        if (stored == null) {
            throw new StudyStateException("study " + studyId + " has no trial " + number);
        }
        if (stored.state() != TrialState.RUNNING) {
            throw new StudyStateException("trial " + number + " of study " + studyId + " already ended "
                    + stored.state() + "; a finished trial is not finished again");
        }
        return stored;
    }
}
