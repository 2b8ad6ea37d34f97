package io.visutility.monitor.internal;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Joins one model's predictions with labels that arrive later, earlier, in any order or not at all, in
 * bounded memory and amortised O(1) per call. Predictions wait in the order they were observed, and a
 * prediction leaves only from the head: when it has its label (joined), when its time is a horizon behind
 * the latest time seen (expired), or when the cap pushes it out (dropped). Releasing only from the head is
 * what makes the joined pairs come out in prediction order however the labels were shuffled, at the price
 * of holding later labelled predictions back behind an unlabelled one for at most the horizon. Released
 * predictions stay known by id for one horizon, so a second label for them is recognised as a duplicate.
 * Times are microseconds. Not thread-safe: the model's lock guards it.
 */
public final class LabelJoin {

    /** Receives the joined pairs, in prediction order. */
    public interface Sink {
        /** One prediction met its label; {@code tag} is what the prediction was observed with. */
        void joined(double score, int label, long latencyMicros, int tag);
    }

    private static final class Entry {
        final String id;
        boolean predicted;
        long predictedAt;
        double score;
        int tag;
        int label = -1;
        long labelledAt;

        Entry(String id) {
            this.id = id;
        }
    }

    private final long horizon;
    private final int maxPending;
    private final int maxEarlyLabels;
    private final HashMap<String, Entry> byId = new HashMap<>();
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    private final ArrayDeque<Entry> released = new ArrayDeque<>();
    // Labels that came before their prediction; entries matched since then leave lazily from the head.
    private final ArrayDeque<Entry> early = new ArrayDeque<>();
    private long latest = Long.MIN_VALUE;
    long predictions;
    long labels;
    long joined;
    long expired;
    long dropped;
    long duplicateLabels;
    long duplicatePredictions;
    long unmatchedLabels;
    long droppedLabels;

    /** A join holding predictions and labels {@code horizonMicros} long, under the two caps. */
    public LabelJoin(long horizonMicros, int maxPending, int maxEarlyLabels) {
        this.horizon = horizonMicros;
        this.maxPending = maxPending;
        this.maxEarlyLabels = maxEarlyLabels;
    }

    /** A prediction at {@code at}; {@code label} is 0 or 1 when known already, else -1. */
    public void prediction(String id, long at, double score, int label, int tag, Sink sink) {
        latest = Math.max(latest, at);
        Entry e = byId.get(id);
        if (e != null && e.predicted) {
            duplicatePredictions++;
        } else {
            predictions++;
            if (label >= 0) {
                labels++;
            }
            if (e == null) {
                e = new Entry(id);
                byId.put(id, e);
            } else if (label >= 0) {
                duplicateLabels++;
            }
            e.predicted = true;
            e.predictedAt = at;
            e.score = score;
            e.tag = tag;
            if (e.label < 0 && label >= 0) {
                e.label = label;
                e.labelledAt = at;
            }
            waiting.addLast(e);
        }
        drain(sink);
    }

    /** A label at {@code at} for the prediction {@code id}, which may not have been observed yet. */
    public void label(String id, long at, int label, Sink sink) {
        latest = Math.max(latest, at);
        labels++;
        Entry e = byId.get(id);
        if (e == null) {
            e = new Entry(id);
            e.label = label;
            e.labelledAt = at;
            byId.put(id, e);
            early.addLast(e);
        } else if (e.label >= 0) {
            duplicateLabels++;
        } else {
            e.label = label;
            e.labelledAt = at;
        }
        drain(sink);
    }

    private void drain(Sink sink) {
        while (!waiting.isEmpty()) {
            Entry head = waiting.peekFirst();
            if (head.label >= 0) {
                waiting.pollFirst();
                joined++;
                released.addLast(head);
                sink.joined(head.score, head.label, Math.max(0, head.labelledAt - head.predictedAt), head.tag);
            } else if (head.predictedAt <= latest - horizon) {
                waiting.pollFirst();
                expired++;
                byId.remove(head.id, head);
            } else if (waiting.size() > maxPending) {
                waiting.pollFirst();
                dropped++;
                byId.remove(head.id, head);
            } else {
                break;
            }
        }
        while (!released.isEmpty()
                && (released.peekFirst().predictedAt <= latest - horizon || released.size() > maxPending)) {
            Entry old = released.pollFirst();
            byId.remove(old.id, old);
        }
        while (!early.isEmpty()) {
            Entry head = early.peekFirst();
            if (head.predicted) {
                early.pollFirst();
            } else if (head.labelledAt <= latest - horizon) {
                early.pollFirst();
                unmatchedLabels++;
                byId.remove(head.id, head);
            } else if (early.size() > maxEarlyLabels) {
                early.pollFirst();
                droppedLabels++;
                byId.remove(head.id, head);
            } else {
                break;
            }
        }
    }

    /** Predictions waiting for a label now. */
    public int pending() {
        return waiting.size();
    }

    /** Labels waiting for their prediction now, counting those matched but not yet cleared from the queue. */
    public int earlyLabels() {
        return early.size();
    }

    /** Ids held now, waiting or remembered for spotting duplicates; bounded by twice maxPending plus maxEarlyLabels. */
    public int tracked() {
        return byId.size();
    }
}
