package io.visutility.kafka.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.concurrent.Future;

/** Where a record that cannot be applied goes, with the reason. */
public interface DeadLetterSink {
    /** Sends {@code record} on with the bad {@code field} and the {@code error}; done when the future is. */
    Future<?> send(ConsumerRecord<byte[], byte[]> record, String field, String error);
}
