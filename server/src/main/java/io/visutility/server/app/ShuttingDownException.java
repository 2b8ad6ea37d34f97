package io.visutility.server.app;

import io.visutility.VisutilityException;

/** The orchestrator is shutting down and takes no more input. */
public class ShuttingDownException extends VisutilityException {
    /** Creates the exception. */
    public ShuttingDownException() {
        super("the orchestrator is shutting down and takes no more input");
    }
}
