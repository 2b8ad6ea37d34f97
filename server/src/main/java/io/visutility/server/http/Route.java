package io.visutility.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One route of the API, as the server registers it and as the OpenAPI description lists it: the same
 * table serves both, so the description cannot miss a route.
 *
 * @param method      the HTTP method ({@code GET} for an event stream)
 * @param path        the path under the server root in Javalin's form, such as {@code /api/v1/models/{name}}
 * @param role        who may call it: {@link Role#PUBLIC}, {@link Role#READER} or {@link Role#WRITER}
 * @param summary     one line for the description
 * @param body        what the request body is (for the description), or null for none
 * @param responses   status codes the route answers with, for the description
 * @param handler     the request handler, or null for an event stream
 * @param stream      the server-sent-event handler, or null for a plain route
 */
public record Route(HandlerType method, String path, Role role, String summary, String body, List<Integer> responses,
                    Handler handler, Consumer<SseClient> stream) {
    /** Who may call a route. Writers may also read. */
    public enum Role { PUBLIC, READER, WRITER }

    /** Checks that exactly one of handler and stream is given. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(summary, "summary");
        responses = List.copyOf(responses);
        if ((handler == null) == (stream == null)) {
            throw new IllegalArgumentException("a route has a handler or an event stream, not both or neither: " + path);
        }
    }

    /** A plain route. */
    public static Route of(HandlerType method, String path, Role role, String summary, String body,
                           List<Integer> responses, Handler handler) {
        return new Route(method, path, role, summary, body, responses, handler, null);
    }

    /** A server-sent-event stream. */
    public static Route stream(String path, Role role, String summary, Consumer<SseClient> stream) {
        return new Route(HandlerType.GET, path, role, summary, null, List.of(200), null, stream);
    }
}
