package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftReport;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.ArrayList;
import java.util.List;

/** Tests one full window of every feature and decides, with Benjamini-Hochberg across the p-values, which drifted. */
public final class WindowTests {
    private WindowTests() {
    }

    /** The report for {@code window[f]} (the values of feature f) against {@code references[f]}. */
    public static FeatureDriftReport run(long windowIndex, double fdr, List<String> names, FeatureDriftTest[] tests,
                                         FeatureReference[] references, double[][] window) {
        int features = names.size();
        FeatureDriftResult[] results = new FeatureDriftResult[features];
        int withP = 0;
        for (int f = 0; f < features; f++) {
            results[f] = tests[f].compare(references[f], window[f]);
            if (results[f].hasPValue()) {
                withP++;
            } else if (tests[f].threshold().isEmpty()) {
                throw new DriftException("test " + tests[f].name() + " of feature " + names.get(f)
                        + " gave no p-value and has no threshold, so it cannot decide");
            }
        }
        double[] pValues = new double[withP];
        for (int f = 0, k = 0; f < features; f++) {
            if (results[f].hasPValue()) {
                pValues[k++] = results[f].pValue();
            }
        }
        double[] adjusted = BenjaminiHochberg.adjust(pValues);
        List<FeatureDriftReport.Feature> entries = new ArrayList<>(features);
        List<String> drifted = new ArrayList<>();
        for (int f = 0, k = 0; f < features; f++) {
            FeatureDriftResult r = results[f];
            double adjustedP = r.hasPValue() ? adjusted[k++] : Double.NaN;
            double threshold = r.hasPValue() ? Double.NaN : tests[f].threshold().orElse(Double.NaN);
            boolean drift = r.hasPValue() ? adjustedP <= fdr : r.statistic() >= threshold;
            entries.add(new FeatureDriftReport.Feature(names.get(f), tests[f].name(), r.statistic(), r.pValue(),
                    adjustedP, threshold, drift));
            if (drift) {
                drifted.add(names.get(f));
            }
        }
        return new FeatureDriftReport(windowIndex, fdr, entries, drifted);
    }
}
