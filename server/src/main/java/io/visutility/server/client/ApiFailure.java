package io.visutility.server.client;

import io.visutility.VisutilityException;

/**
 * A client command could not do its work: the server answered with an error or could not be reached, or
 * what it fetched could not be written.
 * The message is what the user reads; commands exit with 1.
 */
public final class ApiFailure extends VisutilityException {
    private final int status;

    /**
     * @param status  the HTTP status the server answered with, or 0 when there was no answer
     * @param message what went wrong, naming the URL or the server's own message
     */
    public ApiFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @param message what went wrong, naming the URL
     * @param cause   the I/O failure
     */
    public ApiFailure(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the answer, or 0 when the server was not reached. */
    public int status() {
        return status;
    }
}
