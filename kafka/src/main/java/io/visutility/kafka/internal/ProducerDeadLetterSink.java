package io.visutility.kafka.internal;

import io.visutility.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/** Dead-letters a record to a topic: the original key and value, the reason and the origin in headers. */
public final class ProducerDeadLetterSink implements DeadLetterSink {
    // A header value is kept short: the message already names the field and a cut-down value.
    private static final int MAX_ERROR = 1_000;

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    /** Sends to {@code topic} through {@code producer}. */
    public ProducerDeadLetterSink(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public Future<?> send(ConsumerRecord<byte[], byte[]> record, String field, String error) {
        RecordHeaders headers = new RecordHeaders();
        String message = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        headers.add(DeadLetters.ERROR, utf8(message));
        headers.add(DeadLetters.FIELD, utf8(field == null ? "" : field));
        headers.add(DeadLetters.SOURCE_TOPIC, utf8(record.topic()));
        headers.add(DeadLetters.SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetters.SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        return producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
