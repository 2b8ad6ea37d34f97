package io.visutility.drift;

/**
 * A streaming change detector: it reads one value at a time (for error-rate detectors, 1 for a wrong
 * prediction and 0 for a right one) and says whether the stream's distribution has changed.
 * Implementations are not thread-safe; one detector watches one stream. Their state is small and bounded,
 * and can be saved with {@link #snapshot()} and restored into a detector built with the same parameters,
 * so a monitor can persist detectors and resume after a restart exactly where it stopped.
 */
public interface DriftDetector {

    /**
     * Reads the next value and returns the state after it.
     *
     * @throws DriftException when the value is not finite, or outside the range the detector accepts
     */
    DriftState update(double value);

    /** Forgets everything read so far, as if newly built. */
    void reset();

    /** A short stable name of the method, such as {@code adwin}; parameters are not part of it. */
    String name();

    /**
     * The detector's parameters and state as bytes; {@link #restore(byte[])} on a detector of the same
     * class and parameters brings it back to exactly this state.
     */
    byte[] snapshot();

    /**
     * Replaces this detector's state with a snapshot taken from a detector of the same class.
     *
     * @throws DriftException when the bytes are not such a snapshot or were taken with other parameters;
     *                        the detector is unchanged then
     */
    void restore(byte[] snapshot);
}
