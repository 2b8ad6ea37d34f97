package io.visutility.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import io.visutility.bus.EventBus;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One bus subscription per connected client: each event goes out as a server-sent event whose id is the
 * event id, whose name is its type and whose data is its JSON. A lagging client loses metric samples (the
 * bus counts them) but never another kind. Idle streams get a comment line every keep-alive interval;
 * the subscription ends when the client goes away or the bus closes.
 */
final class EventStream implements Consumer<SseClient>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final AtomicLong CLIENTS = new AtomicLong();
    /** One daemon thread sends every stream's keep-alive comments; sending one is a short write. */
    private static final ScheduledExecutorService KEEP_ALIVE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "visutility-sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    private final EventBus bus;
    private final Duration keepAlive;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    EventStream(EventBus bus, Duration keepAlive) {
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be > 0, was " + keepAlive);
        }
        this.bus = bus;
        this.keepAlive = keepAlive;
    }

    @Override
    public void accept(SseClient client) {
        EventFilter filter;
        try {
            filter = EventFilter.parse(client.ctx().queryParam("model"), client.ctx().queryParam("types"));
        } catch (ApiError e) {
            // The stream's 200 and headers are already out: say what is wrong as an event, then end it.
            client.sendEvent("error", errorJson(e.code(), e.field(), e.getMessage()), null);
            client.close();
            return;
        }
        if (closed) {
            client.sendEvent("error", errorJson("UNAVAILABLE", null, "the server is stopping"), null);
            client.close();
            return;
        }
        client.keepAlive();
        Connection connection = new Connection(client, filter, open);
        open.add(connection);
        connection.subscription = bus.subscribe("api-stream-" + CLIENTS.incrementAndGet(), connection::deliver);
        client.onClose(connection::end);
        long period = keepAlive.toMillis();
        connection.ticks = KEEP_ALIVE.scheduleAtFixedRate(connection::ping, period, period, TimeUnit.MILLISECONDS);
        connection.writing.lock();
        try {
            client.sendComment("connected");
        } finally {
            connection.writing.unlock();
        }
        if (client.terminated() || closed) {
            connection.end();
        }
    }

    /** Ends every open stream, and refuses new ones: call it before the HTTP server stops. */
    @Override
    public void close() {
        closed = true;
        open.forEach(Connection::end);
    }

    /** Streams open now. */
    int openStreams() {
        return open.size();
    }

    private static String errorJson(String code, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        try {
            return ApiJson.mapper().writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One client's subscription, filter and keep-alive. */
    private static final class Connection {
        private final SseClient client;
        private final EventFilter filter;
        private final Set<Connection> open;
        private final AtomicBoolean ended = new AtomicBoolean();
        final ReentrantLock writing = new ReentrantLock();
        volatile Subscription subscription;
        volatile ScheduledFuture<?> ticks;

        Connection(SseClient client, EventFilter filter, Set<Connection> open) {
            this.client = client;
            this.filter = filter;
            this.open = open;
        }

        void deliver(MonitorEvent event) {
            if (ended.get() || !filter.test(event)) {
                return;
            }
            String data;
            try {
                data = ApiJson.mapper().writeValueAsString(EventRoutes.json(event, null));
            } catch (JsonProcessingException e) {
                LOG.warn("event {} of {} cannot be written as JSON; not streamed", event.id(), event.model(), e);
                return;
            }
            String type = event.getClass().getSimpleName();
            writing.lock();
            try {
                client.sendEvent(type, data, event.id());
            } finally {
                writing.unlock();
            }
            if (client.terminated()) {
                end();
            }
        }

        void ping() {
            if (ended.get()) {
                // The client left before its keep-alive was scheduled: stop the ticks now.
                ticks.cancel(false);
                return;
            }
            Subscription s = subscription;
            if (client.terminated() || s != null && !s.isActive()) {
                end();
                return;
            }
            // A write in progress means the stream is not idle; and the one keep-alive thread must not wait
            // behind a client whose socket is full.
            if (!writing.tryLock()) {
                return;
            }
            try {
                client.sendComment("keep-alive");
            } finally {
                writing.unlock();
            }
            if (client.terminated()) {
                end();
            }
        }

        void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            ScheduledFuture<?> t = ticks;
            if (t != null) {
                t.cancel(false);
            }
            Subscription s = subscription;
            if (s != null) {
                s.close();
            }
            client.close();
        }
    }
}
