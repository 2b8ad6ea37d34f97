package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.xgboost.XGBoostTrainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the tuning benchmark at a tiny size: every study runs to its end and the tables come out whole. */
class TuningEfficiencyBenchTest {

    @Test
    void aTinyRunFillsEveryTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        List<TuningEfficiencyBench.SeedResult> results = TuningEfficiencyBench.run(
                new TuningEfficiencyBench.Settings(1500, 1, new int[] {2, 4}, 27), new XGBoostTrainer(1), out);
        TuningEfficiencyBench.report(results, new int[] {2, 4}, out);

        TuningEfficiencyBench.SeedResult r = results.get(0);
        assertThat(r.random().trials()).hasSize(4);
        assertThat(r.tpe().trials()).hasSize(4);
        assertThat(r.random().bestAfter(4)).isBetween(0.5, 1.0).isGreaterThanOrEqualTo(r.random().bestAfter(2));
        assertThat(r.fullBudget().totalRounds()).isEqualTo(27 * 200);
        assertThat(r.asha().trials().subList(0, 1)).isEqualTo(r.fullBudget().trials().subList(0, 1).stream()
                .map(t -> new io.visutility.tuning.Trial(0, t.params(), r.asha().trials().get(0).objective(), null,
                        TuningEfficiencyBench.MIN)).toList());
        assertThat(r.asha().totalRounds()).isLessThan(r.fullBudget().totalRounds());
        assertThat(r.asha().bestAt(TuningEfficiencyBench.MAX)).isBetween(0.5, 1.0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| random |", "| tpe |", "| full budget | 27 ± 0 |", "| ASHA over random |")
                .doesNotContain("NaN");
    }
}
