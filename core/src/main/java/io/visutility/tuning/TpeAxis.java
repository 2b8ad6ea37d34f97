package io.visutility.tuning;

import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.List;

/**
 * The line TPE models a numeric parameter on: log space for log floats, and for integers a range widened
 * by half a step each side so the end values get as much room as the inner ones.
 */
final class TpeAxis {
    final double low;
    final double high;
    private final boolean log;
    private final IntParam integer;
    private final FloatParam real;

    private TpeAxis(double low, double high, boolean log, IntParam integer, FloatParam real) {
        this.low = low;
        this.high = high;
        this.log = log;
        this.integer = integer;
        this.real = real;
    }

    static TpeAxis of(ParamSpec spec) {
        if (spec instanceof FloatParam f) {
            double lo = f.log() ? Math.log(f.low()) : f.low();
            double hi = f.log() ? Math.log(f.high()) : f.high();
            // A single-valued range still needs a positive width for the estimators.
            return new TpeAxis(lo, hi > lo ? hi : lo + 1e-12, f.log(), null, f);
        }
        IntParam i = (IntParam) spec;
        long top = i.low() + (i.high() - i.low()) / i.step() * i.step();
        return new TpeAxis(i.low() - i.step() / 2.0, top + i.step() / 2.0, false, i, null);
    }

    /** The observed values of {@code spec} on this axis. */
    double[] points(ParamSpec spec, List<HyperParams> params) {
        double[] points = new double[params.size()];
        for (int k = 0; k < points.length; k++) {
            double v = params.get(k).getDouble(spec.name());
            points[k] = Math.min(high, Math.max(low, log ? Math.log(v) : v));
        }
        return points;
    }

    /** A point moved onto the values the parameter can take: integers to their step grid. */
    double snap(double u) {
        if (integer == null) {
            return u;
        }
        long steps = Math.round((u - integer.low()) / integer.step());
        long max = (integer.high() - integer.low()) / integer.step();
        return integer.low() + Math.max(0, Math.min(max, steps)) * integer.step();
    }

    /** The parameter value of a point, in the parameter's type and range. */
    Object value(double u) {
        if (integer != null) {
            return (long) snap(u);
        }
        // exp(log(x)) can land an ulp outside the declared range.
        double v = log ? Math.exp(u) : u;
        return Math.min(real.high(), Math.max(real.low(), v));
    }
}
