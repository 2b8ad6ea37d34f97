package io.visutility.server.http;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the HTTP server listens and whom it lets in.
 *
 * @param bind         the address to bind, such as {@code 127.0.0.1}
 * @param port         the port, 0 for any free one
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param tokens       bearer tokens, by their SHA-256; none means no authentication (loopback only)
 */
public record ApiSettings(String bind, int port, long maxBodyBytes, List<TokenSpec> tokens) {
    /** The default largest request body: 8 MiB. */
    public static final long DEFAULT_MAX_BODY = 8L * 1024 * 1024;

    /** Validates every field. */
    public ApiSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
        }
        tokens = List.copyOf(tokens);
    }

    /** Loopback on {@code port}, 8 MiB bodies, no tokens. */
    public static ApiSettings loopback(int port) {
        return new ApiSettings("127.0.0.1", port, DEFAULT_MAX_BODY, List.of());
    }

    /** These settings with {@code tokens}. */
    public ApiSettings withTokens(List<TokenSpec> tokens) {
        return new ApiSettings(bind, port, maxBodyBytes, tokens);
    }

    /** These settings with another body limit. */
    public ApiSettings withMaxBodyBytes(long maxBodyBytes) {
        return new ApiSettings(bind, port, maxBodyBytes, tokens);
    }

    /**
     * A bearer token as the server knows it: the SHA-256 of the token (never the token itself) and its role.
     *
     * @param sha256Hex 64 lower-case hex digits
     * @param role      {@link Route.Role#READER} or {@link Route.Role#WRITER}
     */
    public record TokenSpec(String sha256Hex, Route.Role role) {
        private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

        /** Validates the hash and the role. */
        public TokenSpec {
            if (sha256Hex == null || !HEX.matcher(sha256Hex).matches()) {
                throw new IllegalArgumentException("a token's sha256 must be 64 lower-case hex digits, was "
                        + (sha256Hex == null ? "null" : sha256Hex.length() + " characters"));
            }
            if (role != Route.Role.READER && role != Route.Role.WRITER) {
                throw new IllegalArgumentException("a token's role must be reader or writer, was " + role);
            }
        }
    }
}
