package io.visutility.training.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader: objects become {@code Map<String, Object>} (in document order), arrays
 * {@code List<Object>}, integers that fit a long {@code Long}, other numbers {@code Double}, and
 * {@code null} Java's null. It rejects what lenient writers emit by default ({@code NaN},
 * {@code Infinity}, trailing commas, comments, duplicate keys), so a bad file fails with a position
 * rather than being half understood. Nesting is bounded.
 */
public final class JsonReader {
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int at;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value filling the whole text (a leading byte-order mark is skipped).
     *
     * @throws JsonException naming the line, column and what was expected
     */
    public static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        if (text.startsWith("\uFEFF")) {
            reader.at = 1;
        }
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at < text.length()) {
            throw reader.error("expected the end of the document, found " + reader.found());
        }
        return value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("expected a value, found the end of the document");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            case 'N' -> throw error("NaN is not a JSON number; write only finite numbers");
            case 'I' -> throw error("Infinity is not a JSON number; write only finite numbers");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value, found " + found());
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, found " + found());
            }
            int keyAt = at;
            String key = string();
            if (map.containsKey(key)) {
                at = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == '}') {
                at++;
                depth--;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("expected ',' or '}', found " + found());
            }
        }
    }

    private List<Object> array() {
        enter();
        at++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == ']') {
                at++;
                depth--;
                return Collections.unmodifiableList(list);
            } else {
                throw error("expected ',' or ']', found " + found());
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " must be escaped in a string");
            }
            if (c != '\\') {
                out.append(c);
                at++;
                continue;
            }
            at++;
            char e = at < text.length() ? text.charAt(at) : '\0';
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 5 > text.length()) {
                        throw error("\\u needs four hex digits");
                    }
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = Character.digit(text.charAt(at + i), 16);
                        if (digit < 0) {
                            throw error("\\u needs four hex digits");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    at += 4;
                }
                default -> throw error("invalid escape \\" + (e == '\0' ? "" : e));
            }
            at++;
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
            if (isDigit(peek())) {
                throw error("a number must not have a leading zero");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit, found " + found());
        }
        boolean integral = true;
        if (peek() == '.') {
            at++;
            integral = false;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point, found " + found());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + found());
            }
            digits();
        }
        String token = text.substring(start, at);
        if (integral) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException tooLong) {
                // falls through to a double, like other readers do for big integers
            }
        }
        double d = Double.parseDouble(token);
        if (Double.isInfinite(d)) {
            at = start;
            throw error("number " + token + " is out of the range of a double");
        }
        return d;
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("expected a value, found " + found());
        }
        at += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + found());
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private String found() {
        if (at >= text.length()) {
            return "the end of the document";
        }
        char c = text.charAt(at);
        return c < 0x20 ? "U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException("line " + line + " column " + column + ": " + what);
    }
}
