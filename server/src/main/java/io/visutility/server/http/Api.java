package io.visutility.server.http;

import io.visutility.server.app.Orchestrator;

import java.util.ArrayList;
import java.util.List;

/** The API's route groups, as {@code serve} registers them. */
public final class Api {
    private Api() {
    }

    /**
     * The groups of the API over {@code orchestrator}, in order: health, models, registry, jobs, events, and last
     * the OpenAPI description of all of them.
     */
    public static List<RouteGroup> standardGroups(Orchestrator orchestrator) {
        return standardGroups(orchestrator, List.of());
    }

    /** As {@link #standardGroups(Orchestrator)}, with {@code extra} groups (such as {@code /metrics}) before the description. */
    public static List<RouteGroup> standardGroups(Orchestrator orchestrator, List<RouteGroup> extra) {
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new HealthRoutes(orchestrator));
        groups.add(new ModelRoutes(orchestrator));
        groups.add(new RegistryRoutes(orchestrator));
        groups.add(new JobRoutes(orchestrator));
        groups.add(new EventRoutes(orchestrator));
        groups.addAll(extra);
        groups.add(new OpenApiRoutes(List.copyOf(groups)));
        return List.copyOf(groups);
    }
}
