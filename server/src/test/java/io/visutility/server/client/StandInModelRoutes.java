package io.visutility.server.client;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.visutility.ingest.IngestJson;
import io.visutility.monitor.ModelStatus;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.Route;
import io.visutility.server.http.RouteGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For the client test over the real server: the model listing, model state and metric intake routes,
 * answered from the real orchestrator, for whichever of them the server's own groups do not register yet.
 */
final class StandInModelRoutes implements RouteGroup {
    private final Orchestrator orchestrator;
    private final Set<String> registered;

    /** @param registered {@code METHOD path} of the routes the real groups already have */
    StandInModelRoutes(Orchestrator orchestrator, Set<String> registered) {
        this.orchestrator = orchestrator;
        this.registered = registered;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        add(routes, Route.of(HandlerType.GET, "/api/v1/models", Route.Role.READER, "models", null, List.of(200),
                ctx -> ctx.json(Map.of("models", orchestrator.models().stream().map(s -> model(s.name())).toList()))));
        add(routes, Route.of(HandlerType.GET, "/api/v1/models/{name}", Route.Role.READER, "model", null,
                List.of(200, 404), ctx -> ctx.json(model(orchestrator.require(ctx.pathParam("name")).name()))));
        add(routes, Route.of(HandlerType.POST, "/api/v1/models/{name}/metrics", Route.Role.WRITER, "metrics",
                "metrics", List.of(202, 400, 404), this::metrics));
        return routes;
    }

    private void add(List<Route> routes, Route route) {
        if (!registered.contains(route.method().name() + " " + route.path())) {
            routes.add(route);
        }
    }

    private void metrics(Context ctx) {
        ModelSpec spec = orchestrator.require(ctx.pathParam("name"));
        int accepted = orchestrator.metrics(spec.name(), IngestJson.metrics(ctx.body()));
        ctx.status(202).json(Map.of("accepted", accepted));
    }

    private Map<String, Object> model(String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        ModelStatus status = orchestrator.monitor().status(name).orElse(null);
        json.put("health", status == null ? "HEALTHY" : status.health().name());
        if (status != null) {
            json.put("window", Map.of("samples", status.window().samples(), "precision", status.window().precision(),
                    "recall", status.window().recall(), "f1", status.window().f1()));
            json.put("activeJobId", status.activeJobId());
        }
        ModelRegistry registry = orchestrator.store().registry();
        json.put("champion", registry.models().contains(name)
                ? registry.alias(name, ModelRegistry.CHAMPION).map(ModelVersion::version).orElse(null) : null);
        return json;
    }
}
