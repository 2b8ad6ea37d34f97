package io.visutility.bench.drift;

import io.visutility.drift.Cusum;
import io.visutility.drift.Ddm;
import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.Eddm;
import io.visutility.drift.PageHinkley;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.ChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.PageHinkleyDM;

/** DDM, EDDM, Page-Hinkley and CUSUM, each as ours and as MOA's, both with MOA's default parameters. */
public enum SimpleDetectorPeers {
    /** Gama et al.'s DDM. */
    DDM_PAIR("ddm", Ddm::new, DDM::new, true),
    /** Baena-Garcia et al.'s EDDM. */
    EDDM_PAIR("eddm", Eddm::new, EDDM::new, true),
    /** The fading Page-Hinkley test. */
    PAGE_HINKLEY_PAIR("page-hinkley", PageHinkley::new, PageHinkleyDM::new, false),
    /** Page's CUSUM. */
    CUSUM_PAIR("cusum", Cusum::new, CusumDM::new, false);

    private final String label;
    private final Supplier<DriftDetector> ours;
    private final Supplier<ChangeDetector> moa;
    private final boolean warns;

    SimpleDetectorPeers(String label, Supplier<DriftDetector> ours, Supplier<ChangeDetector> moa, boolean warns) {
        this.label = label;
        this.ours = ours;
        this.moa = moa;
        this.warns = warns;
    }

    /** The detector's name, as {@link DriftDetector#name()} gives it. */
    public String label() {
        return label;
    }

    /** Whether the method has a warning level. */
    public boolean warns() {
        return warns;
    }

    /** A new detector of ours with MOA's defaults. */
    public DriftDetector ours() {
        return ours.get();
    }

    /** A new MOA detector with its defaults, ready for input. */
    public ChangeDetector moa() {
        ChangeDetector detector = moa.get();
        detector.prepareForUse();
        return detector;
    }

    /** The indices at which ours reports a drift and those at which it reports a warning, over {@code values}. */
    public Detections runOurs(double[] values) {
        DriftDetector detector = ours();
        List<Integer> drifts = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            DriftState state = detector.update(values[i]);
            if (state == DriftState.DRIFT) {
                drifts.add(i);
            } else if (state == DriftState.WARNING) {
                warnings.add(i);
            }
        }
        return new Detections(drifts, warnings);
    }

    /** The same for MOA's detector; a value flagged as both change and warning counts as a drift only. */
    public Detections runMoa(double[] values) {
        ChangeDetector detector = moa();
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
        return new Detections(drifts, warnings);
    }

    /** Indices (0-based positions in the stream) of the values that raised a drift and a warning. */
    public record Detections(List<Integer> drifts, List<Integer> warnings) {
    }
}
