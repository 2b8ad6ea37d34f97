package io.visutility.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.visutility.ingest.InvalidRecordException;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.server.app.DeclarationConflictException;
import io.visutility.server.app.NoChampionException;
import io.visutility.server.app.ShuttingDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The HTTP server: registers every {@link Route} of its {@link RouteGroup}s behind the bearer-token
 * check of the route's role, maps errors to {@code {"error":{"code","message","field"}}} with the status
 * that fits, and refuses bodies over the configured size (413) or not JSON (415).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private static final String ERROR_WRITTEN = "visutility.error-written";

    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /** Starts configuring a server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Every route the server registered, in order. */
    public List<Route> routes() {
        return routes;
    }

    /** Stops listening; requests in flight finish first. */
    @Override
    public void close() {
        app.stop();
    }

    /** Called after each request with its method, route template, status and duration. */
    @FunctionalInterface
    public interface RequestTimer {
        /** Records one finished request. */
        void record(String method, String route, int status, long nanos);
    }

    /** Configures and starts an {@link ApiServer}. */
    public static final class Builder {
        private ApiSettings settings = ApiSettings.loopback(7070);
        private final List<RouteGroup> groups = new ArrayList<>();
        private final List<Consumer<JavalinConfig>> extensions = new ArrayList<>();
        private RequestTimer timer = (method, route, status, nanos) -> {
        };

        private Builder() {
        }

        /** Where to listen and whom to let in; default loopback port 7070, no tokens. */
        public Builder settings(ApiSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Adds a group of routes. */
        public Builder group(RouteGroup group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /** Adds configuration outside the route table, such as static files for the dashboard. */
        public Builder extension(Consumer<JavalinConfig> extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /** Where request timings go; default nowhere. */
        public Builder timer(RequestTimer timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** Starts the server. */
        public ApiServer start() {
            List<Route> routes = new ArrayList<>();
            groups.forEach(g -> routes.addAll(g.routes()));
            Guard guard = new Guard(settings);
            RequestTimer timings = timer;
            List<RouteGroup> registered = List.copyOf(groups);
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.http.maxRequestSize = settings.maxBodyBytes();
                cfg.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
                cfg.requestLogger.http((ctx, ms) -> timings.record(ctx.method().name(), template(ctx),
                        ctx.statusCode(), (long) (ms * 1_000_000L)));
                for (Route route : routes) {
                    if (route.stream() != null) {
                        cfg.routes.before(route.path(), ctx -> guard.authorize(ctx, route, true));
                        cfg.routes.sse(route.path(), route.stream());
                    } else {
                        cfg.routes.addHttpHandler(route.method(), route.path(), guard.wrap(route));
                    }
                }
                errors(cfg);
                // Groups holding open requests (event streams) end them while the server can still finish them.
                cfg.events.serverStopping(() -> registered.forEach(ApiServer::closeGroup));
                extensions.forEach(e -> e.accept(cfg));
            });
            app.start(settings.bind(), settings.port());
            return new ApiServer(app, List.copyOf(routes));
        }

        private static void errors(JavalinConfig cfg) {
            cfg.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.field(), e.getMessage()));
            cfg.routes.exception(InvalidRecordException.class,
                    (e, ctx) -> error(ctx, 400, "INVALID_ARGUMENT", e.field(), e.getMessage()));
            cfg.routes.exception(InvalidArgumentException.class,
                    (e, ctx) -> error(ctx, 400, "INVALID_ARGUMENT", e.field(), e.getMessage()));
            cfg.routes.exception(ModelNotFoundException.class,
                    (e, ctx) -> error(ctx, 404, "NOT_FOUND", null, e.getMessage()));
            cfg.routes.exception(AliasConflictException.class,
                    (e, ctx) -> error(ctx, 409, "CONFLICT", null, e.getMessage()));
            cfg.routes.exception(DeclarationConflictException.class,
                    (e, ctx) -> error(ctx, 409, "CONFLICT", null, e.getMessage()));
            cfg.routes.exception(NoChampionException.class,
                    (e, ctx) -> error(ctx, 409, "NO_CHAMPION", null, e.getMessage()));
            cfg.routes.exception(ShuttingDownException.class,
                    (e, ctx) -> error(ctx, 503, "UNAVAILABLE", null, e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    codeOf(e.getStatus()), null, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "INTERNAL", null, "internal error: " + e.getClass().getSimpleName());
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                    error(ctx, 404, "NOT_FOUND", null, "no route " + ctx.method() + " " + ctx.path());
                }
            });
        }
    }

    private static void closeGroup(RouteGroup group) {
        if (group instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing route group {} failed", group.getClass().getSimpleName(), e);
            }
        }
    }

    /** The matched route's template, so timings do not grow a series per model name; "unmatched" for a 404. */
    private static String template(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (java.util.NoSuchElementException e) {
            return "unmatched";
        }
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
    }

    /** Writes the error body with {@code status}. */
    public static void error(Context ctx, int status, String code, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(Map.of("error", error));
    }

    /** The bearer-token check and the body checks in front of every route. */
    private static final class Guard {
        private final ApiSettings settings;
        private final Map<String, Route.Role> roles = new LinkedHashMap<>();

        Guard(ApiSettings settings) {
            this.settings = settings;
            settings.tokens().forEach(t -> roles.put(t.sha256Hex(), t.role()));
        }

        Handler wrap(Route route) {
            return ctx -> {
                authorize(ctx, route, false);
                if (route.body() != null) {
                    checkBody(ctx);
                }
                route.handler().handle(ctx);
            };
        }

        void authorize(Context ctx, Route route, boolean queryToken) {
            if (roles.isEmpty() || route.role() == Route.Role.PUBLIC) {
                return;
            }
            String token = null;
            String header = ctx.header("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            } else if (queryToken) {
                token = ctx.queryParam("access_token");
            }
            if (token == null || token.isEmpty()) {
                throw new ApiError(401, "UNAUTHENTICATED", null, "a bearer token is required");
            }
            Route.Role role = roleOf(token);
            if (role == null) {
                throw new ApiError(401, "UNAUTHENTICATED", null, "the bearer token is not known");
            }
            if (route.role() == Route.Role.WRITER && role != Route.Role.WRITER) {
                throw new ApiError(403, "FORBIDDEN", null, "this route needs a writer token");
            }
        }

        private Route.Role roleOf(String token) {
            byte[] presented = sha256(token);
            Route.Role found = null;
            for (Map.Entry<String, Route.Role> e : roles.entrySet()) {
                // Compare every hash in constant time, so timing tells nothing about which one matched.
                if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(e.getKey()))) {
                    found = e.getValue();
                }
            }
            return found;
        }

        private void checkBody(Context ctx) {
            long length = ctx.contentLength();
            if (length > settings.maxBodyBytes()) {
                throw new ApiError(413, "TOO_LARGE", "body", "the body has " + length + " bytes; at most "
                        + settings.maxBodyBytes() + " are accepted");
            }
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type",
                        "the body must be application/json, was " + (type == null ? "no Content-Type" : type));
            }
        }

        private static byte[] sha256(String token) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }
    }
}
