package io.visutility.bench.ingest;

import io.visutility.ingest.IngestJson;
import io.visutility.ingest.MetricReport;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.http.Api;
import io.visutility.server.http.ApiServer;
import io.visutility.server.http.ApiSettings;
import io.visutility.store.Store;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator for {@code POST /api/v1/models/{name}/metrics}: the real orchestrator over a SQLite store
 * behind the real HTTP server on a loopback port, driven by client threads with keep-alive connections.
 * For each batch size it also measures the same parsed batches pushed straight into
 * {@link Orchestrator#metrics} and {@link IngestJson#metrics} parsing alone.
 *
 * <p>Arguments: {@code [threads] [seconds per measurement] [warm-up seconds] [batch sizes, comma separated]};
 * defaults {@code 4 10 3 1,100,1000}.
 */
public final class HttpIngestBench {
    private static final String MODEL = "bench";

    private HttpIngestBench() {
    }

    /** One measured row: events per second and request latency percentiles (nanoseconds; 0 without requests). */
    public record Row(String path, int batch, double eventsPerSecond, long p50Nanos, long p99Nanos) {
    }

    /** Runs the benchmark with command-line arguments and prints the table to standard output. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 3);
        int[] batches = Arrays.stream((args.length > 3 ? args[3] : "1,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        run(threads, measure, warmUp, batches, System.out);
    }

    /** Runs every batch size over HTTP, direct and parse-only, prints a table to {@code out} and returns the rows. */
    public static List<Row> run(int threads, Duration measure, Duration warmUp, int[] batches, PrintStream out)
            throws Exception {
        Path data = Files.createTempDirectory("visutility-http-bench");
        List<Row> rows = new ArrayList<>();
        try (Store store = Store.sqlite(data);
             Orchestrator orchestrator = Orchestrator.builder().store(store).build()) {
            orchestrator.declare(ModelSpec.xgboost(MODEL, List.of("f1", "f2", "f3")));
            ApiServer.Builder builder = ApiServer.builder().settings(ApiSettings.loopback(0));
            Api.standardGroups(orchestrator).forEach(builder::group);
            try (ApiServer server = builder.start()) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/models/" + MODEL + "/metrics");
                for (int batch : batches) {
                    String json = body(batch, new Random(batch));
                    List<MetricReport> parsed = IngestJson.metrics(json);
                    rows.add(http(uri, json, batch, threads, warmUp, measure));
                    rows.add(loop("direct Orchestrator.metrics", batch, threads, warmUp, measure,
                            () -> orchestrator.metrics(MODEL, parsed)));
                    rows.add(loop("IngestJson.metrics parse", batch, threads, warmUp, measure,
                            () -> IngestJson.metrics(json).size()));
                }
            }
        }
        print(rows, threads, measure, out);
        return rows;
    }

    /** A JSON array of {@code n} metric objects with seeded values in [0.5, 1). */
    static String body(int n, Random random) {
        StringBuilder sb = new StringBuilder(n * 64).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double p = 0.5 + random.nextDouble() / 2;
            double r = 0.5 + random.nextDouble() / 2;
            sb.append(String.format(Locale.ROOT, "{\"precision\":%.4f,\"recall\":%.4f}", p, r));
        }
        return sb.append(']').toString();
    }

    private static Row http(URI uri, String json, int batch, int threads, Duration warmUp, Duration measure)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return loop("HTTP POST", batch, threads, warmUp, measure, () -> {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
            }
            return batch;
        });
    }

    /** An operation that ingests one batch and returns how many events it handled. */
    @FunctionalInterface
    interface Op {
        int call() throws Exception;
    }

    private static Row loop(String path, int batch, int threads, Duration warmUp, Duration measure, Op op)
            throws Exception {
        drive(threads, warmUp, op, null);
        List<long[]> latencies = new ArrayList<>();
        long[] events = new long[threads];
        long start = System.nanoTime();
        drive(threads, measure, op, (t, lat, count) -> {
            synchronized (latencies) {
                latencies.add(lat);
            }
            events[t] = count;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(events).sum();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long p50 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.50))];
        long p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))];
        return new Row(path, batch, total / seconds, p50, p99);
    }

    private interface Result {
        void accept(int thread, long[] latencies, long events);
    }

    private static void drive(int threads, Duration duration, Op op, Result result) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                long count = 0;
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        count += op.call();
                        long dt = System.nanoTime() - t0;
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = dt;
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    stop.set(true);
                }
                if (result != null) {
                    result.accept(id, Arrays.copyOf(lat, n), count);
                }
            }, "ingest-load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        long end = System.nanoTime() + duration.toNanos();
        while (!stop.get() && System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("load generator failed", failure[0]);
            }
        }
    }

    private static void print(List<Row> rows, int threads, Duration measure, PrintStream out) {
        out.printf(Locale.ROOT, "HTTP ingestion of metric reports: %d threads, %d s per row%n",
                threads, measure.toSeconds());
        out.printf(Locale.ROOT, "| %-28s | %6s | %12s | %10s | %10s |%n", "path", "batch", "events/s", "p50 ms",
                "p99 ms");
        out.println("|------------------------------|--------|--------------|------------|------------|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %-28s | %6d | %12.0f | %10.3f | %10.3f |%n", r.path(), r.batch(),
                    r.eventsPerSecond(), r.p50Nanos() / 1e6, r.p99Nanos() / 1e6);
        }
    }
}
