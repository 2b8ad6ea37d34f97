package io.visutility.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The range checks every record shares; each error names the field and the value. */
final class IngestChecks {
    /** Longest prediction id or feature name. */
    static final int MAX_NAME = 200;
    /** Most features one prediction may carry. */
    static final int MAX_FEATURES = 1_000;

    private IngestChecks() {
    }

    static String id(String field, String value) {
        if (value == null) {
            throw new InvalidRecordException(field, field + " is required");
        }
        name(field, value);
        return value;
    }

    static void name(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_NAME) {
            throw new InvalidRecordException(field, field + " must have 1 to " + MAX_NAME + " characters, had "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidRecordException(field, field + " must not contain control characters, had U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at " + i);
            }
        }
    }

    static double unit(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidRecordException(field, field + " must be within [0, 1], was " + value);
        }
        return value;
    }

    static int label(String field, long value) {
        if (value != 0 && value != 1) {
            throw new InvalidRecordException(field, field + " must be 0 or 1, was " + value);
        }
        return (int) value;
    }

    static Map<String, Double> features(String field, Map<String, Double> features) {
        if (features == null) {
            throw new InvalidRecordException(field, field + " is required");
        }
        if (features.isEmpty() || features.size() > MAX_FEATURES) {
            throw new InvalidRecordException(field, field + " must have 1 to " + MAX_FEATURES + " entries, had "
                    + features.size());
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        features.forEach((name, value) -> {
            if (name == null) {
                throw new InvalidRecordException(field, field + " must not have a null name");
            }
            String path = field + "." + name;
            name(path, name);
            if (value == null || !Double.isFinite(value)) {
                throw new InvalidRecordException(path, path + " must be a finite number, was " + value);
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
