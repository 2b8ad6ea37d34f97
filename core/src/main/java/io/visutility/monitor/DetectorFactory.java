package io.visutility.monitor;

import io.visutility.drift.DriftDetector;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the error-stream detectors of a policy: every model gets its own detector from {@link #create()},
 * because a detector watches exactly one stream.
 *
 * @param name     the detector's name in events and reasons, such as {@code adwin}
 * @param supplier makes a new detector in its initial state on every call
 */
public record DetectorFactory(String name, Supplier<DriftDetector> supplier) {

    /** Validates the name and that a supplier is given. */
    public DetectorFactory {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new MonitorException("detector name must be 1 to 64 non-blank characters, was " + name);
        }
        Objects.requireNonNull(supplier, "supplier");
    }

    /** A factory named after the detector it makes, e.g. {@code adwin} for an ADWIN detector. */
    public static DetectorFactory of(Supplier<DriftDetector> supplier) {
        return new DetectorFactory(Objects.requireNonNull(supplier, "supplier").get().name(), supplier);
    }

    /**
     * A new detector for one model.
     *
     * @throws MonitorException when the supplier gives no detector
     */
    public DriftDetector create() {
        DriftDetector detector = supplier.get();
        if (detector == null) {
            throw new MonitorException("detector factory " + name + " made no detector (null)");
        }
        return detector;
    }
}
