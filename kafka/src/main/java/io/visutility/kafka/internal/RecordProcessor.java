package io.visutility.kafka.internal;

import io.visutility.ingest.IngestSink;
import io.visutility.ingest.InvalidRecordException;
import io.visutility.kafka.OffsetLedger;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Applies one partition's share of a poll (one instance per poll thread): parses each record, skips what the ledger says was applied,
 * hands the rest to the sink in one batch per model (in offset order), and dead-letters what cannot be
 * applied. A sink failure other than a rejected record propagates, with the ledger naming exactly what
 * was applied, so the caller can seek back and try again without doubling anything.
 */
public final class RecordProcessor {
    /**
     * The ledger key under which dead-lettered records of a partition are remembered. It cannot clash
     * with a model: model names may not hold control characters.
     */
    public static final String DEAD_LETTER_KEY = "\u0000dead-letter";

    private final IngestSink sink;
    private final OffsetLedger ledger;
    private final DeadLetterSink deadLetters;
    private final SourceCounters counters;
    // One processor serves one poll thread, so one strict decoder is reused for every key and value.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** A processor for one poll thread. */
    public RecordProcessor(IngestSink sink, OffsetLedger ledger, DeadLetterSink deadLetters, SourceCounters counters) {
        this.sink = sink;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    /**
     * Applies {@code records}, all of {@code partition}, in offset order.
     *
     * @return the models whose records were seen
     */
    public List<String> process(TopicPartition partition, TopicKind kind, List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Batch> batches = new LinkedHashMap<>();
        List<Future<?>> sent = new ArrayList<>();
        long lastDeadLetter = -1;
        long deadLettered = ledger.lastApplied(partition, DEAD_LETTER_KEY);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Parsed parsed = parse(kind, record);
            if (parsed.error != null) {
                if (record.offset() <= deadLettered) {
                    counters.duplicate();
                    continue;
                }
                sent.add(deadLetters.send(record, parsed.field, parsed.error));
                lastDeadLetter = record.offset();
                continue;
            }
            Batch batch = batches.computeIfAbsent(parsed.model, m -> new Batch(ledger.lastApplied(partition, m)));
            if (record.offset() <= batch.applied) {
                counters.duplicate();
                continue;
            }
            batch.add(record, parsed.reports);
        }
        for (Map.Entry<String, Batch> entry : batches.entrySet()) {
            apply(partition, kind, entry.getKey(), entry.getValue());
        }
        if (lastDeadLetter >= 0) {
            await(sent);
            ledger.applied(partition, DEAD_LETTER_KEY, lastDeadLetter);
            counters.deadLettered(sent.size());
        }
        return List.copyOf(batches.keySet());
    }

    private void apply(TopicPartition partition, TopicKind kind, String model, Batch batch) {
        if (batch.records.isEmpty()) {
            return;
        }
        try {
            kind.apply(sink, model, batch.reports);
            ledger.applied(partition, model, batch.lastOffset());
            counters.applied(batch.records.size());
        } catch (ModelNotFoundException | InvalidArgumentException e) {
            deadLetterAll(partition, model, batch, e.getMessage());
        } catch (InvalidRecordException e) {
            // The sink applied none of the batch: apply the records one by one to find the bad ones.
            for (int i = 0; i < batch.records.size(); i++) {
                applyOne(partition, kind, model, batch.records.get(i), batch.perRecord.get(i));
            }
        }
    }

    private void applyOne(TopicPartition partition, TopicKind kind, String model, ConsumerRecord<byte[], byte[]> record,
                          List<?> reports) {
        try {
            kind.apply(sink, model, reports);
            counters.applied(1);
        } catch (InvalidRecordException e) {
            await(List.of(deadLetters.send(record, e.field(), e.getMessage())));
            counters.deadLettered(1);
        } catch (ModelNotFoundException | InvalidArgumentException e) {
            await(List.of(deadLetters.send(record, "key", e.getMessage())));
            counters.deadLettered(1);
        }
        ledger.applied(partition, model, record.offset());
    }

    private void deadLetterAll(TopicPartition partition, String model, Batch batch, String error) {
        List<Future<?>> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch.records) {
            sent.add(deadLetters.send(record, "key", error));
        }
        await(sent);
        ledger.applied(partition, model, batch.lastOffset());
        counters.deadLettered(sent.size());
    }

    private Parsed parse(TopicKind kind, ConsumerRecord<byte[], byte[]> record) {
        String model = record.key() == null ? null : utf8(record.key());
        if (model == null || model.isEmpty()) {
            return Parsed.bad("key", record.key() == null ? "the record key (the model name) is missing"
                    : model == null ? "the record key (the model name) is not UTF-8 text"
                    : "the record key (the model name) is empty");
        }
        String json = record.value() == null ? null : utf8(record.value());
        if (json == null) {
            return Parsed.bad("body", record.value() == null ? "the record value is missing"
                    : "the record value is not UTF-8 text");
        }
        try {
            return new Parsed(model, kind.parse(json), null, null);
        } catch (InvalidRecordException e) {
            return Parsed.bad(e.field(), e.getMessage());
        }
    }

    private String utf8(byte[] bytes) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void await(List<Future<?>> sent) {
        try {
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new DeadLetterException("cannot dead-letter a record: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private record Parsed(String model, List<?> reports, String field, String error) {
        static Parsed bad(String field, String error) {
            return new Parsed(null, null, field, error);
        }
    }

    private static final class Batch {
        final long applied;
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        final List<List<?>> perRecord = new ArrayList<>();
        final List<Object> reports = new ArrayList<>();

        Batch(long applied) {
            this.applied = applied;
        }

        void add(ConsumerRecord<byte[], byte[]> record, List<?> parsed) {
            records.add(record);
            perRecord.add(parsed);
            reports.addAll(parsed);
        }

        long lastOffset() {
            return records.get(records.size() - 1).offset();
        }
    }
}
