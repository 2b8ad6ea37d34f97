package io.visutility.tuning;

/** Checks shared by the parameter declarations. */
final class SpecChecks {
    private SpecChecks() {
    }

    static void name(String name) {
        if (name == null || name.isBlank()) {
            throw new TunerException("parameter name must not be blank, was '" + name + "'");
        }
    }

    static void present(String name, Object defaultValue) {
        if (defaultValue == null) {
            throw new TunerException("parameter " + name + ": default must be given, was null");
        }
    }

    static void inRange(String name, double value, double low, double high) {
        if (!Double.isFinite(value) || value < low || value > high) {
            throw new TunerException("parameter " + name + " must be within [" + low + ", " + high + "], was " + value);
        }
    }

    static void inRange(String name, long value, long low, long high) {
        if (value < low || value > high) {
            throw new TunerException("parameter " + name + " must be within [" + low + ", " + high + "], was " + value);
        }
    }
}
