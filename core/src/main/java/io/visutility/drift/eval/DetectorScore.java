package io.visutility.drift.eval;

/**
 * How one detector did on one kind of stream over {@code runs} seeded runs. Figures that do not apply are
 * NaN: recall and alarms per drift on a stationary stream, delays when no run detected the change.
 *
 * @param detector              the detector's name
 * @param stream                the stream's name
 * @param runs                  number of runs
 * @param recall                share of runs with an alarm at or after the change
 * @param medianDelay           median, over detecting runs, of the index of the first alarm at or after the change minus the index of the change
 * @param meanDelay             mean of the same
 * @param falseAlarmsPerMillion alarms before the change per million values read before it
 * @param alarmsPerDrift        alarms at or after the change, per run (one change per run)
 */
public record DetectorScore(String detector, String stream, int runs, double recall, double medianDelay,
                            double meanDelay, double falseAlarmsPerMillion, double alarmsPerDrift) {
}
