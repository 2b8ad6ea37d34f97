package io.visutility.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.tuning.HyperParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyProgressTest {
    private final StringWriter text = new StringWriter();
    private final StudyProgress progress = new StudyProgress(new PrintWriter(text), 4, "f1");

    private static MonitorEvent.TrialCompleted trial(String job, int number, Double f1, String error) {
        return new MonitorEvent.TrialCompleted(MonitorEvent.newId(), "m", Instant.EPOCH, job, number,
                HyperParams.of(Map.of("x", 1.0)), f1 == null ? Map.of() : Map.of("f1", f1), error);
    }

    @Test
    void redrawsOneLinePerTrialAndEndsItWhenTheStudyIsDone() {
        progress.onEvent(trial("job-1234567890", 0, 0.70, null));
        progress.onEvent(trial("job-1234567890", 1, null, "exit code 1"));
        progress.onEvent(trial("job-1234567890", 2, 0.80, null));
        assertThat(text.toString()).doesNotContain("\n")
                .endsWith("\r[study m job job-1234] ##################...... 3/4 trials (1 failed), best f1 0.8000");
        progress.onEvent(trial("job-1234567890", 3, 0.75, null));
        assertThat(text.toString()).endsWith("######################## 4/4 trials (1 failed), best f1 0.8000"
                + System.lineSeparator());
    }

    @Test
    void keepsStudiesOfDifferentJobsApartAndIgnoresOtherEvents() {
        progress.onEvent(new MonitorEvent.ModelRegistered(MonitorEvent.newId(), "m", Instant.EPOCH, 1, "a".repeat(64), "j"));
        assertThat(text.toString()).isEmpty();
        progress.onEvent(trial("a", 0, 0.5, null));
        progress.onEvent(trial("b", 0, null, "boom"));
        assertThat(text.toString()).endsWith("[study m job b] ######.................. 1/4 trials (1 failed), best f1 -");
    }

    @Test
    void refusesAStudyOfNoTrials() {
        assertThatThrownBy(() -> new StudyProgress(new PrintWriter(text), 0, "f1"))
                .hasMessageContaining("plannedTrials must be >= 1, was 0");
    }
}
