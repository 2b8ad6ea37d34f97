package io.visutility.server.serve;

import io.visutility.server.config.ConfigException;
import io.visutility.server.config.ConfigLoader;
import io.visutility.server.config.ServerConfig;
import io.visutility.server.http.ApiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code visutility serve}: runs the orchestrator with its HTTP API until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the orchestrator as a service: HTTP API under /api/v1, the store, the monitor and the retrain workers.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (docs/configuration.md).")
    private Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the SQLite store and artifacts (default visutility-data).")
    private Path data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one (default 7070).")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1).")
    private String bind;

    @Option(names = "--grace", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "How long running retrains may take to finish at shutdown. Default: ${DEFAULT-VALUE}.")
    private Duration grace;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        ServerConfig resolved;
        Service service;
        try {
            resolved = resolve();
            service = Service.start(resolved, List.of());
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("visutility serving on http://%s:%d/ (API under /api/v1, data in %s)%n", resolved.api().bind(),
                service.port(), resolved.postgres() == null ? resolved.dataDir() : resolved.postgres().url());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown(grace);
            stopped.countDown();
        }, "visutility-shutdown"));
        stopped.await();
        return 0;
    }

    private ServerConfig resolve() {
        if (grace.isNegative()) {
            throw new ConfigException("--grace must not be negative, was " + grace);
        }
        ServerConfig file = ConfigLoader.load(config, System.getenv());
        ApiSettings api = file.api();
        if (port != null || bind != null) {
            try {
                api = new ApiSettings(bind != null ? bind : api.bind(), port != null ? port : api.port(),
                        api.maxBodyBytes(), api.tokens());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--port: " + e.getMessage());
            }
        }
        Path dataDir = data != null ? data : file.dataDir();
        Path artifacts = data != null && file.postgres() == null ? dataDir.resolve("artifacts") : file.artifacts();
        return new ServerConfig(dataDir, file.postgres(), artifacts, api, file.workers(), file.models(), file.kafka());
    }
}
