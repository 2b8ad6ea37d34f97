package io.visutility.monitor.internal;

import io.visutility.monitor.MonitorException;
import java.time.Instant;

/** Checks of the arguments of a prediction or label; messages name the field and the bad value. */
public final class PredictionArguments {
    /** Longest prediction id accepted. */
    public static final int MAX_ID_LENGTH = 256;
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private PredictionArguments() {
    }

    /** A prediction id: 1 to 256 characters, not all blank. */
    public static void id(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new MonitorException("id must be 1 to " + MAX_ID_LENGTH + " characters, not all blank, was "
                    + (id == null ? null : "\"" + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + "\""));
        }
    }

    /** Features: present and all finite. */
    public static void features(double[] features) {
        if (features == null) {
            throw new MonitorException("features must be given, was null");
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new MonitorException("features[" + i + "] must be finite, was " + features[i]);
            }
        }
    }

    /** A score within [0, 1]. */
    public static void score(double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new MonitorException("score must be within [0, 1], was " + score);
        }
    }

    /** A label, 0 or 1; returned as given. */
    public static int label(int label) {
        if (label != 0 && label != 1) {
            throw new MonitorException("label must be 0 or 1, was " + label);
        }
        return label;
    }

    /** Microseconds since the epoch; years 0 to 9999 fit with room for the horizon arithmetic. */
    public static long micros(Instant time) {
        if (time == null || time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new MonitorException("time must be within [" + EARLIEST + ", " + LATEST + "], was " + time);
        }
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }
}
