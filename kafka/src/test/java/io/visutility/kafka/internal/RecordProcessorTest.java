package io.visutility.kafka.internal;

import io.visutility.kafka.OffsetLedger;
import io.visutility.kafka.RecordingSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordProcessorTest {
    private static final TopicPartition METRICS = new TopicPartition("metrics", 0);

    private final RecordingSink sink = new RecordingSink(Set.of("a", "b"));
    private final OffsetLedger ledger = OffsetLedger.inMemory();
    private final List<String> deadLetters = new ArrayList<>();
    private final SourceCounters counters = new SourceCounters();
    private final RecordProcessor processor = new RecordProcessor(sink, ledger, this::deadLetter, counters);

    @Test
    void appliesOneBatchPerModelInOffsetOrder() {
        List<String> models = processor.process(METRICS, TopicKind.METRICS, List.of(
                metric(0, "a", 1), metric(1, "b", 2), metric(2, "a", 3), metric(3, "a", 4), metric(4, "b", 5)));

        assertThat(models).containsExactly("a", "b");
        assertThat(sink.applied("a")).containsExactly("m1", "m3", "m4");
        assertThat(sink.applied("b")).containsExactly("m2", "m5");
        assertThat(ledger.snapshot(METRICS)).containsEntry("a", 3L).containsEntry("b", 4L);
        assertThat(counters.applied()).isEqualTo(5);
    }

    @Test
    void aRedeliveredRecordChangesNothingTwice() {
        processor.process(METRICS, TopicKind.METRICS, List.of(metric(0, "a", 1), metric(1, "b", 2)));

        processor.process(METRICS, TopicKind.METRICS, List.of(metric(0, "a", 1), metric(1, "b", 2), metric(2, "a", 3)));

        assertThat(sink.applied("a")).containsExactly("m1", "m3");
        assertThat(sink.applied("b")).containsExactly("m2");
        assertThat(counters.duplicates()).isEqualTo(2);
    }

    @Test
    void afterASinkFailureOnlyWhatWasNotAppliedIsAppliedOnTheRetry() {
        sink.beforeCall((model, call) -> {
            if (model.equals("b") && call == 2) {
                throw new IllegalStateException("store unavailable");
            }
        });
        List<ConsumerRecord<byte[], byte[]>> poll = List.of(metric(0, "a", 1), metric(1, "b", 2), metric(2, "a", 3));

        assertThatThrownBy(() -> processor.process(METRICS, TopicKind.METRICS, poll))
                .isInstanceOf(IllegalStateException.class);
        processor.process(METRICS, TopicKind.METRICS, poll);

        assertThat(sink.applied("a")).containsExactly("m1", "m3");
        assertThat(sink.applied("b")).containsExactly("m2");
    }

    @Test
    void malformedRecordsAreDeadLetteredWithTheFieldAndTheRestIsApplied() {
        processor.process(METRICS, TopicKind.METRICS, List.of(
                record(0, null, "{\"precision\":0.9,\"recall\":0.8}"),
                record(1, "a", "{\"precision\":0.9,"),
                record(2, "a", "{\"precision\":1.7,\"recall\":0.8}"),
                record(3, "a", "[{\"precision\":0.9,\"recall\":0.8},{\"precision\":0.9}]"),
                record(4, "a", "{\"precision\":0.9,\"recall\":0.8,\"colour\":\"red\"}"),
                record(5, "ghost", "{\"precision\":0.9,\"recall\":0.8}"),
                metric(6, "a", 7),
                new ConsumerRecord<>("metrics", 0, 7, "a".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28}),
                record(8, "a", null)));

        assertThat(deadLetters).containsExactly(
                "0 key the record key (the model name) is missing",
                "1 body body is not valid JSON",
                "2 precision precision must be within [0, 1], was 1.7",
                "3 [1].recall [1].recall is required",
                "4 colour colour is not a known field",
                "7 body the record value is not UTF-8 text",
                "8 body the record value is missing",
                "5 key no model named ghost");
        assertThat(sink.applied("a")).containsExactly("m7");
        assertThat(counters.deadLettered()).isEqualTo(8);
    }

    @Test
    void aRecordTheSinkRefusesIsFoundInItsBatchAndDeadLetteredAlone() {
        processor.process(METRICS, TopicKind.METRICS, List.of(
                metric(0, "a", 1), record(1, "a", "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":2}"), metric(2, "a", 3)));

        assertThat(sink.applied("a")).containsExactly("m1", "m3");
        assertThat(deadLetters).containsExactly("1 [0].precision [0].precision 0.5 is refused here");

        processor.process(METRICS, TopicKind.METRICS, List.of(
                metric(0, "a", 1), record(1, "a", "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":2}"), metric(2, "a", 3)));
        assertThat(deadLetters).hasSize(1);
        assertThat(sink.applied("a")).hasSize(2);
    }

    @Test
    void aFailedDeadLetterIsSentAgainOnTheRetry() {
        List<String> attempts = new ArrayList<>();
        RecordProcessor failingOnce = new RecordProcessor(sink, ledger, (record, field, error) -> {
            attempts.add(record.offset() + " " + field);
            return attempts.size() == 1 ? CompletableFuture.failedFuture(new IllegalStateException("broker down"))
                    : CompletableFuture.completedFuture(null);
        }, counters);
        List<ConsumerRecord<byte[], byte[]>> poll = List.of(metric(0, "a", 1), record(1, "a", "nope"));

        assertThatThrownBy(() -> failingOnce.process(METRICS, TopicKind.METRICS, poll))
                .isInstanceOf(DeadLetterException.class).hasMessageContaining("broker down");
        failingOnce.process(METRICS, TopicKind.METRICS, poll);
        failingOnce.process(METRICS, TopicKind.METRICS, poll);

        assertThat(attempts).containsExactly("1 body", "1 body");
        assertThat(sink.applied("a")).containsExactly("m1");
    }

    @Test
    void predictionsAndLabelsReachTheirSinkCalls() {
        TopicPartition predictions = new TopicPartition("predictions", 2);
        processor.process(predictions, TopicKind.PREDICTIONS, List.of(new ConsumerRecord<>("predictions", 2, 0,
                bytes("a"), bytes("[{\"id\":\"p-1\",\"features\":{\"x\":1.5},\"score\":0.7},"
                        + "{\"id\":\"p-2\",\"features\":{\"x\":0.5},\"score\":0.2,\"label\":0}]"))));
        processor.process(new TopicPartition("labels", 2), TopicKind.LABELS, List.of(new ConsumerRecord<>("labels", 2, 0,
                bytes("a"), bytes("{\"id\":\"p-1\",\"label\":1}"))));

        assertThat(sink.applied("a")).containsExactly("p:p-1", "p:p-2", "l:p-1");
    }

    @Test
    void theLedgerForgetsWhatIsBelowTheCommittedOffset() {
        processor.process(METRICS, TopicKind.METRICS, List.of(metric(0, "a", 1), metric(5, "b", 2)));

        ledger.committed(METRICS, 3);

        assertThat(ledger.snapshot(METRICS)).containsOnlyKeys("b");
        assertThat(ledger.lastApplied(METRICS, "a")).isEqualTo(-1);
    }

    private Future<?> deadLetter(ConsumerRecord<byte[], byte[]> record, String field, String error) {
        String cut = error.contains(":") ? error.substring(0, error.indexOf(':')) : error;
        cut = cut.contains(" (known") ? cut.substring(0, cut.indexOf(" (known")) : cut;
        deadLetters.add(record.offset() + " " + field + " " + cut);
        return CompletableFuture.completedFuture(null);
    }

    private static ConsumerRecord<byte[], byte[]> metric(long offset, String model, long millis) {
        return record(offset, model, "{\"precision\":0.9,\"recall\":0.8,\"timestamp\":" + millis + "}");
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, String value) {
        return new ConsumerRecord<>("metrics", 0, offset, key == null ? null : bytes(key), value == null ? null : bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
