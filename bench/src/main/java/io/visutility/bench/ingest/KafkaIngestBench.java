package io.visutility.bench.ingest;

import io.visutility.ingest.IngestSink;
import io.visutility.ingest.LabelReport;
import io.visutility.ingest.MetricReport;
import io.visutility.ingest.PredictionReport;
import io.visutility.kafka.KafkaBroker;
import io.visutility.kafka.KafkaSource;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.Orchestrator;
import io.visutility.store.Store;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Kafka ingestion into the orchestrator: an in-JVM broker, a topic of metric reports (and one of
 * predictions) for many models, then one {@link KafkaSource} (and then two in one consumer group) feeding
 * real orchestrators over SQLite, timed from the source's start until every record was applied. A source
 * feeding a counting sink gives the consumer's own ceiling in the same run.
 *
 * <p>Arguments: {@code [records] [models] [partitions]}; defaults {@code 1000000 100 4}.
 */
public final class KafkaIngestBench {
    private KafkaIngestBench() {
    }

    /** One measured row. */
    public record Row(String what, int instances, long records, double seconds) {
        /** Records applied per second. */
        public double perSecond() {
            return records / seconds;
        }
    }

    /** Runs the benchmark and prints the table. */
    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        run(records, models, partitions, System.out);
        System.exit(0);
    }

    /** Runs every row and prints a table to {@code out}. */
    public static List<Row> run(long records, int models, int partitions, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("visutility-kafka-bench");
        List<Row> rows = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(Map.of("metrics", partitions, "predictions", partitions, "dlq", 1));
            fill(broker, "metrics", records, models, i -> "{\"precision\":0.9" + (i % 10) + ",\"recall\":0.8" + (i % 7) + "}");
            fill(broker, "predictions", records, models, i -> "{\"id\":\"p" + i + "\",\"features\":{\"a\":" + (i % 13)
                    + ",\"b\":" + (i % 17) + "},\"score\":0.7" + (i % 10) + ",\"label\":" + (i % 2) + "}");
            rows.add(counting(broker, "metrics", records, "bench-count-metrics"));
            rows.add(orchestrated(broker, dir, "metrics", records, models, 1, "bench-one-metrics"));
            rows.add(orchestrated(broker, dir, "metrics", records, models, 2, "bench-two-metrics"));
            rows.add(orchestrated(broker, dir, "predictions", records, models, 1, "bench-one-predictions"));
        }
        out.printf("Kafka ingestion: %,d records per topic, %d models, %d partitions%n", records, models, partitions);
        out.println("| what                               | instances |    records |  seconds |   records/s |");
        out.println("|------------------------------------|-----------|------------|----------|-------------|");
        for (Row r : rows) {
            out.printf("| %-34s | %9d | %,10d | %8.2f | %,11.0f |%n", r.what(), r.instances(), r.records(), r.seconds(),
                    r.perSecond());
        }
        return rows;
    }

    private interface Value {
        String of(long i);
    }

    private static void fill(KafkaBroker broker, String topic, long records, int models, Value value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "model-" + (i % models), value.of(i)));
            }
            producer.flush();
        }
    }

    private static KafkaSource.Builder source(KafkaBroker broker, String topic, String group, IngestSink sink) {
        KafkaSource.Builder b = KafkaSource.builder().bootstrapServers(broker.bootstrapServers()).groupId(group)
                .deadLetterTopic("dlq").sink(sink).maxPollRecords(5_000);
        return topic.equals("metrics") ? b.metricsTopic(topic) : b.predictionsTopic(topic);
    }

    private static Row counting(KafkaBroker broker, String topic, long records, String group) {
        LongAdder seen = new LongAdder();
        IngestSink sink = new IngestSink() {
            @Override
            public int metrics(String model, List<MetricReport> reports) {
                seen.add(reports.size());
                return reports.size();
            }

            @Override
            public int predictions(String model, List<PredictionReport> reports) {
                seen.add(reports.size());
                return reports.size();
            }

            @Override
            public int labels(String model, List<LabelReport> reports) {
                seen.add(reports.size());
                return reports.size();
            }
        };
        long start = System.nanoTime();
        try (KafkaSource source = source(broker, topic, group, sink).build().start()) {
            await(seen::sum, records);
        }
        return new Row(topic + " -> counting sink (parse only)", 1, records, (System.nanoTime() - start) / 1e9);
    }

    private static Row orchestrated(KafkaBroker broker, Path dir, String topic, long records, int models,
                                    int instances, String group) throws Exception {
        List<Store> stores = new ArrayList<>();
        List<Orchestrator> orchestrators = new ArrayList<>();
        List<KafkaSource> sources = new ArrayList<>();
        try {
            for (int n = 0; n < instances; n++) {
                Store store = Store.sqlite(Files.createTempDirectory(dir, group + "-" + n));
                stores.add(store);
                Orchestrator o = Orchestrator.builder().store(store).feedback(10_000, Duration.ofMinutes(1)).build();
                for (int m = 0; m < models; m++) {
                    o.declare(ModelSpec.xgboost("model-" + m, List.of("a", "b")));
                }
                orchestrators.add(o);
            }
            String kind = topic.equals("metrics") ? "metrics" : "predictions";
            LongSupplier applied = () -> {
                long sum = 0;
                for (Orchestrator o : orchestrators) {
                    for (int m = 0; m < models; m++) {
                        sum += o.accepted("model-" + m, kind);
                    }
                }
                return sum;
            };
            long start = System.nanoTime();
            for (Orchestrator o : orchestrators) {
                sources.add(source(broker, topic, group, o).build().start());
            }
            await(applied, records);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Row(topic + " -> orchestrator", instances, records, seconds);
        } finally {
            sources.forEach(KafkaSource::close);
            orchestrators.forEach(Orchestrator::close);
            stores.forEach(Store::close);
        }
    }

    private static void await(LongSupplier count, long target) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.getAsLong() + " of " + target + " records in 10 minutes");
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
