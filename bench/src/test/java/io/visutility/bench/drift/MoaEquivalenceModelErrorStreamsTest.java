package io.visutility.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.drift.Adwin;
import io.visutility.drift.Cusum;
import io.visutility.drift.Ddm;
import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.Eddm;
import io.visutility.drift.HddmA;
import io.visutility.drift.HddmW;
import io.visutility.drift.PageHinkley;
import io.visutility.drift.eval.DetectorEvaluation;
import io.visutility.drift.eval.StreamCatalogue;
import io.visutility.drift.eval.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.ChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On the error streams of a frozen model when SEA and Agrawal change concept (the evaluation's
 * {@code sea-error} and {@code agrawal-error}), each of our detectors with MOA's defaults flags drifts and
 * warnings at the indices MOA 2024.07.0's does, on 24 seeded runs of each stream.
 */
class MoaEquivalenceModelErrorStreamsTest {
    private static final int SEEDS = 24;
    private static final Map<String, Integer> DRIFTS = new ConcurrentHashMap<>();

    enum Peer {
        ADWIN(Adwin::new, ADWINChangeDetector::new),
        DDM(Ddm::new, moa.classifiers.core.driftdetection.DDM::new),
        EDDM(Eddm::new, moa.classifiers.core.driftdetection.EDDM::new),
        HDDM_A(HddmA::new, HDDM_A_Test::new),
        HDDM_W(HddmW::new, HDDM_W_Test::new),
        PAGE_HINKLEY(PageHinkley::new, PageHinkleyDM::new),
        CUSUM(Cusum::new, CusumDM::new);

        final Supplier<DriftDetector> ours;
        final Supplier<ChangeDetector> moa;

        Peer(Supplier<DriftDetector> ours, Supplier<ChangeDetector> moa) {
            this.ours = ours;
            this.moa = moa;
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of("sea-error", "agrawal-error").flatMap(stream -> IntStream.range(0, SEEDS)
                .mapToObj(run -> Arguments.of(stream, DetectorEvaluation.runSeed(20_261_128L, run))));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void everyDetectorFlagsTheSameIndicesAsMoa(String stream, long seed) {
        StreamSpec spec = StreamCatalogue.byName(stream);
        DoubleSupplier source = spec.open(seed);
        double[] values = new double[spec.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = source.getAsDouble();
        }
        for (Peer peer : Peer.values()) {
            List<List<Integer>> ours = runOurs(peer.ours.get(), values);
            List<List<Integer>> moa = runMoa(peer.moa.get(), values);
            assertThat(ours.get(0)).as("%s drift indices on %s seed %d", peer, stream, seed).isEqualTo(moa.get(0));
            assertThat(ours.get(1)).as("%s warning indices on %s seed %d", peer, stream, seed).isEqualTo(moa.get(1));
            DRIFTS.merge(peer + " " + stream, ours.get(0).size(), Integer::sum);
        }
    }

    @AfterAll
    static void everyDetectorSawTheChanges() {
        // only meaningful when the whole class ran; a filtered run may skip some cases
        if (DRIFTS.size() == Peer.values().length * 2) {
            DRIFTS.forEach((key, drifts) -> assertThat(drifts).as(key + " drifts over all runs").isPositive());
        }
    }

    private static List<List<Integer>> runOurs(DriftDetector detector, double[] values) {
        List<Integer> drifts = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            DriftState s = detector.update(values[i]);
            if (s == DriftState.DRIFT) {
                drifts.add(i);
            } else if (s == DriftState.WARNING) {
                warnings.add(i);
            }
        }
        return List.of(drifts, warnings);
    }

    private static List<List<Integer>> runMoa(ChangeDetector detector, double[] values) {
        detector.prepareForUse();
        List<Integer> drifts = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            detector.input(values[i]);
            if (detector.getChange()) {
                drifts.add(i);
            } else if (detector.getWarningZone()) {
                warnings.add(i);
            }
        }
        return List.of(drifts, warnings);
    }
}
