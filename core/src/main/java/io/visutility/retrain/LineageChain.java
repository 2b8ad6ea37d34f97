package io.visutility.retrain;

import io.visutility.jobs.Job;
import io.visutility.registry.AliasChange;
import io.visutility.registry.ModelVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a registered version came from, end to end: the trigger event, the retrain job, its study and
 * trials, the chosen trial, the version, the gate's decision and the promotion. A link that does not
 * exist (a version registered by hand, a job the queue no longer holds, a candidate never promoted) is null.
 *
 * @param version        the registered version
 * @param triggerEventId the event that caused the retrain (usually a DriftDetected), or null
 * @param job            the retrain job as the queue holds it now, or null
 * @param study          the study that produced the version, or null
 * @param trials         every trial of that study, by number
 * @param chosen         the trial whose model was registered, or null
 * @param decision       the gate's stored verdict on the version, or null
 * @param promotion      the change that made the version champion, or null
 */
public record LineageChain(ModelVersion version, String triggerEventId, Job job, StudyRecord study,
                           List<TrialRecord> trials, TrialRecord chosen, GateDecision decision,
                           AliasChange promotion) {

    /** Copies the trials. */
    public LineageChain {
        trials = List.copyOf(trials);
    }

    /** One step of the chain with its time, for display and for checking the order. */
    public record Link(String what, String id, Instant at) {
    }

    /**
     * The links that exist, in the order they happened. The trigger event is timed by the job's creation:
     * the observer queues the job when the event arrives, and the event itself is in the event log.
     */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        if (job != null) {
            if (triggerEventId != null) {
                links.add(new Link("trigger", triggerEventId, job.createdAt()));
            }
            links.add(new Link("job", job.id(), job.createdAt()));
        }
        if (study != null) {
            links.add(new Link("study", study.id(), study.created()));
            for (TrialRecord t : trials) {
                links.add(new Link("trial " + t.number() + " " + t.state(), study.id() + "#" + t.number(),
                        t.finished() != null ? t.finished() : t.started()));
            }
            if (study.finished() != null) {
                links.add(new Link("study " + study.state(), study.id(), study.finished()));
            }
        }
        if (chosen != null && study.finished() != null) {
            // A trial is chosen when its study ends, whenever it finished training.
            links.add(new Link("chosen", study.id() + "#" + chosen.number(), study.finished()));
        }
        links.add(new Link("version", version.name() + " v" + version.version(), version.createdAt()));
        if (decision != null) {
            links.add(new Link(decision.promote() ? "decision: promote" : "decision: keep champion",
                    decision.rule(), decision.decidedAt()));
        }
        if (promotion != null) {
            links.add(new Link("promotion", "champion " + (promotion.from() == null ? "unset" : "v" + promotion.from())
                    + " -> v" + promotion.to(),
                    promotion.changedAt()));
        }
        return List.copyOf(links);
    }
}
