package io.visutility.tuning;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes the map form of a search space that {@link SearchSpace#fromMap} documents. */
final class SpaceDeclarations {
    private static final Set<String> FLOAT_KEYS = Set.of("type", "description", "low", "high", "log", "default");
    private static final Set<String> INT_KEYS = Set.of("type", "description", "low", "high", "step", "default");
    private static final Set<String> CATEGORICAL_KEYS = Set.of("type", "description", "choices", "default");

    private SpaceDeclarations() {
    }

    static SearchSpace read(Map<String, ?> declaration) {
        if (declaration == null || declaration.isEmpty()) {
            throw new TunerException("a search space must declare at least one parameter");
        }
        List<ParamSpec> specs = new ArrayList<>();
        declaration.forEach((name, body) -> specs.add(param(name, body)));
        return SearchSpace.of(specs);
    }

    private static ParamSpec param(String name, Object body) {
        SpecChecks.name(name);
        if (!(body instanceof Map<?, ?> fields)) {
            throw new TunerException("parameter " + name + ": declaration must be a map of fields, was " + body);
        }
        Object type = fields.get("type");
        String description = fields.get("description") == null ? "" : fields.get("description").toString();
        if ("float".equals(type)) {
            known(name, fields, FLOAT_KEYS);
            double low = number(name, fields, "low");
            boolean log = flag(name, fields, "log");
            Double fallback = fields.containsKey("default") ? number(name, fields, "default") : low;
            return new FloatParam(name, description, low, number(name, fields, "high"), log, fallback);
        }
        if ("int".equals(type)) {
            known(name, fields, INT_KEYS);
            long low = whole(name, fields, "low");
            long step = fields.containsKey("step") ? whole(name, fields, "step") : 1;
            Long fallback = fields.containsKey("default") ? whole(name, fields, "default") : low;
            return new IntParam(name, description, low, whole(name, fields, "high"), step, fallback);
        }
        if ("categorical".equals(type)) {
            known(name, fields, CATEGORICAL_KEYS);
            List<String> choices = choices(name, fields.get("choices"));
            Object fallback = fields.containsKey("default") ? fields.get("default") : choices.get(0);
            return new CategoricalParam(name, description, choices, scalar(name, "default", fallback));
        }
        throw new TunerException("parameter " + name + ": type must be float, int or categorical, was " + type);
    }

    private static void known(String name, Map<?, ?> fields, Set<String> allowed) {
        for (Object key : fields.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new TunerException("parameter " + name + ": unknown field " + key + " for type "
                        + fields.get("type") + "; allowed are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static double number(String name, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (!(value instanceof Number n)) {
            throw new TunerException("parameter " + name + ": " + field + " must be a number, was " + value);
        }
        return n.doubleValue();
    }

    private static long whole(String name, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > 1e15) {
            throw new TunerException("parameter " + name + ": " + field + " must be an integer, was " + value);
        }
        return n.longValue();
    }

    private static boolean flag(String name, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw new TunerException("parameter " + name + ": " + field + " must be true or false, was " + value);
        }
        return b;
    }

    private static List<String> choices(String name, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new TunerException("parameter " + name + ": choices must be a non-empty list, was " + value);
        }
        List<String> choices = new ArrayList<>();
        list.forEach(c -> choices.add(scalar(name, "choices", c)));
        return choices;
    }

    /** YAML reads {@code [1, 2]} as numbers; a choice is the text of a scalar, never a list, map or null. */
    private static String scalar(String name, String field, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new TunerException("parameter " + name + ": " + field + " must be a string, number or boolean, was "
                + value);
    }

    static Map<String, Object> write(SearchSpace space) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec spec : space.params()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (spec instanceof FloatParam f) {
                fields.put("type", "float");
                fields.put("low", f.low());
                fields.put("high", f.high());
                fields.put("log", f.log());
            } else if (spec instanceof IntParam i) {
                fields.put("type", "int");
                fields.put("low", i.low());
                fields.put("high", i.high());
                fields.put("step", i.step());
            } else if (spec instanceof CategoricalParam c) {
                fields.put("type", "categorical");
                fields.put("choices", c.choices());
            }
            fields.put("default", spec.defaultValue());
            if (spec.description() != null && !spec.description().isEmpty()) {
                fields.put("description", spec.description());
            }
            out.put(spec.name(), fields);
        }
        return out;
    }
}
