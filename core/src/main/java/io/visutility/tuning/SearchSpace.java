package io.visutility.tuning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The declared hyper-parameters of a trainer: what a tuner may explore and what a caller may set.
 * {@link #validate(HyperParams)} rejects unknown names and out-of-range values with a message naming
 * the parameter, so a typo fails before any training starts.
 */
public final class SearchSpace {
    private final Map<String, ParamSpec> params;

    private SearchSpace(Map<String, ParamSpec> params) {
        this.params = params;
    }

    /** A space of the given declarations; names must be unique. */
    public static SearchSpace of(Collection<? extends ParamSpec> specs) {
        Map<String, ParamSpec> map = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (map.put(spec.name(), spec) != null) {
                throw new TunerException("parameter " + spec.name() + " is declared twice");
            }
        }
        return new SearchSpace(Collections.unmodifiableMap(map));
    }

    /** A space of the given declarations. */
    public static SearchSpace of(ParamSpec... specs) {
        return of(List.of(specs));
    }

    /**
     * A space from its map form, the parsed shape of a YAML or JSON declaration. Each key is a parameter
     * name; its value is a map with {@code type} ({@code float}, {@code int} or {@code categorical}), an
     * optional {@code description} and an optional {@code default}, plus per type:
     * <ul>
     *   <li>{@code float}: {@code low}, {@code high} (numbers), optional {@code log} (false);</li>
     *   <li>{@code int}: {@code low}, {@code high} (integers), optional {@code step} (1);</li>
     *   <li>{@code categorical}: {@code choices}, a non-empty list of distinct scalars read as strings.</li>
     * </ul>
     * A missing default is {@code low} (the first choice for categoricals). Parameters keep the map's order.
     *
     * @throws TunerException naming the parameter and the bad field or value (unknown type or field,
     *                        missing or non-numeric bound, low &gt; high, empty choices, default out of range)
     */
    public static SearchSpace fromMap(Map<String, ?> declaration) {
        return SpaceDeclarations.read(declaration);
    }

    /** The map form {@link #fromMap} reads, with every field written out; {@code fromMap(toMap())} equals this. */
    public Map<String, Object> toMap() {
        return SpaceDeclarations.write(this);
    }

    /** The declarations, in declaration order. */
    public List<ParamSpec> params() {
        return new ArrayList<>(params.values());
    }

    /** The declaration of {@code name}, or an error listing the known names. */
    public ParamSpec param(String name) {
        ParamSpec spec = params.get(name);
        if (spec == null) {
            throw new TunerException("unknown hyper-parameter " + name + "; known are " + params.keySet());
        }
        return spec;
    }

    /** Every parameter at its default. */
    public HyperParams defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        params.values().forEach(p -> values.put(p.name(), p.defaultValue()));
        return HyperParams.of(values);
    }

    /**
     * Checks {@code given} against the declarations and fills in defaults for what it leaves out.
     *
     * @throws TunerException naming the first unknown or out-of-range parameter
     */
    public HyperParams validate(HyperParams given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : given.names()) {
            values.put(name, param(name).validate(given.get(name)));
        }
        params.values().forEach(p -> values.putIfAbsent(p.name(), p.defaultValue()));
        return HyperParams.of(values);
    }

    /** Draws every parameter independently from its range. */
    public HyperParams sample(Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.values().forEach(p -> values.put(p.name(), p.sample(random)));
        return HyperParams.of(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace other && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + params.values();
    }
}
