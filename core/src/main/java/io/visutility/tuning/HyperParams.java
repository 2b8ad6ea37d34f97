package io.visutility.tuning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of named hyper-parameter values. Values are typed: a {@code Double}, a {@code Long}
 * (integers), a {@code String} (categorical choices) or a {@code Boolean}. Names are kept sorted so
 * two equal sets print and hash the same.
 */
public final class HyperParams {
    private static final HyperParams EMPTY = new HyperParams(new TreeMap<>());

    private final Map<String, Object> values;

    private HyperParams(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No parameters: the trainer's defaults apply. */
    public static HyperParams empty() {
        return EMPTY;
    }

    /** Parameters from a map; integral numbers become {@code Long}, other numbers {@code Double}. */
    @JsonCreator
    public static HyperParams of(Map<String, ?> values) {
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(checkName(name), normalise(name, value)));
        return new HyperParams(copy);
    }

    /** Parameters from alternating names and values: {@code of("learning_rate", 0.1, "max_depth", 6)}. */
    public static HyperParams of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate, got an odd count "
                    + namesAndValues.length);
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("parameter name must be a string, was " + namesAndValues[i]);
            }
            copy.put(checkName(name), normalise(name, namesAndValues[i + 1]));
        }
        return new HyperParams(copy);
    }

    /** A copy with {@code name} set to {@code value}. */
    public HyperParams with(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(checkName(name), normalise(name, value));
        return new HyperParams(copy);
    }

    /** A copy where every value of {@code overrides} replaces the value of the same name here. */
    public HyperParams withAll(HyperParams overrides) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.putAll(overrides.values);
        return new HyperParams(copy);
    }

    /** Whether a value is set for {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The names that have values, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The raw value of {@code name}, or null when unset. */
    public Object get(String name) {
        return values.get(name);
    }

    /** The value of a numeric parameter as a double. */
    public double getDouble(String name) {
        return number(name).doubleValue();
    }

    /** The value of a numeric parameter as an int; a fractional value is an error. */
    public int getInt(String name) {
        Number n = number(name);
        double d = n.doubleValue();
        if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
            throw new TunerException("hyper-parameter " + name + " must be an integer, was " + n);
        }
        return (int) d;
    }

    /** The value of a categorical parameter. */
    public String getString(String name) {
        Object value = require(name);
        return value.toString();
    }

    /** The parameters as an unmodifiable sorted map (also their JSON form). */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    private Number number(String name) {
        Object value = require(name);
        if (value instanceof Number n) {
            return n;
        }
        throw new TunerException("hyper-parameter " + name + " must be a number, was " + value);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new TunerException("hyper-parameter " + name + " is not set; set are " + values.keySet());
        }
        return value;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new TunerException("hyper-parameter name must not be blank, was '" + name + "'");
        }
        return name;
    }

    private static Object normalise(String name, Object value) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new TunerException("hyper-parameter " + name + " must be finite, was " + d);
            }
            return d;
        }
        if (value instanceof Float f) {
            return normalise(name, f.doubleValue());
        }
        if (value instanceof Long || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return normalise(name, n.doubleValue());
        }
        throw new TunerException("hyper-parameter " + name + " must be a number, string or boolean, was "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParams other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
