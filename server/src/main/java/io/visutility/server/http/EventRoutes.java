package io.visutility.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.visutility.event.EventLog;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.server.app.Orchestrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events over HTTP: the event log read from a position ({@code GET /api/v1/events}), and every event of
 * the bus as it happens, metric samples included, as server-sent events ({@code GET /api/v1/events/stream}).
 * Closing it ends the open streams: {@link ApiServer} closes every group that is {@link AutoCloseable} before
 * its HTTP server stops, as a stream still open then would be ended on a request the server has recycled.
 */
public final class EventRoutes implements RouteGroup, AutoCloseable {
    /** How often an idle stream gets a comment line, so proxies keep it open and a gone client is noticed. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    /** Events read from the log at most per request when filtering, so one request stays bounded. */
    static final int MAX_SCANNED = 10 * EventLog.MAX_LIMIT;

    private final Orchestrator orchestrator;
    private final EventStream stream;

    /** @param orchestrator whose event log and bus to serve */
    public EventRoutes(Orchestrator orchestrator) {
        this(orchestrator, DEFAULT_KEEP_ALIVE);
    }

    /**
     * @param orchestrator whose event log and bus to serve
     * @param keepAlive    how often an idle stream gets a comment line
     */
    public EventRoutes(Orchestrator orchestrator, Duration keepAlive) {
        this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
        this.stream = new EventStream(orchestrator.bus(), keepAlive);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(HandlerType.GET, "/api/v1/events", Route.Role.READER,
                        "Logged events after a position, oldest first, optionally of one model or some types", null,
                        List.of(200, 400), this::events),
                Route.stream("/api/v1/events/stream", Route.Role.READER,
                        "Every event as it happens, metric samples included, as server-sent events", stream));
    }

    /** Ends every open event stream and refuses new ones; the server does this before it stops. */
    @Override
    public void close() {
        stream.close();
    }

    /** Event streams open now. */
    public int openStreams() {
        return stream.openStreams();
    }

    private void events(Context ctx) {
        EventFilter filter = EventFilter.parse(ctx.queryParam("model"), ctx.queryParam("types"));
        boolean all = filter.model() == null && filter.types().isEmpty();
        long after = RouteInputs.number(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) RouteInputs.number(ctx, "limit", 1, EventLog.MAX_LIMIT, 100);
        EventLog log = orchestrator.store().events();
        List<ObjectNode> events = new ArrayList<>();
        long next = after;
        int scanned = 0;
        read:
        while (events.size() < limit && scanned < MAX_SCANNED) {
            int page = all ? limit - events.size() : EventLog.MAX_LIMIT;
            List<LoggedEvent> logged = log.after(next, page);
            for (LoggedEvent e : logged) {
                scanned++;
                next = e.position();
                if (filter.test(e.event())) {
                    events.add(json(e.event(), e.position()));
                    if (events.size() == limit) {
                        break read;
                    }
                }
            }
            if (logged.size() < page) {
                break;
            }
        }
        long last = log.lastPosition();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events);
        json.put("next", next);
        json.put("lastPosition", last);
        json.put("more", next < last);
        ctx.json(json);
    }

    /** An event as the API shows it: type, id, model, time and its own fields; with its log position if logged. */
    static ObjectNode json(MonitorEvent event, Long position) {
        ObjectNode node = ApiJson.mapper().valueToTree(event);
        if (position != null) {
            node.put("position", position);
        }
        return node;
    }
}
