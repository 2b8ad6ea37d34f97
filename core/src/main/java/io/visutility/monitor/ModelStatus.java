package io.visutility.monitor;

import io.visutility.metrics.WindowSummary;
import java.time.Instant;

/**
 * A snapshot of the monitor's view of one model.
 *
 * @param model        model name
 * @param health       current state
 * @param window       means over the current window
 * @param observed     samples observed since the monitor started
 * @param incidentId   id of the open incident's first DriftDetected, or null
 * @param activeJobId  id of the running retrain job, or null
 * @param quietUntil   end of the cooldown after the last promotion, or null
 */
public record ModelStatus(String model, ModelHealth health, WindowSummary window, long observed, String incidentId,
                          String activeJobId, Instant quietUntil) {
}
