package io.visutility.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What a closed-loop demo run measured. Row positions count served rows from 0; a figure that the run
 * could not measure (no alarm, no promotion) is null.
 *
 * @param stream                      the stream played, e.g. {@code sea}
 * @param rows                        rows served
 * @param driftAt                     the first row of the new concept
 * @param detectedAt                  the row being served when the monitor opened the incident
 * @param accuracyBeforeDrift         served accuracy on the rows before the drift
 * @param accuracyAfterDriftNoRetrain the first champion's accuracy, never replaced, on the rows served after
 *                                    the promotion (on every row after the drift when nothing was promoted)
 * @param accuracyAfterRetrain        served accuracy on the rows after the promotion
 * @param oracleAccuracy              accuracy on those rows of a model trained on plenty of new-concept rows
 * @param retrainJobs                 retrain jobs this run created
 * @param retrainSeconds              seconds from the retrain request to the promotion, waiting for fresh
 *                                    labelled rows included
 * @param championVersion             the champion's version at the end
 * @param championSha256              its artifact's sha256
 * @param promotedAt                  the first row the promoted candidate served
 * @param labelDelay                  rows between a prediction and its label
 */
record ClosedLoopReport(String stream, int rows, int driftAt, Integer detectedAt, Double accuracyBeforeDrift,
                        Double accuracyAfterDriftNoRetrain, Double accuracyAfterRetrain, Double oracleAccuracy,
                        int retrainJobs, Double retrainSeconds, int championVersion, String championSha256,
                        Integer promotedAt, int labelDelay) {

    /** Rows between the drift and its detection; null when it was not detected. */
    Integer detectionDelay() {
        return detectedAt == null ? null : detectedAt - driftAt;
    }

    /** The one-line JSON object the demo ends with under {@code --json}. */
    String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("stream", stream);
        o.put("rows", rows);
        o.put("driftAt", driftAt);
        o.put("detectedAt", detectedAt);
        o.put("detectionDelay", detectionDelay());
        o.put("accuracyBeforeDrift", round(accuracyBeforeDrift));
        o.put("accuracyAfterDriftNoRetrain", round(accuracyAfterDriftNoRetrain));
        o.put("accuracyAfterRetrain", round(accuracyAfterRetrain));
        o.put("oracleAccuracy", round(oracleAccuracy));
        o.put("retrainJobs", retrainJobs);
        o.put("retrainSeconds", round(retrainSeconds));
        ObjectNode champion = o.putObject("champion");
        champion.put("version", championVersion);
        champion.put("sha256", championSha256);
        return o.toString();
    }

    /** The human summary. */
    String toText() {
        return String.join(System.lineSeparator(),
                "Closed loop on " + stream + ": " + rows + " rows served, the concept changed at row " + driftAt
                        + ", labels arrived " + labelDelay + " rows after their predictions",
                "  drift detected at row: " + (detectedAt == null ? "never" : detectedAt + " (" + detectionDelay()
                        + " rows after the change)"),
                "  retrain jobs: " + retrainJobs + (retrainSeconds == null ? ", nothing promoted"
                        : String.format(Locale.ROOT, ", candidate promoted after %.1f s, serving from row %d",
                        retrainSeconds, promotedAt)),
                "  accuracy before the drift:            " + percent(accuracyBeforeDrift),
                "  after it, had nothing been retrained: " + percent(accuracyAfterDriftNoRetrain),
                "  after the retrain (served):           " + percent(accuracyAfterRetrain),
                "  a model trained on the new concept:   " + percent(oracleAccuracy),
                "  champion: v" + championVersion + " (sha256 " + championSha256 + ")");
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
