package io.visutility.bench;

import io.visutility.registry.Lineage;
import io.visutility.registry.NewModelVersion;
import io.visutility.tuning.HyperParams;
import java.util.Map;

/**
 * The version one writer registers next: the same hyper-parameters, metrics and lineage every time (what
 * a retrain of an XGBoost model records), with a checksum unique to the writer and call, so both
 * registries do the same validation and JSON work per row.
 */
final class Payloads {
    static final String MODEL = "churn";

    private static final HyperParams PARAMS = HyperParams.of("max_depth", 6, "eta", 0.3,
            "n_estimators", 200, "subsample", 0.8, "objective", "binary:logistic");
    private static final Map<String, Double> METRICS = Map.of("precision", 0.91, "recall", 0.87,
            "auc", 0.944, "logloss", 0.231);
    private static final Map<String, String> DETAILS = Map.of("rows", "120000", "seed", "42",
            "window", "2026-11-01T00:00Z/2026-11-28T00:00Z", "xgboost", "3.4.0");

    private final String writer;
    private long next;

    /** Payloads of the writer numbered {@code writer}. */
    Payloads(int writer) {
        this.writer = String.format("%08x", writer);
    }

    /** The next version to register; a new checksum each call. */
    NewModelVersion next() {
        String sha256 = writer + String.format("%056x", next++);
        Lineage lineage = new Lineage(null, "drift-" + writer, "job-" + writer, "xgboost", DETAILS);
        return new NewModelVersion(MODEL, sha256, PARAMS, METRICS, lineage, null);
    }
}
