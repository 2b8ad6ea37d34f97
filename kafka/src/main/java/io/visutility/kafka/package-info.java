/**
 * Kafka as a way in and a way out. {@link io.visutility.kafka.KafkaSource} consumes metric reports,
 * predictions and labels (JSON values, the model name as key) and hands them to an
 * {@link io.visutility.ingest.IngestSink}, at least once, with redeliveries recognised by an
 * {@link io.visutility.kafka.OffsetLedger}; malformed records go to a dead-letter topic.
 * {@link io.visutility.kafka.KafkaEventPublisher} publishes the orchestrator's events to a topic.
 */
package io.visutility.kafka;
