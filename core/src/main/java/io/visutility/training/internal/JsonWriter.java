package io.visutility.training.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as JSON. The output is ASCII only (everything
 * else is escaped), so it reads the same whatever encoding a reader assumes; non-finite numbers are
 * refused because JSON cannot carry them.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /**
     * The JSON text of {@code value}, with one member per line at the top level for readability.
     *
     * @throws IllegalArgumentException for a non-finite number or a type JSON has no form for
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot hold the number " + d);
            }
            out.append(d);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, level);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(list.get(i), out, level + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("JSON has no form for " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int level) {
        String separator = level == 0 ? ",\n  " : ", ";
        out.append(level == 0 && !map.isEmpty() ? "{\n  " : "{");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, was " + entry.getKey());
            }
            string(key, out);
            out.append(": ");
            write(entry.getValue(), out, level + 1);
            if (entries.hasNext()) {
                out.append(separator);
            }
        }
        out.append(level == 0 && !map.isEmpty() ? "\n}" : "}");
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
