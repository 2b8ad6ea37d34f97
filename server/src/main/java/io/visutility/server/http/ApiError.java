package io.visutility.server.http;

/**
 * An error the API answers with {@code {"error":{"code","message","field"}}} and {@link #status()}.
 * Handlers throw it for what the domain exceptions do not already say.
 */
public class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    /**
     * @param status  the HTTP status, 4xx or 5xx
     * @param code    a stable upper-case code such as {@code INVALID_ARGUMENT} or {@code NOT_FOUND}
     * @param field   the request field at fault, or null
     * @param message what is wrong, naming the bad value
     */
    public ApiError(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A 400 {@code INVALID_ARGUMENT} naming {@code field}. */
    public static ApiError invalid(String field, String message) {
        return new ApiError(400, "INVALID_ARGUMENT", field, message);
    }

    /** A 404 {@code NOT_FOUND}. */
    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", null, message);
    }

    /** A 409 {@code CONFLICT}. */
    public static ApiError conflict(String message) {
        return new ApiError(409, "CONFLICT", null, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
