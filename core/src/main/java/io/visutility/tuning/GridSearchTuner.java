package io.visutility.tuning;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exhaustive search over a grid of the space: each float takes {@code floatPoints} evenly spaced values
 * from low to high (log-spaced for log parameters), each integer its step grid (thinned evenly to at most
 * {@code maxIntPoints} values, ends kept), each categorical every choice. Trial 0 is the warm start (the
 * defaults when the champion does not fit the space); then
 * grid point {@code number - 1} in row-major order (the last declared parameter varies fastest), so the
 * sequence is fixed and a study resumes anywhere. Past the last point the space is exhausted.
 */
public final class GridSearchTuner implements HyperParamTuner {
    private final SearchSpace space;
    private final List<List<Object>> axes;
    private final long size;
    private final int floatPoints;
    private final int maxIntPoints;
    private final boolean warmStart;

    private GridSearchTuner(SearchSpace space, int floatPoints, int maxIntPoints, boolean warmStart) {
        this.space = Objects.requireNonNull(space, "space");
        if (floatPoints < 1) {
            throw new TunerException("floatPoints must be >= 1, was " + floatPoints);
        }
        if (maxIntPoints < 1) {
            throw new TunerException("maxIntPoints must be >= 1, was " + maxIntPoints);
        }
        this.floatPoints = floatPoints;
        this.maxIntPoints = maxIntPoints;
        this.warmStart = warmStart;
        List<List<Object>> values = new ArrayList<>();
        long product = 1;
        for (ParamSpec spec : space.params()) {
            values.add(List.copyOf(values(spec, floatPoints, maxIntPoints)));
            if (product > Long.MAX_VALUE / values.get(values.size() - 1).size()) {
                throw new TunerException("the grid over " + space.params().size() + " parameters has more than "
                        + Long.MAX_VALUE + " points; lower floatPoints or maxIntPoints");
            }
            product *= values.get(values.size() - 1).size();
        }
        this.axes = List.copyOf(values);
        this.size = product;
    }

    /** A grid of 5 values per float and at most 10 per integer, warm-started from the base parameters. */
    public static GridSearchTuner of(SearchSpace space) {
        return of(space, 5, 10);
    }

    /** A grid of {@code floatPoints} values per float and at most {@code maxIntPoints} per integer (both >= 1). */
    public static GridSearchTuner of(SearchSpace space, int floatPoints, int maxIntPoints) {
        return new GridSearchTuner(space, floatPoints, maxIntPoints, true);
    }

    /** The same grid without the warm start: trial 0 is the first grid point. */
    public GridSearchTuner coldStart() {
        return new GridSearchTuner(space, floatPoints, maxIntPoints, false);
    }

    /** How many points the grid has (the warm start not counted). */
    public long size() {
        return size;
    }

    @Override
    public HyperParams ask(HyperParams base, List<Trial> history) {
        long index = history.size();
        if (warmStart) {
            if (index == 0) {
                // A champion outside the space falls back to the defaults, so trial 1 is still point 0.
                HyperParams known = WarmStart.of(space, base);
                return known != null ? known : space.defaults();
            }
            index -= 1;
        }
        if (index >= size) {
            throw new SearchSpaceExhaustedException("all " + size + " points of the grid over "
                    + axes.size() + " parameters have been proposed");
        }
        Map<String, Object> point = new LinkedHashMap<>();
        List<ParamSpec> specs = space.params();
        long rest = index;
        for (int d = specs.size() - 1; d >= 0; d--) {
            List<Object> axis = axes.get(d);
            point.put(specs.get(d).name(), axis.get((int) (rest % axis.size())));
            rest /= axis.size();
        }
        return HyperParams.of(point);
    }

    private static List<Object> values(ParamSpec spec, int floatPoints, int maxIntPoints) {
        List<Object> values = new ArrayList<>();
        if (spec instanceof CategoricalParam c) {
            values.addAll(c.choices());
        } else if (spec instanceof IntParam i) {
            long count = (i.high() - i.low()) / i.step() + 1;
            long points = Math.min(count, maxIntPoints);
            for (long k = 0; k < points; k++) {
                long steps = points == 1 ? 0 : Math.round((double) k * (count - 1) / (points - 1));
                long v = i.low() + steps * i.step();
                if (values.isEmpty() || !values.get(values.size() - 1).equals(v)) {
                    values.add(v);
                }
            }
        } else {
            FloatParam f = (FloatParam) spec;
            if (floatPoints == 1 || f.low() == f.high()) {
                values.add(f.defaultValue());
                return values;
            }
            for (int k = 0; k < floatPoints; k++) {
                double t = (double) k / (floatPoints - 1);
                double v = f.log() ? Math.exp(Math.log(f.low()) + t * (Math.log(f.high()) - Math.log(f.low())))
                        : f.low() + t * (f.high() - f.low());
                // The ends exactly as declared: exp(log(low)) is not always low.
                values.add(k == 0 ? f.low() : k == floatPoints - 1 ? f.high() : v);
            }
        }
        return values;
    }
}
