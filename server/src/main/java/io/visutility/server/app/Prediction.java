package io.visutility.server.app;

/**
 * A prediction the orchestrator served with a model's champion.
 *
 * @param id      the prediction's id, for the label that comes later
 * @param version the champion version that scored it
 * @param score   the model's score in [0, 1]
 * @param label   1 when the score is at least 0.5, else 0
 */
public record Prediction(String id, int version, double score, int label) {
}
