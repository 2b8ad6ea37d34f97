package io.visutility.server.app;

import io.visutility.VisutilityException;

/** A model of that name is already declared with a different specification. */
public class DeclarationConflictException extends VisutilityException {
    /** @param model the model's name */
    public DeclarationConflictException(String model) {
        super("model " + model + " is already declared with a different specification");
    }
}
