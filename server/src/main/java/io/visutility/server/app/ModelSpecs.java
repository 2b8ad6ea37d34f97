package io.visutility.server.app;

import io.visutility.VisutilityException;
import io.visutility.drift.DriftDetectors;
import io.visutility.monitor.DegradationRule;
import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.LabelPolicy;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.monitor.Signal;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.retrain.PromotionGate;
import io.visutility.tuning.SearchSpace;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model declaration from its map form, as the HTTP API's JSON and the configuration file's YAML
 * give it. Every error is an {@link InvalidArgumentException} whose field is the key path, such as
 * {@code models.fraud.policy.windowSize}, and whose message names the bad value.
 *
 * <pre>
 * name: fraud                       # (HTTP only; in the configuration file the key is the name)
 * features: [amount, age]           # required
 * trainer: xgboost                  # or command, with command: [python3, train.py]
 * space: {...}                      # SearchSpace.fromMap form; required for command trainers
 * tuner: random                     # random | tpe | grid
 * trials: 20
 * dataset: feedback                 # or csv:PATH
 * minRows: 2000
 * policy: {windowSize: 20, minSamples: 10, minAvg: 0.6, minF1: 0.6, rearmMargin: 0.05,
 *          cooldown: PT10M, retryAfter: PT15M, detectors: [recommended], signals: [...],
 *          labelWindow: 1000, minLabelled: 200, labelHorizon: PT1H, threshold: 0.5}
 * gate: {metric: f1, minImprovement: 0.0, guards: {precision: 0.02}}
 * </pre>
 */
public final class ModelSpecs {
    private static final Set<String> KEYS = Set.of("name", "features", "trainer", "command", "space", "tuner",
            "trials", "dataset", "minRows", "policy", "gate");
    private static final Set<String> POLICY_KEYS = Set.of("windowSize", "minSamples", "minAvg", "minF1",
            "rearmMargin", "cooldown", "retryAfter", "detectors", "signals", "labelWindow", "minLabelled",
            "labelHorizon", "threshold", "publishWarnings", "rearmOnPromotion");
    private static final Set<String> GATE_KEYS = Set.of("metric", "minImprovement", "guards");

    private ModelSpecs() {
    }

    /**
     * The spec of model {@code name} declared by {@code map}; {@code path} prefixes every error's field.
     *
     * @throws InvalidArgumentException naming the key path and the value
     */
    public static ModelSpec fromMap(String name, Map<String, ?> map, String path) {
        known(map, KEYS, path);
        String prefix = path.isEmpty() ? "" : path + ".";
        ModelSpec spec = guarded(prefix + "features", () -> ModelSpec.xgboost(name, strings(map.get("features"),
                prefix + "features", true)));
        if (map.containsKey("space")) {
            Map<String, ?> space = map(map.get("space"), prefix + "space");
            spec = spec.withSpace(guarded(prefix + "space", () -> SearchSpace.fromMap(space)));
        }
        String trainer = map.containsKey("trainer") ? string(map.get("trainer"), prefix + "trainer") : "xgboost";
        if (trainer.equals("command")) {
            ModelSpec base = spec;
            List<String> command = strings(map.get("command"), prefix + "command", true);
            spec = guarded(prefix + "command", () -> base.withCommand(command, base.space()));
        } else if (!trainer.equals("xgboost")) {
            throw new InvalidArgumentException(prefix + "trainer", prefix + "trainer: must be xgboost or command, was "
                    + trainer);
        } else if (map.containsKey("command")) {
            throw new InvalidArgumentException(prefix + "command", prefix + "command: is only for trainer: command");
        }
        if (map.containsKey("tuner")) {
            String tuner = string(map.get("tuner"), prefix + "tuner");
            ModelSpec base = spec;
            spec = guarded(prefix + "tuner", () -> base.withTuner(tuner));
        }
        if (map.containsKey("trials")) {
            int trials = (int) integer(map.get("trials"), prefix + "trials");
            ModelSpec base = spec;
            spec = guarded(prefix + "trials", () -> base.withTrials(trials));
        }
        if (map.containsKey("dataset")) {
            String dataset = string(map.get("dataset"), prefix + "dataset");
            ModelSpec base = spec;
            spec = guarded(prefix + "dataset", () -> base.withDataset(dataset));
        }
        if (map.containsKey("minRows")) {
            int minRows = (int) integer(map.get("minRows"), prefix + "minRows");
            ModelSpec base = spec;
            spec = guarded(prefix + "minRows", () -> base.withMinRows(minRows));
        }
        if (map.containsKey("policy")) {
            spec = spec.withPolicy(policy(map(map.get("policy"), prefix + "policy"), prefix + "policy"));
        }
        if (map.containsKey("gate")) {
            spec = spec.withGate(gate(map(map.get("gate"), prefix + "gate"), prefix + "gate"));
        }
        return spec;
    }

    private static MonitorPolicy policy(Map<String, ?> m, String path) {
        known(m, POLICY_KEYS, path);
        MonitorPolicy base = ModelSpec.defaultPolicy();
        DegradationRule rule = base.rule();
        double minAvg = decimal(m, "minAvg", rule.minAvg(), path);
        double minF1 = decimal(m, "minF1", rule.minF1(), path);
        double margin = decimal(m, "rearmMargin", rule.rearmMargin(), path);
        DegradationRule newRule = guarded(path, () -> new DegradationRule(minAvg, minF1, margin));
        int window = (int) integer(m, "windowSize", base.windowSize(), path);
        int minSamples = (int) integer(m, "minSamples", base.minSamples(), path);
        Duration cooldown = duration(m, "cooldown", base.cooldown(), path);
        Duration retryAfter = duration(m, "retryAfter", base.retryAfter(), path);
        LabelPolicy l = base.labels();
        Duration horizon = duration(m, "labelHorizon", l.horizon(), path);
        int labelWindow = (int) integer(m, "labelWindow", l.window(), path);
        int minLabelled = (int) integer(m, "minLabelled", l.minLabelled(), path);
        double threshold = decimal(m, "threshold", l.threshold(), path);
        LabelPolicy labels = guarded(path, () -> new LabelPolicy(horizon, l.maxPending(), l.maxEarlyLabels(),
                labelWindow, minLabelled, threshold));
        List<DetectorFactory> detectors = base.detectors();
        if (m.containsKey("detectors")) {
            detectors = new ArrayList<>();
            for (String name : strings(m.get("detectors"), path + ".detectors", false)) {
                if (!DriftDetectors.names().contains(name)) {
                    throw new InvalidArgumentException(path + ".detectors", path + ".detectors: must name detectors of "
                            + DriftDetectors.names() + ", had " + name);
                }
                detectors.add(new DetectorFactory(name, () -> DriftDetectors.create(name)));
            }
        }
        Set<Signal> signals = base.signals();
        if (m.containsKey("signals")) {
            Set<Signal> chosen = EnumSet.noneOf(Signal.class);
            for (String s : strings(m.get("signals"), path + ".signals", false)) {
                try {
                    chosen.add(Signal.valueOf(s.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidArgumentException(path + ".signals", path + ".signals: must name signals of "
                            + List.of(Signal.values()) + ", had " + s);
                }
            }
            signals = chosen;
        }
        boolean warnings = bool(m, "publishWarnings", base.publishWarnings(), path);
        boolean rearm = bool(m, "rearmOnPromotion", base.rearmOnPromotion(), path);
        List<DetectorFactory> finalDetectors = detectors;
        Set<Signal> finalSignals = signals;
        return guarded(path, () -> new MonitorPolicy(newRule, window, minSamples, cooldown, retryAfter, labels,
                finalDetectors, finalSignals, warnings, rearm));
    }

    private static PromotionGate gate(Map<String, ?> m, String path) {
        known(m, GATE_KEYS, path);
        PromotionGate base = PromotionGate.defaults();
        String metric = m.containsKey("metric") ? string(m.get("metric"), path + ".metric") : base.metric();
        double min = decimal(m, "minImprovement", base.minImprovement(), path);
        Map<String, Double> guards = new LinkedHashMap<>();
        if (m.containsKey("guards")) {
            map(m.get("guards"), path + ".guards").forEach((k, v) -> guards.put(k, number(v, path + ".guards." + k)));
        }
        return guarded(path, () -> new PromotionGate(metric, min, guards));
    }

    private static <T> T guarded(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidArgumentException e) {
            String field = e.field() == null ? path : path.endsWith("." + e.field()) || path.equals(e.field()) ? path
                    : path.isEmpty() ? e.field() : parentOf(path) + e.field();
            throw new InvalidArgumentException(field, field + ": " + e.getMessage());
        } catch (VisutilityException | IllegalArgumentException e) {
            throw new InvalidArgumentException(path, path + ": " + e.getMessage());
        }
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot + 1);
    }

    private static void known(Map<String, ?> map, Set<String> keys, String path) {
        for (String key : map.keySet()) {
            if (!keys.contains(key)) {
                String field = path.isEmpty() ? key : path + "." + key;
                throw new InvalidArgumentException(field, field + ": unknown key (known: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value, String path) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidArgumentException(path, path + ": must be a map, was " + describe(value));
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw new InvalidArgumentException(path, path + ": must have text keys, had " + describe(key));
            }
        }
        return (Map<String, ?>) m;
    }

    private static String string(Object value, String path) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidArgumentException(path, path + ": must be a non-blank string, was " + describe(value));
        }
        return s;
    }

    private static List<String> strings(Object value, String path, boolean required) {
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidArgumentException(path, path + ": must be a list of strings, was " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(string(list.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static double number(Object value, String path) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new InvalidArgumentException(path, path + ": must be a finite number, was " + describe(value));
        }
        return n.doubleValue();
    }

    private static double decimal(Map<String, ?> m, String key, double fallback, String path) {
        return m.containsKey(key) ? number(m.get(key), path + "." + key) : fallback;
    }

    private static long integer(Object value, String path) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new InvalidArgumentException(path, path + ": must be a whole number, was " + describe(value));
        }
        return ((Number) value).longValue();
    }

    private static long integer(Map<String, ?> m, String key, long fallback, String path) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        long v = integer(m.get(key), path + "." + key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(path + "." + key, path + "." + key + ": is out of range, was " + v);
        }
        return v;
    }

    private static boolean bool(Map<String, ?> m, String key, boolean fallback, String path) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        if (!(m.get(key) instanceof Boolean b)) {
            throw new InvalidArgumentException(path + "." + key, path + "." + key + ": must be true or false, was "
                    + describe(m.get(key)));
        }
        return b;
    }

    private static Duration duration(Map<String, ?> m, String key, Duration fallback, String path) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        Object value = m.get(key);
        String field = path + "." + key;
        if (value instanceof String s) {
            try {
                return Duration.parse(s.trim().toUpperCase(Locale.ROOT).startsWith("P") ? s.trim() : "PT" + s.trim());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new InvalidArgumentException(field, field + ": must be a duration such as PT10M or 30s, was "
                + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

}
