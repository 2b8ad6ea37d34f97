package io.visutility.drift.eval.internal;

import io.visutility.drift.eval.DetectorScore;
import io.visutility.drift.eval.StreamSpec;
import java.util.Arrays;
import java.util.List;

/** Turns the outcomes of one detector's runs on a stream into its score. */
public final class Scoring {
    private Scoring() {
    }

    /** The score of {@code detector} from its {@code outcomes} on {@code stream}, one per run. */
    public static DetectorScore score(String detector, StreamSpec stream, List<RunOutcome> outcomes) {
        int runs = outcomes.size();
        long falseAlarms = 0;
        long alarmsAfter = 0;
        long[] delays = new long[runs];
        int detected = 0;
        for (RunOutcome o : outcomes) {
            falseAlarms += o.falseAlarms();
            alarmsAfter += o.alarmsAfter();
            if (o.firstDetection() >= 0) {
                delays[detected++] = o.firstDetection() - stream.driftStart();
            }
        }
        double falsePerMillion = falseAlarms * 1e6 / ((double) stream.stableValues() * runs);
        if (stream.stationary()) {
            return new DetectorScore(detector, stream.name(), runs, Double.NaN, Double.NaN, Double.NaN,
                    falsePerMillion, Double.NaN);
        }
        long[] found = Arrays.copyOf(delays, detected);
        Arrays.sort(found);
        return new DetectorScore(detector, stream.name(), runs, detected / (double) runs, median(found),
                detected == 0 ? Double.NaN : Arrays.stream(found).average().orElseThrow(),
                falsePerMillion, alarmsAfter / (double) runs);
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
