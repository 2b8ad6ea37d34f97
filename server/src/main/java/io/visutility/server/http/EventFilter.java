package io.visutility.server.http;

import io.visutility.event.MonitorEvent;
import io.visutility.registry.Names;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which events a reader of {@code /api/v1/events} or its stream wants: one model's or all, and some
 * types or all ({@code ?types=DriftDetected,ModelPromoted}; a dashboard that charts no samples leaves
 * {@code Metrics} out).
 *
 * @param model the model, or null for every model
 * @param types the event types by name, or empty for every type
 */
record EventFilter(String model, Set<String> types) implements Predicate<MonitorEvent> {
    /** The name of every kind of event, as its JSON {@code type} says it. */
    static final Set<String> TYPES = typeNames();

    /**
     * Reads the {@code model} and {@code types} query parameters (either may be null).
     *
     * @throws ApiError 400 naming {@code model} or {@code types} when one is malformed or names an unknown type
     */
    static EventFilter parse(String model, String types) {
        if (model != null) {
            try {
                Names.model(model);
            } catch (io.visutility.registry.InvalidArgumentException e) {
                throw ApiError.invalid("model", e.getMessage());
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (types != null) {
            for (String type : types.split(",", -1)) {
                String t = type.trim();
                if (!TYPES.contains(t)) {
                    throw ApiError.invalid("types", "types must be a comma-separated list of " + TYPES + ", had "
                            + RouteInputs.quote(t));
                }
                wanted.add(t);
            }
        }
        return new EventFilter(model, Set.copyOf(wanted));
    }

    @Override
    public boolean test(MonitorEvent event) {
        return (model == null || model.equals(event.model()))
                && (types.isEmpty() || types.contains(event.getClass().getSimpleName()));
    }

    private static Set<String> typeNames() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(MonitorEvent.class.getPermittedSubclasses()).forEach(c -> names.add(c.getSimpleName()));
        return Set.copyOf(names);
    }
}
