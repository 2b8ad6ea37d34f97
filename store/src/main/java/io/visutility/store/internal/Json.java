package io.visutility.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visutility.registry.RegistryException;
import io.visutility.tuning.HyperParams;
import java.util.Map;

/** The JSON form of hyper-parameters, metrics and lineage details as stored in their columns. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> DOUBLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new RegistryException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Integers come back as {@code Long} and fractions as {@code Double}, through {@link HyperParams#of(Map)}. */
    static HyperParams params(String json) {
        return HyperParams.of(read(json, OBJECTS));
    }

    static Map<String, Double> metrics(String json) {
        return read(json, DOUBLES);
    }

    static Map<String, String> details(String json) {
        return read(json, STRINGS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RegistryException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
