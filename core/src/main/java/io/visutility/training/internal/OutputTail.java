package io.visutility.training.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a captured output file, read without reading the rest of it. */
public final class OutputTail {
    /** Most lines of standard error quoted in a failure. */
    public static final int MAX_LINES = 20;
    /** Most bytes of standard error quoted in a failure. */
    public static final int MAX_BYTES = 4096;

    private OutputTail() {
    }

    /** The last {@code maxBytes} of {@code file} as text (invalid UTF-8 replaced); empty when it is missing. */
    public static String read(Path file, int maxBytes) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int n = (int) Math.min(length, maxBytes);
            byte[] bytes = new byte[n];
            in.seek(length - n);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (length > n) {
                // The cut fell inside a line (maybe inside a character): start at the next whole line.
                int newline = text.indexOf('\n');
                text = newline >= 0 ? text.substring(newline + 1) : text;
            }
            return text;
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of {@code stderr}, formatted to end a failure message. */
    public static String describe(Path stderr) {
        List<String> lines = Arrays.asList(read(stderr, MAX_BYTES).strip().split("\\R"));
        if (lines.size() == 1 && lines.get(0).isEmpty()) {
            return "; its standard error was empty";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
        return "; the last " + tail.size() + " lines of its standard error:\n" + String.join("\n", tail);
    }
}
