package io.visutility.kafka;

import io.visutility.ingest.IngestSink;
import io.visutility.ingest.InvalidRecordException;
import io.visutility.ingest.LabelReport;
import io.visutility.ingest.MetricReport;
import io.visutility.ingest.PredictionReport;
import io.visutility.registry.ModelNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * An {@link IngestSink} for tests: it knows a fixed set of models, rejects a metric report whose precision
 * is exactly 0.5 (to stand for a rule the JSON alone cannot check), and records what it applied per model,
 * in order. A metric report is recorded as its timestamp in epoch milliseconds, a prediction or label as
 * its id.
 */
public final class RecordingSink implements IngestSink {
    private final Set<String> models;
    private final Map<String, List<String>> applied = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile BiConsumer<String, Integer> beforeCall = (model, call) -> { };

    public RecordingSink(Set<String> models) {
        this.models = Set.copyOf(models);
    }

    /** Runs {@code hook} with the model and the call number before each call; it may throw to fail the call. */
    public void beforeCall(BiConsumer<String, Integer> hook) {
        this.beforeCall = hook;
    }

    @Override
    public int metrics(String model, List<MetricReport> reports) {
        check(model);
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).metrics().precision() == 0.5) {
                throw new InvalidRecordException("[" + i + "].precision", "[" + i + "].precision 0.5 is refused here");
            }
        }
        return record(model, reports.stream().map(r -> "m" + r.time().toEpochMilli()).toList());
    }

    @Override
    public int predictions(String model, List<PredictionReport> reports) {
        check(model);
        return record(model, reports.stream().map(r -> "p:" + r.id()).toList());
    }

    @Override
    public int labels(String model, List<LabelReport> reports) {
        check(model);
        return record(model, reports.stream().map(r -> "l:" + r.id()).toList());
    }

    /** What was applied for {@code model}, in order. */
    public List<String> applied(String model) {
        synchronized (applied) {
            return List.copyOf(applied.getOrDefault(model, List.of()));
        }
    }

    /** How many records were applied in all. */
    public int total() {
        synchronized (applied) {
            return applied.values().stream().mapToInt(List::size).sum();
        }
    }

    private void check(String model) {
        beforeCall.accept(model, calls.incrementAndGet());
        if (!models.contains(model)) {
            throw new ModelNotFoundException("no model named " + model);
        }
    }

    private int record(String model, List<String> entries) {
        synchronized (applied) {
            applied.computeIfAbsent(model, m -> new ArrayList<>()).addAll(entries);
        }
        return entries.size();
    }
}
