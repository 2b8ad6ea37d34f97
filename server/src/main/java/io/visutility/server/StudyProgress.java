package io.visutility.server;

import io.visutility.bus.Observer;
import io.visutility.event.MonitorEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws one progress bar per running study on a terminal: trials done out of the planned number, failed
 * trials, and the best value so far of the metric the study maximises. It redraws the same line with a
 * carriage return, so it belongs on a terminal only; {@link #forConsole} gives none when the output is
 * not one (a pipe or a file gets the plain lines the commands print anyway).
 */
public final class StudyProgress implements Observer {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final int plannedTrials;
    private final String metric;
    private final Map<String, Study> studies = new HashMap<>();

    /** A bar drawn on {@code out} for studies of {@code plannedTrials} trials maximising {@code metric}. */
    public StudyProgress(PrintWriter out, int plannedTrials, String metric) {
        if (plannedTrials < 1) {
            throw new IllegalArgumentException("plannedTrials must be >= 1, was " + plannedTrials);
        }
        this.out = out;
        this.plannedTrials = plannedTrials;
        this.metric = metric;
    }

    /** A bar on {@code out} when the process is attached to a terminal, otherwise null. */
    public static StudyProgress forConsole(PrintWriter out, int plannedTrials, String metric) {
        return System.console() == null ? null : new StudyProgress(out, plannedTrials, metric);
    }

    @Override
    public synchronized void onEvent(MonitorEvent event) {
        if (!(event instanceof MonitorEvent.TrialCompleted trial)) {
            return;
        }
        Study study = studies.computeIfAbsent(trial.jobId(), id -> new Study());
        study.done++;
        if (trial.error() != null) {
            study.failed++;
        } else {
            Double value = trial.metrics().get(metric);
            if (value != null && (Double.isNaN(study.best) || value > study.best)) {
                study.best = value;
            }
        }
        out.print("\r" + line(trial.model(), trial.jobId(), study));
        if (study.done >= plannedTrials) {
            out.println();
            studies.remove(trial.jobId());
        }
        out.flush();
    }

    /** The bar for a study, without the carriage return. */
    String line(String model, String jobId, Study study) {
        int done = Math.min(study.done, plannedTrials);
        int filled = done * WIDTH / plannedTrials;
        String shortJob = jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
        return String.format(Locale.ROOT, "[study %s job %s] %s%s %d/%d trials%s, best %s %s",
                model, shortJob, "#".repeat(filled), ".".repeat(WIDTH - filled), done, plannedTrials,
                study.failed == 0 ? "" : " (" + study.failed + " failed)", metric,
                Double.isNaN(study.best) ? "-" : String.format(Locale.ROOT, "%.4f", study.best));
    }

    /** What the bar of one study shows. */
    static final class Study {
        int done;
        int failed;
        double best = Double.NaN;
    }
}
