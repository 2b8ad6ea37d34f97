package io.visutility.bench;

import io.visutility.drift.DriftDetector;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.ChangeDetector;

/**
 * The memory one detector's state takes after reading a stream: its snapshot's size, and a rough retained
 * size, the growth of the used heap (after repeated full collections) when {@value #COUNT} detectors that
 * each read the stream are kept alive, divided by {@value #COUNT}. Rough: it counts what the collector has
 * not reclaimed, and includes MOA's option objects on its side.
 */
final class DetectorFootprint {
    static final int COUNT = 200;

    private DetectorFootprint() {
    }

    /** One line: our snapshot bytes and retained bytes, and MOA's retained bytes when it has the detector. */
    static String describe(String name, Supplier<DriftDetector> ours, Supplier<ChangeDetector> moa, double[] values) {
        DriftDetector one = ours.get();
        for (double v : values) {
            one.update(v);
        }
        StringBuilder line = new StringBuilder(name)
                .append(" state after ").append(values.length).append(" values: snapshot ")
                .append(one.snapshot().length).append(" B, retained ~")
                .append(retained(() -> {
                    DriftDetector d = ours.get();
                    for (double v : values) {
                        d.update(v);
                    }
                    return d;
                })).append(" B ours");
        if (moa != null) {
            line.append(", ~").append(retained(() -> {
                ChangeDetector d = moa.get();
                d.prepareForUse();
                for (double v : values) {
                    d.input(v);
                }
                return d;
            })).append(" B MOA");
        }
        return line.toString();
    }

    private static long retained(Supplier<Object> fed) {
        Object[] keep = new Object[COUNT];
        long before = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            keep[i] = fed.get();
        }
        long after = usedAfterGc();
        long perDetector = (after - before) / COUNT;
        // Read the array after measuring, so the detectors cannot be collected before.
        return keep[COUNT - 1] == null ? -1 : perDetector;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
