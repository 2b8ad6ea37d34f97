package io.visutility.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON reader and writer of the trainer contract. */
class JsonCodecTest {

    @Test
    void readsEveryKindOfValueKeepingKeyOrder() {
        Object value = JsonReader.parse(" {\"b\": [1, -2.5e3, 0.125, true, false, null], \"a\": {\"s\": \"x\\u00e9\\n\\\"/\\/\"}}\r\n");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a");
        assertThat(new ArrayList<Object>((List<?>) map.get("b"))).containsExactly(1L, -2500.0, 0.125, true, false, null);
        assertThat(((Map<?, ?>) map.get("a")).get("s")).isEqualTo("x\u00e9\n\"//");
    }

    @Test
    void integersBeyondALongBecomeDoubles() {
        assertThat(JsonReader.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonReader.parse("92233720368547758070")).isEqualTo(9.223372036854776E19);
        assertThat(JsonReader.parse("-0")).isEqualTo(0L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1,}|line 1 column 9: expected a string key, found '}'",
            "[1,]|line 1 column 4: expected a value, found ']'",
            "01|a number must not have a leading zero",
            "-|expected a digit, found the end of the document",
            "1.|expected a digit after the decimal point",
            ".5|expected a value, found '.'",
            "1e|expected a digit in the exponent",
            "NaN|NaN is not a JSON number",
            "Infinity|Infinity is not a JSON number",
            "-Infinity|expected a digit, found 'I'",
            "*|expected a value, found '*'",
            "{\"a\" 1}|expected ':', found '1'",
            "{a: 1}|expected a string key, found 'a'",
            "\"\\q\"|invalid escape \\q",
            "\"\\u12\"|\\u needs four hex digits",
            "tru|expected a value, found 't'",
            "1 2|expected the end of the document, found '2'",
            "// note|expected a value, found '/'",
            "{\"a\": 1, \"a\": 2}|line 1 column 10: duplicate key \"a\"",
            "''|expected a value, found the end of the document",
            "1e400|number 1e400 is out of the range of a double",
            "\"open|unterminated string",
            "[1]]|expected the end of the document, found ']'",
    })
    void refusesWhatTheGrammarDoesNot(String text, String message) {
        String json = text.equals("''") ? "" : text;
        assertThatThrownBy(() -> JsonReader.parse(json)).isInstanceOf(JsonException.class).hasMessageContaining(message);
    }

    @Test
    void refusesRawControlCharactersAndReportsTheLine() {
        assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": \"x\ty\"}"))
                .hasMessage("line 2 column 10: control character U+0009 must be escaped in a string");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void boundsTheNesting(int depth) {
        String text = "[".repeat(depth) + "]".repeat(depth);
        if (depth <= JsonReader.MAX_DEPTH) {
            assertThat(JsonReader.parse(text)).isInstanceOf(List.class);
        } else {
            assertThatThrownBy(() -> JsonReader.parse(text)).hasMessageContaining("nesting deeper than 64");
        }
    }

    @Test
    void theWriterRefusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.write(Map.of("f1", Double.NaN)))
                .hasMessageContaining("JSON cannot hold the number NaN");
        assertThatThrownBy(() -> JsonWriter.write(List.of(new Object())))
                .hasMessageContaining("JSON has no form for java.lang.Object");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomDocumentsRoundTripAndAreValidForAnotherReader(long seed) throws Exception {
        Random random = new Random(seed);
        Object document = value(random, 0);

        String text = JsonWriter.write(document);

        assertThat(text.chars().allMatch(c -> c < 0x80)).as("ASCII only").isTrue();
        assertThat(JsonReader.parse(text)).isEqualTo(document);
        ObjectMapper jackson = new ObjectMapper();
        assertThat(jackson.readTree(text)).isEqualTo(jackson.readTree(jackson.writeValueAsString(document)));
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 4 -> string(random);
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(string(random), value(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String string(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                s.append((char) random.nextInt(0x20));
            } else if (pick == 1) {
                s.append(Arrays.asList('"', '\\', '/', 'x', ' ').get(random.nextInt(5)));
            } else if (pick == 2) {
                s.appendCodePoint(0x1F600 + random.nextInt(50));
            } else {
                s.append((char) (0xA0 + random.nextInt(0x2000)));
            }
        }
        return s.toString();
    }
}
