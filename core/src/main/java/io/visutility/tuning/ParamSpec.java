package io.visutility.tuning;

import java.util.List;
import java.util.Random;

/**
 * The declaration of one hyper-parameter: its name, type, range and default, with a description a user
 * can read. Declarations are validated when built; a value outside the range is an error naming both.
 */
public sealed interface ParamSpec {

    /** The parameter's name as the trainer knows it. */
    String name();

    /** One sentence saying what the parameter does. */
    String description();

    /** The value used when nothing else is given. */
    Object defaultValue();

    /** Checks {@code value} and returns it in canonical type, or throws naming the parameter. */
    Object validate(Object value);

    /** Draws a value uniformly (log-uniformly for log-scaled floats) from the range. */
    Object sample(Random random);

    /** A real-valued parameter in [low, high], searched on a log scale when {@code log} is set. */
    record FloatParam(String name, String description, double low, double high, boolean log, Double defaultValue)
            implements ParamSpec {
        /** Validates the declaration. */
        public FloatParam {
            SpecChecks.name(name);
            if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
                throw new TunerException("parameter " + name + ": range must be finite with low <= high, was ["
                        + low + ", " + high + "]");
            }
            if (log && low <= 0) {
                throw new TunerException("parameter " + name + ": a log range must be positive, low was " + low);
            }
            SpecChecks.present(name, defaultValue);
            SpecChecks.inRange(name, defaultValue, low, high);
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof Number n)) {
                throw new TunerException("parameter " + name + " must be a number, was " + value);
            }
            double d = n.doubleValue();
            SpecChecks.inRange(name, d, low, high);
            return d;
        }

        @Override
        public Object sample(Random random) {
            if (log) {
                return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
            }
            return low + random.nextDouble() * (high - low);
        }
    }

    /** An integer parameter in [low, high] taking values low, low + step, ... */
    record IntParam(String name, String description, long low, long high, long step, Long defaultValue)
            implements ParamSpec {
        /** Validates the declaration. */
        public IntParam {
            SpecChecks.name(name);
            if (low > high) {
                throw new TunerException("parameter " + name + ": low must be <= high, was [" + low + ", " + high + "]");
            }
            if (step < 1) {
                throw new TunerException("parameter " + name + ": step must be >= 1, was " + step);
            }
            SpecChecks.present(name, defaultValue);
            SpecChecks.inRange(name, defaultValue, low, high);
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new TunerException("parameter " + name + " must be an integer, was " + value);
            }
            long v = n.longValue();
            SpecChecks.inRange(name, v, low, high);
            return v;
        }

        @Override
        public Object sample(Random random) {
            long steps = (high - low) / step;
            return low + step * (long) Math.floor(random.nextDouble() * (steps + 1));
        }
    }

    /** A parameter taking one of a fixed list of string choices. */
    record CategoricalParam(String name, String description, List<String> choices, String defaultValue)
            implements ParamSpec {
        /** Validates the declaration. */
        public CategoricalParam {
            SpecChecks.name(name);
            if (choices == null || choices.isEmpty()) {
                throw new TunerException("parameter " + name + ": choices must not be empty");
            }
            boolean nulls = choices.stream().anyMatch(java.util.Objects::isNull);
            if (nulls || choices.stream().distinct().count() != choices.size()) {
                throw new TunerException("parameter " + name + ": choices must be distinct and not null, were "
                        + choices);
            }
            choices = List.copyOf(choices);
            SpecChecks.present(name, defaultValue);
            if (!choices.contains(defaultValue)) {
                throw new TunerException("parameter " + name + ": default must be one of " + choices
                        + ", was " + defaultValue);
            }
        }

        @Override
        public Object validate(Object value) {
            if (value == null || !choices.contains(value.toString())) {
                throw new TunerException("parameter " + name + " must be one of " + choices + ", was " + value);
            }
            return value.toString();
        }

        @Override
        public Object sample(Random random) {
            return choices.get(random.nextInt(choices.size()));
        }
    }
}
