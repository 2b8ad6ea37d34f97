package io.visutility.server.http;

import io.javalin.http.HandlerType;
import io.visutility.server.app.Orchestrator;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/health}: UP while the orchestrator takes input, else 503 DOWN. */
public final class HealthRoutes implements RouteGroup {
    private final Orchestrator orchestrator;

    /** @param orchestrator whose state to report */
    public HealthRoutes(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.of(HandlerType.GET, "/api/v1/health", Route.Role.PUBLIC, "Whether the service is up",
                null, List.of(200, 503), ctx -> {
                    boolean up = orchestrator.accepting();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
                }));
    }
}
