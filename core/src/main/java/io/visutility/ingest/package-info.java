/**
 * What the outside world reports about a model, whichever way it arrives (HTTP, command line, Kafka):
 * {@link io.visutility.ingest.MetricReport}, {@link io.visutility.ingest.PredictionReport} and
 * {@link io.visutility.ingest.LabelReport}; the strict JSON form of each ({@link io.visutility.ingest.IngestJson});
 * and the {@link io.visutility.ingest.IngestSink} that takes them in. A bad record is rejected with an
 * {@link io.visutility.ingest.InvalidRecordException} naming the field and the value, and nothing of its batch is applied.
 */
package io.visutility.ingest;
