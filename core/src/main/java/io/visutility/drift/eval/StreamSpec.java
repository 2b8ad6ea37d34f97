package io.visutility.drift.eval;

import io.visutility.drift.DriftException;
import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;

/**
 * A kind of stream a detector is evaluated on: {@code length} values from a seeded source, with the change
 * beginning at {@code driftStart}, or no change at all when {@code driftStart} is {@link #NO_DRIFT}.
 *
 * @param name        stable name, such as {@code bernoulli-abrupt}
 * @param description one line saying what the stream is
 * @param length      values per run
 * @param driftStart  index of the first value after the change begins; an alarm from here on is a detection
 * @param source      opens the values of one run from its seed
 */
public record StreamSpec(String name, String description, int length, long driftStart,
                         LongFunction<DoubleSupplier> source) {
    /** The {@code driftStart} of a stream without a change. */
    public static final long NO_DRIFT = -1;

    /** Checks the fields. */
    public StreamSpec {
        if (name == null || name.isBlank()) {
            throw new DriftException("name must not be blank, was '" + name + "'");
        }
        if (length < 1) {
            throw new DriftException("length of " + name + " must be >= 1, was " + length);
        }
        if (driftStart != NO_DRIFT && (driftStart < 1 || driftStart >= length)) {
            throw new DriftException("driftStart of " + name + " must be within [1, " + (length - 1)
                    + "] or NO_DRIFT, was " + driftStart);
        }
        if (source == null) {
            throw new DriftException("source of " + name + " must not be null");
        }
    }

    /** Whether the stream never changes, so every alarm on it is false. */
    public boolean stationary() {
        return driftStart == NO_DRIFT;
    }

    /** The values before the change (all of them on a stationary stream), where any alarm is a false one. */
    public long stableValues() {
        return stationary() ? length : driftStart;
    }

    /** The values of one run. */
    public DoubleSupplier open(long seed) {
        return source.apply(seed);
    }

    /** The same stream with another length (and the change where it was), e.g. a shorter stationary run. */
    public StreamSpec withLength(int newLength) {
        return new StreamSpec(name, description, newLength, driftStart, source);
    }
}
