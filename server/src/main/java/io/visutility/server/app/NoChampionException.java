package io.visutility.server.app;

import io.visutility.VisutilityException;

/** The model is declared but has no champion version yet, so it cannot serve predictions. */
public class NoChampionException extends VisutilityException {
    /** @param model the model without a champion */
    public NoChampionException(String model) {
        super("model " + model + " has no champion version to predict with yet");
    }
}
