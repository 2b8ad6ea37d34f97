package io.visutility.drift.internal;

import io.visutility.drift.DriftException;

/** Checks of detector parameters and input values, each failing with the field and the bad value. */
public final class DetectorArguments {
    private DetectorArguments() {
    }

    /** Returns {@code value} if it is at least {@code min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new DriftException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and strictly positive. */
    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new DriftException(field + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and not negative. */
    public static double notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new DriftException(field + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it lies in the open-closed interval (0, 1]. */
    public static double fraction(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new DriftException(field + " must be within (0, 1], was " + value);
        }
        return value;
    }

    /** Refuses a value that is NaN or infinite; {@code kind} names the detector in the message. */
    public static void finiteValue(String kind, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new DriftException("value given to " + kind + " must be finite, was " + value);
        }
    }

    /** Refuses a value outside [0, 1], the range of an error indicator or error probability. */
    public static void errorValue(String kind, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new DriftException("value given to " + kind + " must be an error indicator within [0, 1], was "
                    + value);
        }
    }
}
