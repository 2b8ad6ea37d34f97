package io.visutility.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics printed on standard output, Katib's way. */
class MetricLinesTest {

    @Test
    void readsEveryPairAndTheLastValueOfANameWins() {
        Map<String, Double> metrics = MetricLines.parse("starting\nepoch=1 f1=0.5\nepoch=2 f1=0.75 auc = .9\r\nval-loss=1E-2\n");

        assertThat(metrics).containsExactly(Map.entry("epoch", 2.0), Map.entry("f1", 0.75), Map.entry("auc", 0.9),
                Map.entry("val-loss", 0.01));
    }

    @Test
    void skipsPairsThatAreTextNotNumbers() {
        assertThat(MetricLines.parse("model=logistic path=/a/b=c x==1 url=http://h?q=1")).isEmpty();
    }

    @Test
    void refusesNonFiniteValuesAndSharesOutOfRange() {
        assertThatThrownBy(() -> MetricLines.parse("loss=inf")).hasMessageContaining("metric loss on standard output "
                + "must be a finite number, was inf");
        assertThatThrownBy(() -> MetricLines.parse("F1=-0.1")).hasMessageContaining("metric F1 must be within [0, 1], was -0.1");
        assertThat(MetricLines.parse("logloss=7.5")).containsEntry("logloss", 7.5);
    }

    @Test
    void boundsTheNumberOfMetrics() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= ProgramOutputs.MAX_METRICS; i++) {
            out.append("m").append(i).append("=1\n");
        }
        assertThatThrownBy(() -> MetricLines.parse(out.toString()))
                .hasMessageContaining("reported 101 metrics, more than the limit of 100");
    }
}
