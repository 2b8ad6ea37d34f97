package io.visutility.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.0.3 description of every route of the given groups and
 * of itself, generated from the same route table the server registers.
 */
public final class OpenApiRoutes implements RouteGroup {
    /** Where the description is served. */
    public static final String PATH = "/api/v1/openapi.json";

    private final Route route;
    private final String document;

    /** @param groups the other groups of the API, in the order they are registered */
    public OpenApiRoutes(List<RouteGroup> groups) {
        this.route = Route.of(HandlerType.GET, PATH, Route.Role.PUBLIC, "This API's OpenAPI description", null,
                List.of(200), ctx -> ctx.contentType("application/json").result(document()));
        List<Route> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.routes()));
        all.add(route);
        try {
            this.document = ApiJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(OpenApiDocument.of(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI description", e);
        }
    }

    /** The description as JSON text. */
    public String document() {
        return document;
    }

    @Override
    public List<Route> routes() {
        return List.of(route);
    }
}
