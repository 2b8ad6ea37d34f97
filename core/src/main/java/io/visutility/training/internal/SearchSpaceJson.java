package io.visutility.training.internal;

import io.visutility.training.TrainingException;
import io.visutility.tuning.ParamSpec;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TunerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a search space written as JSON, one member per parameter:
 * {@code {"epochs": {"type": "int", "low": 1, "high": 30, "default": 10}}}, with types {@code float}
 * ({@code low}, {@code high}, {@code log}, {@code default}), {@code int} ({@code low}, {@code high},
 * {@code step}, {@code default}) and {@code categorical} ({@code choices}, {@code default}), and an
 * optional {@code description} for each. Unknown fields are errors, so a typo is not silently ignored.
 */
public final class SearchSpaceJson {
    private static final Set<String> FLOAT = Set.of("type", "description", "low", "high", "log", "default");
    private static final Set<String> INT = Set.of("type", "description", "low", "high", "step", "default");
    private static final Set<String> CATEGORICAL = Set.of("type", "description", "choices", "default");

    private SearchSpaceJson() {
    }

    /**
     * The space {@code json} declares.
     *
     * @throws TrainingException naming the parameter and the field that is missing, unknown or wrong
     */
    public static SearchSpace parse(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> top) || top.isEmpty()) {
            throw new TrainingException("a search space must be a non-empty JSON object of parameters");
        }
        List<ParamSpec> specs = new ArrayList<>();
        for (Map.Entry<?, ?> entry : top.entrySet()) {
            String name = (String) entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> fields)) {
                throw new TrainingException("parameter " + name + " must be a JSON object, was " + entry.getValue());
            }
            try {
                specs.add(spec(name, fields));
            } catch (TunerException e) {
                throw new TrainingException(e.getMessage(), e);
            }
        }
        try {
            return SearchSpace.of(specs);
        } catch (TunerException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    private static ParamSpec spec(String name, Map<?, ?> fields) {
        Object type = fields.get("type");
        String description = fields.containsKey("description") ? text(name, fields, "description") : "";
        if ("float".equals(type)) {
            known(name, fields, FLOAT);
            boolean log = fields.containsKey("log") && flag(name, fields, "log");
            return new ParamSpec.FloatParam(name, description, number(name, fields, "low"), number(name, fields, "high"),
                    log, number(name, fields, "default"));
        }
        if ("int".equals(type)) {
            known(name, fields, INT);
            long step = fields.containsKey("step") ? integer(name, fields, "step") : 1;
            return new ParamSpec.IntParam(name, description, integer(name, fields, "low"), integer(name, fields, "high"),
                    step, integer(name, fields, "default"));
        }
        if ("categorical".equals(type)) {
            known(name, fields, CATEGORICAL);
            if (!(fields.get("choices") instanceof List<?> choices) || !choices.stream().allMatch(String.class::isInstance)) {
                throw new TrainingException("parameter " + name + ": field 'choices' must be a list of strings, was "
                        + fields.get("choices"));
            }
            return new ParamSpec.CategoricalParam(name, description, choices.stream().map(String.class::cast).toList(),
                    text(name, fields, "default"));
        }
        throw new TrainingException("parameter " + name + ": field 'type' must be float, int or categorical, was " + type);
    }

    private static void known(String name, Map<?, ?> fields, Set<String> allowed) {
        for (Object field : fields.keySet()) {
            if (!allowed.contains(field)) {
                throw new TrainingException("parameter " + name + ": unknown field '" + field + "'; a " + fields.get("type")
                        + " parameter has " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static double number(String name, Map<?, ?> fields, String field) {
        if (fields.get(field) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrong(name, field, "a number", fields.get(field));
    }

    private static long integer(String name, Map<?, ?> fields, String field) {
        if (fields.get(field) instanceof Long n) {
            return n;
        }
        throw wrong(name, field, "an integer", fields.get(field));
    }

    private static boolean flag(String name, Map<?, ?> fields, String field) {
        if (fields.get(field) instanceof Boolean b) {
            return b;
        }
        throw wrong(name, field, "true or false", fields.get(field));
    }

    private static String text(String name, Map<?, ?> fields, String field) {
        if (fields.get(field) instanceof String s) {
            return s;
        }
        throw wrong(name, field, "a string", fields.get(field));
    }

    private static TrainingException wrong(String name, String field, String what, Object value) {
        return new TrainingException("parameter " + name + ": field '" + field + "' must be " + what + ", was "
                + (value == null ? "missing" : value instanceof String s ? "\"" + s + "\"" : value));
    }
}
