package io.visutility.xgboost;

import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.TrainingException;
import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A loaded XGBoost model. Predictions may run concurrently (tree prediction is thread-safe in XGBoost);
 * the lock only keeps {@link #close()} from freeing the booster under a running prediction.
 */
final class XGBoostPredictor implements Predictor {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Booster booster;

    private XGBoostPredictor(Booster booster) {
        this.booster = booster;
    }

    static XGBoostPredictor load(byte[] artifact) {
        if (artifact == null || artifact.length == 0) {
            throw new TrainingException("not an XGBoost model: the artifact is "
                    + (artifact == null ? "null" : "empty"));
        }
        try {
            Booster booster = XGBoost.loadModel(artifact);
            // Served predictions are mostly a row or a few: one thread each, because spreading a single
            // row over OpenMP threads costs a scheduling round trip per call on a busy machine.
            booster.setParam("nthread", 1);
            return new XGBoostPredictor(booster);
        } catch (XGBoostError | IOException e) {
            throw new TrainingException("not an XGBoost model: " + artifact.length + " bytes could not be read: "
                    + describe(e), e);
        } catch (LinkageError e) {
            throw nativeLibraryMissing(e);
        }
    }

    /** Probabilities of the positive class, one per row of {@code data}. */
    @Override
    public double[] predict(Dataset data) {
        lock.readLock().lock();
        try {
            if (booster == null) {
                throw new TrainingException("this XGBoost predictor is closed");
            }
            return score(booster, data);
        } catch (XGBoostError e) {
            throw new TrainingException("XGBoost failed to score " + data + ": " + describe(e), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native booster; later predictions fail. Closing twice is harmless. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (booster != null) {
                booster.dispose();
                booster = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Positive-class probabilities of each row; shared with training so both score identically. */
    static double[] score(Booster booster, Dataset data) throws XGBoostError {
        long expected = booster.getNumFeature();
        if (data.columns() != expected) {
            throw new TrainingException("the model expects " + expected + " feature columns, the data has "
                    + data.columns() + " " + data.featureNames());
        }
        if (data.rows() == 0) {
            return new double[0];
        }
        DMatrix matrix = matrix(data);
        try {
            float[][] predictions = booster.predict(matrix);
            double[] scores = new double[predictions.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = predictions[i][0];
            }
            return scores;
        } finally {
            matrix.dispose();
        }
    }

    static DMatrix matrix(Dataset data) throws XGBoostError {
        return new DMatrix(data.features(), data.rows(), data.columns(), Float.NaN);
    }

    /** The native error's text without the native stack trace XGBoost appends (kept in the cause). */
    static String describe(Exception e) {
        String message = String.valueOf(e.getMessage());
        int trace = message.indexOf("Stack trace:");
        return (trace < 0 ? message : message.substring(0, trace)).strip().replaceAll("\\s+", " ");
    }

    static TrainingException nativeLibraryMissing(LinkageError e) {
        return new TrainingException("the XGBoost native library could not be loaded (it is unpacked into "
                + "java.io.tmpdir=" + System.getProperty("java.io.tmpdir") + ", which must exist and be writable): "
                + e, e);
    }
}
