package io.visutility.metrics;

/** Argument checks shared by the metric records; messages name the field and the bad value. */
final class Checks {
    private Checks() {
    }

    static double unitInterval(String field, double value) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new InvalidMetricsException(field + " must be within [0, 1], was " + value, field);
        }
        return value;
    }
}
