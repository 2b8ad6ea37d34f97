package io.visutility.kafka.internal;

import io.visutility.ingest.IngestJson;
import io.visutility.ingest.IngestSink;
import io.visutility.ingest.LabelReport;
import io.visutility.ingest.MetricReport;
import io.visutility.ingest.PredictionReport;

import java.util.List;

/** What a topic carries: how its values parse and which sink call takes them. */
public enum TopicKind {
    /** Metric reports. */
    METRICS {
        @Override
        List<?> parse(String json) {
            return IngestJson.metrics(json);
        }

        @Override
        @SuppressWarnings("unchecked")
        int apply(IngestSink sink, String model, List<?> reports) {
            return sink.metrics(model, (List<MetricReport>) reports);
        }
    },
    /** Served predictions. */
    PREDICTIONS {
        @Override
        List<?> parse(String json) {
            return IngestJson.predictions(json);
        }

        @Override
        @SuppressWarnings("unchecked")
        int apply(IngestSink sink, String model, List<?> reports) {
            return sink.predictions(model, (List<PredictionReport>) reports);
        }
    },
    /** Late labels. */
    LABELS {
        @Override
        List<?> parse(String json) {
            return IngestJson.labels(json);
        }

        @Override
        @SuppressWarnings("unchecked")
        int apply(IngestSink sink, String model, List<?> reports) {
            return sink.labels(model, (List<LabelReport>) reports);
        }
    };

    abstract List<?> parse(String json);

    abstract int apply(IngestSink sink, String model, List<?> reports);
}
