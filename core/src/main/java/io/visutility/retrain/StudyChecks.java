package io.visutility.retrain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Field checks shared by the study records, so every adapter refuses the same bad input the same way. */
final class StudyChecks {
    private StudyChecks() {
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new StudyArgumentException(field, field + " must not be blank, was " + quote(value));
        }
        if (value.length() > max) {
            throw new StudyArgumentException(field, field + " must be at most " + max + " characters, was "
                    + value.length() + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new StudyArgumentException(field, field + " must not contain a NUL character, was "
                    + quote(value));
        }
        return value;
    }

    static Map<String, Double> finiteMap(String field, Map<String, Double> values) {
        if (values == null) {
            throw new StudyArgumentException(field, field + " must not be null");
        }
        values.forEach((key, value) -> {
            text(field + " key", key, 64);
            if (value == null || !Double.isFinite(value)) {
                throw new StudyArgumentException(field, field + "." + key + " must be a finite number, was " + value);
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    static String quote(String value) {
        return value == null ? "null" : "'" + value.replace("\0", "\\u0000") + "'";
    }
}
