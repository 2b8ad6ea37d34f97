package io.visutility.monitor.internal;

/**
 * Where a model's feature rows go to be watched for drift: the seam a feature drift monitor plugs into.
 * Called under the model's lock with the caller's array, so an implementation copies what it keeps.
 */
public interface FeatureHook {

    /** A hook that watches nothing. */
    FeatureHook NONE = new FeatureHook() {
        @Override
        public String observe(double[] features) {
            return null;
        }

        @Override
        public void rearm() {
        }
    };

    /** Reads one row of validated, finite features; returns what drifted when this row shows drift, else null. */
    String observe(double[] features);

    /** Takes the rows that follow as the new reference, as after a promotion. */
    void rearm();

    /** Makes the hook of one model once its feature count is known. */
    @FunctionalInterface
    interface Factory {
        /** No hooks at all. */
        Factory NONE = (model, dimension) -> FeatureHook.NONE;

        /** The hook of {@code model}, whose rows have {@code dimension} features. */
        FeatureHook create(String model, int dimension);
    }
}
