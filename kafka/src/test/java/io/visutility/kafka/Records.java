package io.visutility.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Producing test records: a metric report is told apart by its timestamp (epoch milliseconds). */
final class Records {
    private Records() {
    }

    static String metric(long millis) {
        return "{\"precision\":0.9,\"recall\":0.8,\"timestamp\":" + millis + "}";
    }

    /** Sends every (key, value) pair to {@code topic} and waits until all are acknowledged. */
    static void send(KafkaProducer<String, String> producer, String topic, List<Map.Entry<String, String>> records) {
        List<Future<?>> sent = new ArrayList<>(records.size());
        for (Map.Entry<String, String> record : records) {
            sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
        }
        try {
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * {@code perModel} metric records for each of {@code models} models named {@code model-0...}, interleaved;
     * record {@code i} of model {@code m} has the timestamp {@code base + i * models + m}.
     */
    static List<Map.Entry<String, String>> metrics(int models, int perModel, long base) {
        List<Map.Entry<String, String>> out = new ArrayList<>(models * perModel);
        for (int i = 0; i < perModel; i++) {
            for (int m = 0; m < models; m++) {
                out.add(Map.entry("model-" + m, metric(base + (long) i * models + m)));
            }
        }
        return out;
    }

    /** What {@link RecordingSink} records for {@link #metrics} of model {@code m}, in order. */
    static List<String> expected(int models, int perModel, long base, int m) {
        List<String> out = new ArrayList<>(perModel);
        for (int i = 0; i < perModel; i++) {
            out.add("m" + (base + (long) i * models + m));
        }
        return out;
    }
}
