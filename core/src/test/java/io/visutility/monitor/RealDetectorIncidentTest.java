package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.drift.Ddm;
import io.visutility.drift.DriftState;
import io.visutility.drift.stream.BernoulliStream;
import io.visutility.event.MonitorEvent;
import io.visutility.event.MonitorEvent.DriftDetected;
import io.visutility.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs a real DDM behind the monitor on an error stream whose labels come late and shuffled. */
class RealDetectorIncidentTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private record Arrival(Instant time, boolean isLabel, int index) {
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 17, 2026})
    void ddmBehindShuffledLabelsOpensTheIncidentWhereABareDdmDrifts(long seed) {
        int n = 6_000;
        double[] errors = BernoulliStream.abrupt(0.1, 0.5, 3_000, seed).take(n);
        List<Integer> bare = drifts(errors);
        assertThat(bare).as("a bare DDM sees the change at 3 000").anyMatch(i -> i > 3_000 && i < 3_500);

        List<MonitorEvent> events = new CopyOnWriteArrayList<>();
        MonitorPolicy policy = MonitorPolicy.defaults()
                .withLabels(LabelPolicy.defaults().withHorizon(Duration.ofSeconds(5)))
                .withDetectors(List.of(new DetectorFactory("ddm", Ddm::new)))
                .withSignals(EnumSet.of(Signal.ERROR_DETECTOR));
        ModelMonitor monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build())
                .clock(MutableClock.atEpochOfTests()).defaultPolicy(policy).build();
        monitor.subscribe("recorder", events::add);

        Random r = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            arrivals.add(new Arrival(T0.plusMillis(i), false, i));
            arrivals.add(new Arrival(T0.plusMillis(i + r.nextInt(4_999)), true, i));
        }
        arrivals.sort(Comparator.comparing(Arrival::time));
        for (Arrival a : arrivals) {
            // Every prediction says positive; an error in the stream is a negative label.
            int label = errors[a.index()] == 1.0 ? 0 : 1;
            if (a.isLabel()) {
                monitor.observeLabel("fraud", "tx-" + a.index(), label, a.time());
            } else {
                monitor.observePrediction("fraud", "tx-" + a.index(), new double[] {a.index()}, 0.9, null, a.time());
            }
        }

        // The monitor's DDM read the same errors in the same order, so its alarms fall where the bare one's
        // drifts do: the first always, later ones when the incident before had recovered on a healthy window.
        List<String> reasons = events.stream().filter(DriftDetected.class::isInstance)
                .map(e -> ((DriftDetected) e).reason()).toList();
        List<String> possible = bare.stream().map(i -> String.format(Locale.ROOT,
                "error-stream detector ddm: drift after %,d labelled predictions", i)).toList();
        assertThat(reasons).isNotEmpty().isSubsetOf(possible).first().isEqualTo(possible.get(0));
        int change = bare.indexOf(bare.stream().filter(i -> i > 3_000).findFirst().orElseThrow());
        assertThat(reasons).as("the change itself raises an alarm").contains(possible.get(change));
        assertThat(monitor.labelStats("fraud").orElseThrow().joined()).isEqualTo(n);
        assertThat(events).filteredOn(MonitorEvent.DriftWarning.class::isInstance).isNotEmpty()
                .allSatisfy(w -> assertThat(((MonitorEvent.DriftWarning) w).detector()).isEqualTo("ddm"));
    }

    /** The 1-based counts of values a bare DDM had read at each of its DRIFTs. */
    private static List<Integer> drifts(double[] errors) {
        Ddm ddm = new Ddm();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            if (ddm.update(errors[i]) == DriftState.DRIFT) {
                at.add(i + 1);
            }
        }
        return at;
    }
}
