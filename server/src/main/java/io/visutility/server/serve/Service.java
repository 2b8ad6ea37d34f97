package io.visutility.server.serve;

import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.config.ConfigException;
import io.visutility.server.dashboard.Dashboard;
import io.visutility.server.config.ServerConfig;
import io.visutility.server.http.Api;
import io.visutility.server.http.ApiServer;
import io.visutility.server.metrics.OrchestratorMetrics;
import io.visutility.store.Store;
import io.visutility.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running service: the store, the orchestrator with the configured models, and the HTTP server.
 * {@link #shutdown} stops it in the order that loses nothing: intake first, then running retrains
 * (finished or given back), then the HTTP server, then the store.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final Store store;
    private final Orchestrator orchestrator;
    private final ApiServer server;
    private final List<AutoCloseable> extras;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Service(Store store, Orchestrator orchestrator, ApiServer server, List<AutoCloseable> extras) {
        this.store = store;
        this.orchestrator = orchestrator;
        this.server = server;
        this.extras = extras;
    }

    /** What a caller can add to the service before its HTTP server starts (metrics, dashboard, Kafka ...). */
    public interface Extension {
        /** Adds routes or configuration to {@code server}; returns what to close at shutdown, or null. */
        AutoCloseable install(Orchestrator orchestrator, ServerConfig config, ApiServer.Builder server);
    }

    /**
     * Starts the service described by {@code config}.
     *
     * @throws ConfigException when the configuration cannot be served, such as a non-loopback address without tokens
     */
    public static Service start(ServerConfig config, List<Extension> extensions) {
        checkExposure(config);
        if (!config.kafka().isEmpty()) {
            KafkaIntake.check(config.kafka());
        }
        Store store = config.postgres() == null ? Store.sqlite(config.dataDir())
                : Store.open(new StoreConfig(config.postgres().url(), config.postgres().user(),
                config.postgres().password(), config.artifacts()));
        Orchestrator orchestrator = null;
        List<AutoCloseable> extras = new ArrayList<>();
        try {
            orchestrator = Orchestrator.builder().store(store).workers(config.workers()).build();
            for (ModelSpec spec : config.models()) {
                orchestrator.declare(spec);
            }
            OrchestratorMetrics metrics = new OrchestratorMetrics(orchestrator);
            extras.add(metrics);
            ApiServer.Builder builder = ApiServer.builder().settings(config.api()).timer(metrics::request)
                    .extension(Dashboard::install);
            Api.standardGroups(orchestrator, List.of(metrics)).forEach(builder::group);
            for (Extension extension : extensions) {
                AutoCloseable closeable = extension.install(orchestrator, config, builder);
                if (closeable != null) {
                    extras.add(closeable);
                }
            }
            orchestrator.start();
            if (!config.kafka().isEmpty()) {
                extras.add(0, KafkaIntake.start(config.kafka(), orchestrator, store));
            }
            ApiServer server = builder.start();
            if (config.api().tokens().isEmpty()) {
                LOG.warn("no API tokens are configured: anyone on this machine may read and write through {}:{}",
                        config.api().bind(), server.port());
            }
            return new Service(store, orchestrator, server, extras);
        } catch (RuntimeException e) {
            extras.forEach(Service::closeQuietly);
            if (orchestrator != null) {
                orchestrator.close();
            }
            store.close();
            throw e;
        }
    }

    /** Refuses to expose the API beyond this machine without tokens. */
    static void checkExposure(ServerConfig config) {
        if (!config.api().tokens().isEmpty()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(config.api().bind()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException("server.bind: not an address of this machine, was " + config.api().bind());
        }
        if (!loopback) {
            throw new ConfigException("server.bind: " + config.api().bind() + " is reachable from other machines;"
                    + " configure auth.tokens (or VISUTILITY_TOKENS) before binding beyond loopback");
        }
    }

    /** The Kafka source's counters, when the configuration has a {@code kafka:} section. */
    public java.util.Optional<io.visutility.kafka.KafkaSource.Stats> kafkaStats() {
        return extras.stream().filter(KafkaIntake.class::isInstance).map(k -> ((KafkaIntake) k).stats()).findFirst();
    }

    /** Why the Kafka source stopped, if it did. */
    public java.util.Optional<Throwable> kafkaFailure() {
        return extras.stream().filter(KafkaIntake.class::isInstance).flatMap(k -> ((KafkaIntake) k).failure().stream())
                .findFirst();
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return server.port();
    }

    /** The orchestrator the service runs. */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /** The store the service keeps its state in. */
    public Store store() {
        return store;
    }

    /**
     * Stops taking input, lets running retrains finish for up to {@code grace} (the rest go back to the
     * queue), then stops the HTTP server and closes the store. Safe to call twice.
     */
    public void shutdown(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        extras.forEach(Service::closeQuietly);
        orchestrator.shutdown(grace);
        server.close();
        store.close();
        LOG.info("stopped");
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", closeable, e);
        }
    }
}
