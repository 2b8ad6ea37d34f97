package io.visutility.training.internal;

import io.visutility.training.TrainingException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics printed as {@code name=value} on standard output (Katib's convention): any number of pairs
 * per line, the last value of a name wins, and pairs whose value is not a number are log text and are
 * skipped, except {@code nan} and {@code inf}, which fail the run.
 */
public final class MetricLines {
    /** How much of the end of standard output is scanned. */
    public static final int MAX_SCANNED = 1 << 20;
    /** Metrics that are shares and must lie within [0, 1]. */
    public static final Set<String> UNIT_METRICS = Set.of("precision", "recall", "f1", "accuracy", "auc");

    private static final Pattern PAIR = Pattern.compile("(?<![\\w.-])([A-Za-z_][\\w.-]{0,99})\\s*=\\s*([^\\s,;]+)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private MetricLines() {
    }

    /** The metrics in {@code output}, in the order first seen. */
    public static Map<String, Double> parse(String output) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                String value = m.group(2);
                if (NUMBER.matcher(value).matches()) {
                    metrics.put(name, check(name, Double.parseDouble(value)));
                } else if (NOT_FINITE.matcher(value).matches()) {
                    throw new TrainingException("metric " + name + " on standard output must be a finite number, was "
                            + value);
                }
            }
        }
        return bounded(metrics);
    }

    /** {@code value} when it is finite (and within [0, 1] for the share metrics), else an error naming both. */
    public static double check(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new TrainingException("metric " + name + " must be a finite number, was " + value);
        }
        if (UNIT_METRICS.contains(name.toLowerCase(Locale.ROOT)) && (value < 0 || value > 1)) {
            throw new TrainingException("metric " + name + " must be within [0, 1], was " + value);
        }
        return value;
    }

    static Map<String, Double> bounded(Map<String, Double> metrics) {
        if (metrics.size() > ProgramOutputs.MAX_METRICS) {
            throw new TrainingException("the trainer reported " + metrics.size() + " metrics, more than the limit of "
                    + ProgramOutputs.MAX_METRICS);
        }
        for (String name : metrics.keySet()) {
            if (name.isBlank() || name.length() > 100) {
                throw new TrainingException("metric names must be 1 to 100 characters, was '" + name + "'");
            }
        }
        return metrics;
    }
}
