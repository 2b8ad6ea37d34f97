package io.visutility.ingest;

import java.time.Instant;

/**
 * The true label of an earlier prediction, joined to it by id.
 *
 * @param id    the prediction's id
 * @param label 0 or 1
 * @param time  when the label became known, or null for "when it arrived"
 */
public record LabelReport(String id, int label, Instant time) {
    /** Validates every field. */
    public LabelReport {
        IngestChecks.id("id", id);
        IngestChecks.label("label", label);
    }
}
