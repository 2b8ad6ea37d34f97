package io.visutility.drift;

import java.util.function.Supplier;
import java.util.stream.Stream;

/** The four O(1) detectors with their default parameters, and the expectations the behaviour tests hold them to. */
enum SimpleDetectors {
    DDM(Ddm::new, "ddm", 5_000, 5),
    EDDM(Eddm::new, "eddm", 1_500, 250),
    PAGE_HINKLEY(PageHinkley::new, "page-hinkley", 1_000, 0),
    CUSUM(Cusum::new, "cusum", 1_000, 5);

    final Supplier<DriftDetector> factory;
    final String name;
    /** Most values after an abrupt 0.2 to 0.4 change before the first drift. */
    final int maxDelay;
    /** Most drifts on 100,000 values of a stationary 0.2 error stream. */
    final int maxStationaryDrifts;

    SimpleDetectors(Supplier<DriftDetector> factory, String name, int maxDelay, int maxStationaryDrifts) {
        this.factory = factory;
        this.name = name;
        this.maxDelay = maxDelay;
        this.maxStationaryDrifts = maxStationaryDrifts;
    }

    DriftDetector create() {
        return factory.get();
    }

    static Stream<SimpleDetectors> all() {
        return Stream.of(values());
    }

    /** Feeds {@code values} and returns the state after each. */
    static DriftState[] run(DriftDetector detector, double[] values, int from, int to) {
        DriftState[] states = new DriftState[to - from];
        for (int i = from; i < to; i++) {
            states[i - from] = detector.update(values[i]);
        }
        return states;
    }
}
