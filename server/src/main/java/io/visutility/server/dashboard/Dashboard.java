package io.visutility.server.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The dashboard: a single page served at {@code /} from the classpath folder {@value #FOLDER}, with its
 * chart library from a WebJar under {@code /webjars/}. The page reads the API under {@code /api/v1} and
 * follows the event stream; it holds no state on the server. Install it on an API server with
 * {@code ApiServer.builder().extension(Dashboard::install)}.
 */
public final class Dashboard {
    /** The classpath folder holding the page, its scripts and its style sheet. */
    public static final String FOLDER = "/dashboard";

    private Dashboard() {
    }

    /** Serves the page at {@code /} and the WebJars at {@code /webjars/}. */
    public static void install(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = FOLDER;
            files.location = Location.CLASSPATH;
        });
        cfg.staticFiles.enableWebjars();
    }
}
