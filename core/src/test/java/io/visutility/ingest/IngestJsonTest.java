package io.visutility.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestJsonTest {

    @Test
    void readsOneMetricObjectAndComputesF1WhenAbsent() {
        List<MetricReport> reports = IngestJson.metrics("{\"precision\":0.8,\"recall\":0.6}");

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).metrics().f1Score()).isCloseTo(2 * 0.8 * 0.6 / 1.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(reports.get(0).time()).isNull();
    }

    @Test
    void readsAnArrayWithBothTimestampForms() {
        List<MetricReport> reports = IngestJson.metrics("[{\"precision\":1,\"recall\":0.5,\"f1_score\":0.6,"
                + "\"timestamp\":\"2026-11-28T10:00:00Z\"},{\"precision\":0,\"recall\":0,\"f1_score\":0,"
                + "\"timestamp\":1000}]");

        assertThat(reports).extracting(MetricReport::time)
                .containsExactly(Instant.parse("2026-11-28T10:00:00Z"), Instant.ofEpochMilli(1000));
    }

    @Test
    void readsPredictionsAndLabels() {
        PredictionReport p = IngestJson.predictions("{\"id\":\"p-1\",\"features\":{\"a\":1,\"b\":2.5},\"score\":0.7}").get(0);
        LabelReport l = IngestJson.labels("[{\"id\":\"p-1\",\"label\":1}]").get(0);

        assertThat(p.features()).containsExactly(java.util.Map.entry("a", 1.0), java.util.Map.entry("b", 2.5));
        assertThat(p.label()).isNull();
        assertThat(l.label()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"precision\":1.7,\"recall\":0.5}|precision|precision must be within [0, 1], was 1.7",
            "{\"precision\":-0.1,\"recall\":0.5}|precision|was -0.1",
            "{\"precision\":0.5}|recall|recall is required",
            "{\"precision\":\"0.5\",\"recall\":0.5}|precision|must be a number, was the string \"0.5\"",
            "{\"precision\":0.5,\"recall\":0.5,\"extra\":1}|extra|extra is not a known field",
            "{\"precision\":1e999,\"recall\":0.5}|body|not valid JSON",
            "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":\"yesterday\"}|timestamp|was \"yesterday\"",
            "{\"precision\":0.5,\"recall\":0.5,\"f1_score\":null}|f1_score|f1_score is required",
            "[]|body|body must hold 1 to 10000 records, had 0",
            "[{\"precision\":0.5,\"recall\":0.5},{\"precision\":0.5,\"recall\":2}]|[1].recall|[1].recall must be within [0, 1], was 2.0",
            "[1]|[0]|record must be a JSON object, was 1",
            "NaN|body|body is not valid JSON",
            "\"x\"|body|was the string \"x\"",
    })
    void rejectsBadMetricsNamingTheField(String json, String field, String message) {
        assertThatThrownBy(() -> IngestJson.metrics(json))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"features\":{\"a\":1},\"score\":0.5}|id|id is required",
            "{\"id\":\"\",\"features\":{\"a\":1},\"score\":0.5}|id|id must have 1 to 200 characters, had 0",
            "{\"id\":\"p\",\"features\":{},\"score\":0.5}|features|must have 1 to 1000 entries, had 0",
            "{\"id\":\"p\",\"features\":{\"a\":\"x\"},\"score\":0.5}|features.a|must be a number",
            "{\"id\":\"p\",\"features\":{\"a\":1},\"score\":1.5}|score|score must be within [0, 1], was 1.5",
            "{\"id\":\"p\",\"features\":{\"a\":1},\"score\":0.5,\"label\":2}|label|label must be 0 or 1, was 2",
            "{\"id\":\"p\",\"features\":{\"a\":1},\"score\":0.5,\"label\":0.5}|label|label must be 0 or 1, was 0.5",
            "{\"id\":\"p\",\"features\":[1],\"score\":0.5}|features|features must be a JSON object, was an array",
    })
    void rejectsBadPredictionsNamingTheField(String json, String field, String message) {
        assertThatThrownBy(() -> IngestJson.predictions(json))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAnOversizedBatch() {
        String body = "[" + String.join(",", java.util.Collections.nCopies(IngestJson.MAX_BATCH + 1,
                "{\"id\":\"a\",\"label\":1}")) + "]";

        assertThatThrownBy(() -> IngestJson.labels(body)).hasMessageContaining("had 10001");
    }
}
