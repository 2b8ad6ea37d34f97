package io.visutility.server.http;

import java.util.List;

/** A set of routes that belong together (models, registry, jobs, events ...). */
public interface RouteGroup {
    /** The group's routes; the server registers each and lists it in the OpenAPI description. */
    List<Route> routes();
}
