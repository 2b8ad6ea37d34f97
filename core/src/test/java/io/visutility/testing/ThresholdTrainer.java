package io.visutility.testing;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TunerException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real learner for tests of the loop: predicts 1 when the sum of the first two features is at
 * most a threshold, which it picks among {@code candidates} evenly spaced values by training accuracy.
 * That is exactly the shape of a SEA concept, so it learns them well in milliseconds. Its artifact is
 * text ({@code threshold=7.93}); it can be told to fail chosen calls, to test failures.
 */
public final class ThresholdTrainer implements Trainer {
    /** The parameters it accepts. */
    public static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("learning_rate", "Softness of the score around the threshold (the sigmoid's scale);"
                    + " it moves scores and AUC, not the 0.5 decision.", 1e-5, 1.0, true, 0.1),
            new IntParam("candidates", "How many evenly spaced thresholds are tried between the smallest and"
                    + " the largest sum.", 2, 200, 1, 50L));

    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failFrom;
    private volatile Set<Integer> failing = Set.of();
    private volatile boolean failAlways;

    /** Returns {@code threshold}. */
    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public SearchSpace searchSpace() {
        return SPACE;
    }

    /** Fails the calls to {@link #train} numbered {@code numbers}, counting from 0 at the next call. */
    public ThresholdTrainer failOnCalls(Integer... numbers) {
        failFrom = calls.get();
        failing = Set.of(numbers);
        return this;
    }

    /** Fails every call to {@link #train} from now on. */
    public ThresholdTrainer failAlways() {
        failAlways = true;
        return this;
    }

    /** Stops failing. */
    public ThresholdTrainer heal() {
        failAlways = false;
        failing = Set.of();
        return this;
    }

    /** Number of calls to {@link #train} so far. */
    public int calls() {
        return calls.get();
    }

    @Override
    public TrainingResult train(TrainingRequest request) {
        int call = calls.getAndIncrement();
        if (failAlways || failing.contains(call - failFrom)) {
            throw new TrainingException("threshold trainer was told to fail call " + call);
        }
        HyperParams params;
        try {
            params = SPACE.validate(request.params());
        } catch (TunerException e) {
            throw new TrainingException("threshold trainer cannot use " + request.params() + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        double threshold = fit(request.train(), params.getInt("candidates"));
        Model model = new Model(threshold, params.getDouble("learning_rate"));
        Dataset validation = request.validation();
        ClassificationMetrics metrics = ClassificationMetrics.evaluate(model.predict(validation),
                validation.labels(), 0.5);
        return new TrainingResult(model.bytes(), params, metrics, Duration.ofNanos(System.nanoTime() - start));
    }

    private static double fit(Dataset train, int candidates) {
        double[] sums = new double[train.rows()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = sum(train, i);
            low = Math.min(low, sums[i]);
            high = Math.max(high, sums[i]);
        }
        double best = low;
        long bestCorrect = -1;
        for (int k = 0; k < candidates; k++) {
            double threshold = low + (high - low) * k / (candidates - 1);
            long correct = 0;
            for (int i = 0; i < sums.length; i++) {
                if ((sums[i] <= threshold ? 1 : 0) == train.label(i)) {
                    correct++;
                }
            }
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = threshold;
            }
        }
        return best;
    }

    private static double sum(Dataset data, int row) {
        return data.feature(row, 0) + (data.columns() > 1 ? data.feature(row, 1) : 0.0);
    }

    @Override
    public Predictor load(byte[] artifact) {
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(artifact, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return new Model(Double.parseDouble(fields.get("threshold")), Double.parseDouble(fields.get("scale")));
        } catch (NullPointerException | NumberFormatException e) {
            throw new TrainingException("not a threshold model: " + fields, e);
        }
    }

    /** The learned threshold in an artifact, for assertions. */
    public static double thresholdOf(byte[] artifact) {
        return ((Model) new ThresholdTrainer().load(artifact)).threshold;
    }

    private record Model(double threshold, double scale) implements Predictor {
        byte[] bytes() {
            return ("threshold=" + threshold + "\nscale=" + scale + "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public double[] predict(Dataset data) {
            double[] scores = new double[data.rows()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = 1.0 / (1.0 + Math.exp(-(threshold - sum(data, i)) / scale));
            }
            return scores;
        }
    }
}
