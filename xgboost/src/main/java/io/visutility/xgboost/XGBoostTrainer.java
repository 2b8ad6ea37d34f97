package io.visutility.xgboost;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Budget;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains binary classifiers as gradient-boosted trees with XGBoost ({@code binary:logistic}, histogram
 * tree method). Instances hold no mutable state and may be shared between threads.
 */
public final class XGBoostTrainer implements Trainer {

    /** The parameters {@link #train} accepts, with their ranges and defaults. */
    public static final SearchSpace SEARCH_SPACE = SearchSpace.of(
            new FloatParam("learning_rate", "Shrinkage applied to each new tree's contribution.",
                    0.001, 1.0, true, 0.3),
            new IntParam("max_depth", "Maximum depth of each tree.", 1, 16, 1, 6L),
            new IntParam("n_estimators", "Number of boosting rounds, one tree per round.", 1, 2000, 1, 100L),
            new FloatParam("subsample", "Share of training rows sampled for each tree.", 0.1, 1.0, false, 1.0),
            new FloatParam("min_child_weight", "Minimum hessian sum a leaf needs before a split is kept.",
                    0.0, 100.0, false, 1.0),
            new FloatParam("reg_lambda", "L2 penalty on leaf weights; larger values give smoother trees.",
                    0.001, 100.0, true, 1.0));

    /** Scores at or above this count as positive predictions in the validation metrics. */
    private static final double THRESHOLD = 0.5;

    private final int nthread;

    /** A trainer using one XGBoost thread per available processor. */
    public XGBoostTrainer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A trainer using {@code nthread} XGBoost threads per training run (at least 1). */
    public XGBoostTrainer(int nthread) {
        if (nthread < 1) {
            throw new TrainingException("nthread must be >= 1, was " + nthread);
        }
        this.nthread = nthread;
    }

    /** Returns {@code xgboost}. */
    @Override
    public String name() {
        return "xgboost";
    }

    /** Returns {@link #SEARCH_SPACE}. */
    @Override
    public SearchSpace searchSpace() {
        return SEARCH_SPACE;
    }

    /**
     * Fits {@code n_estimators} trees on the request's training rows and scores its validation rows. The
     * request's budget applies first: {@code ROUNDS} sets {@code n_estimators} to its amount (the budget
     * is the number of trees, whatever the parameters asked), {@code FRACTION} fits on the first share of
     * the training rows; the result's params record the {@code n_estimators} actually used.
     *
     * @throws TrainingException naming the parameter and value when a parameter is unknown or out of
     *                           range (before any training), or when XGBoost fails
     */
    @Override
    public TrainingResult train(TrainingRequest request) {
        HyperParams params;
        try {
            params = SEARCH_SPACE.validate(request.params());
        } catch (TunerException e) {
            // The core message names the parameter; the given map adds the value for unknown names too.
            throw new TrainingException("xgboost cannot train model " + request.model() + " with "
                    + request.params() + ": " + e.getMessage(), e);
        }
        Budget budget = request.budget();
        if (budget.unit() == Budget.Unit.ROUNDS) {
            try {
                params = SEARCH_SPACE.validate(params.with("n_estimators", (long) budget.amount()));
            } catch (TunerException e) {
                throw new TrainingException("xgboost cannot train model " + request.model() + " with budget "
                        + budget + ": " + e.getMessage(), e);
            }
        }
        long start = System.nanoTime();
        Booster booster = null;
        try {
            booster = fit(budget.rowsOf(request.train()), params, request.seed());
            byte[] artifact = booster.toByteArray();
            Dataset validation = request.validation();
            double[] scores = XGBoostPredictor.score(booster, validation);
            ClassificationMetrics metrics = ClassificationMetrics.evaluate(scores, validation.labels(), THRESHOLD);
            return new TrainingResult(artifact, params, metrics, Duration.ofNanos(System.nanoTime() - start));
        } catch (XGBoostError e) {
            throw new TrainingException("xgboost failed to train model " + request.model() + " with "
                    + params + ": " + XGBoostPredictor.describe(e), e);
        } catch (LinkageError e) {
            throw XGBoostPredictor.nativeLibraryMissing(e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
        }
    }

    /**
     * Loads a model that {@link #train} produced; the predictor holds native memory until closed.
     *
     * @throws TrainingException when the bytes are not an XGBoost model
     */
    @Override
    public Predictor load(byte[] artifact) {
        return XGBoostPredictor.load(artifact);
    }

    private Booster fit(Dataset train, HyperParams params, long seed) throws XGBoostError {
        Map<String, Object> settings = new HashMap<>();
        settings.put("objective", "binary:logistic");
        settings.put("eval_metric", "logloss");
        settings.put("tree_method", "hist");
        settings.put("seed", seed);
        settings.put("nthread", nthread);
        settings.put("eta", params.getDouble("learning_rate"));
        settings.put("max_depth", params.getInt("max_depth"));
        settings.put("subsample", params.getDouble("subsample"));
        settings.put("min_child_weight", params.getDouble("min_child_weight"));
        settings.put("lambda", params.getDouble("reg_lambda"));
        DMatrix matrix = XGBoostPredictor.matrix(train);
        try {
            matrix.setLabel(labelsAsFloats(train));
            // No watch sets: per-round evaluation would only cost time, the caller gets metrics anyway.
            return XGBoost.train(matrix, settings, params.getInt("n_estimators"), Map.of(), null, null);
        } finally {
            matrix.dispose();
        }
    }

    private static float[] labelsAsFloats(Dataset data) {
        float[] labels = new float[data.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return labels;
    }

    /** Names the trainer and its thread count, for logs. */
    @Override
    public String toString() {
        return "XGBoostTrainer[nthread=" + nthread + "]";
    }
}
