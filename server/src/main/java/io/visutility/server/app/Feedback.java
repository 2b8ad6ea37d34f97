package io.visutility.server.app;

import io.visutility.training.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's predictions waiting for their labels: a label that names a waiting prediction makes a
 * labelled row of its features. Bounded: past {@code capacity} waiting predictions the oldest is dropped
 * (its label, if it ever comes, then trains nothing).
 */
final class Feedback {
    private final List<String> features;
    private final Map<String, float[]> waiting;

    Feedback(List<String> features, int capacity) {
        this.features = features;
        this.waiting = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers an unlabelled prediction's features. */
    synchronized void await(String id, float[] row) {
        waiting.put(id, row);
    }

    /** The waiting prediction's features for {@code id}, removed; null when unknown or dropped. */
    synchronized float[] take(String id) {
        return waiting.remove(id);
    }

    /** Rows and labels as a dataset in this model's column order. */
    Dataset rows(List<float[]> rows, List<Integer> labels) {
        float[] flat = new float[rows.size() * features.size()];
        int[] y = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, flat, r * features.size(), features.size());
            y[r] = labels.get(r);
        }
        return Dataset.of(features, flat, y);
    }

    /** A fresh pair of lists to collect rows into. */
    static Collected collect() {
        return new Collected(new ArrayList<>(), new ArrayList<>());
    }

    record Collected(List<float[]> rows, List<Integer> labels) {
        void add(float[] row, int label) {
            rows.add(row);
            labels.add(label);
        }
    }
}
