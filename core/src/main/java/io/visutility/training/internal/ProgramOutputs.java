package io.visutility.training.internal;

import io.visutility.training.TrainingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what the program wrote, checking every size before reading, so a runaway program cannot make
 * the orchestrator read gigabytes, and every value before trusting it.
 */
public final class ProgramOutputs {
    /** Largest {@code result.json} accepted. */
    public static final long MAX_RESULT_BYTES = 1 << 20;
    /** Most metrics one run may report. */
    public static final int MAX_METRICS = 100;

    private ProgramOutputs() {
    }

    /**
     * The bytes of the model file, refused by its size before any of it is read.
     *
     * @throws TrainingException when it is missing, not a regular file, empty or larger than {@code maxBytes}
     */
    public static byte[] model(Path file, long maxBytes) {
        long size = regularFileSize(file, "model");
        if (size == 0) {
            throw new TrainingException("the trainer wrote an empty model: " + file.getFileName() + " has 0 bytes");
        }
        if (size > maxBytes) {
            throw new TrainingException("the trainer wrote a model of " + size + " bytes, more than the limit of "
                    + maxBytes + " bytes; it was refused without being read");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrainingException("cannot read the model the trainer wrote: " + e.getMessage(), e);
        }
    }

    /**
     * The metrics the program reported: from {@code result.json} when it exists, else from the
     * {@code name=value} lines at the end of its standard output.
     *
     * @throws TrainingException when there are none, or the file is too large, malformed, or holds a
     *                           metric that is not a finite number in its range
     */
    public static Map<String, Double> reportedMetrics(Path resultJson, Path stdout) {
        if (Files.exists(resultJson, LinkOption.NOFOLLOW_LINKS)) {
            return fromResultJson(resultJson);
        }
        Map<String, Double> fromStdout = MetricLines.parse(OutputTail.read(stdout, MetricLines.MAX_SCANNED));
        if (fromStdout.isEmpty()) {
            throw new TrainingException("the trainer wrote no result: neither " + resultJson.getFileName()
                    + " in the output folder nor name=value metric lines on its standard output");
        }
        return fromStdout;
    }

    private static Map<String, Double> fromResultJson(Path file) {
        long size = regularFileSize(file, "result");
        if (size > MAX_RESULT_BYTES) {
            throw new TrainingException("the trainer wrote a result.json of " + size + " bytes, more than the limit of "
                    + MAX_RESULT_BYTES + " bytes");
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(utf8(Files.readAllBytes(file)));
        } catch (JsonException | CharacterCodingException e) {
            throw new TrainingException("the trainer wrote a malformed result.json: "
                    + (e instanceof CharacterCodingException ? "it is not UTF-8" : e.getMessage()), e);
        } catch (IOException e) {
            throw new TrainingException("cannot read result.json: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> top) || !(top.get("metrics") instanceof Map<?, ?> metrics)) {
            throw new TrainingException("the trainer wrote a malformed result.json: it must be an object with a "
                    + "\"metrics\" object, like {\"metrics\": {\"f1\": 0.91}}");
        }
        if (metrics.isEmpty()) {
            throw new TrainingException("the trainer's result.json reports no metrics");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : metrics.entrySet()) {
            String name = (String) entry.getKey();
            if (!(entry.getValue() instanceof Number n)) {
                throw new TrainingException("metric " + name + " in result.json must be a number, was "
                        + (entry.getValue() instanceof String s ? "the string \"" + s + "\"" : entry.getValue()));
            }
            out.put(name, MetricLines.check(name, n.doubleValue()));
        }
        return MetricLines.bounded(out);
    }

    /**
     * One probability per row, one per line.
     *
     * @throws TrainingException when the file is missing or too large, a line is not a probability, or
     *                           the count differs from {@code rows}
     */
    public static double[] predictions(Path file, int rows) {
        long size = regularFileSize(file, "predictions");
        long limit = 64L * rows + 64;
        if (size > limit) {
            throw new TrainingException("the trainer wrote " + size + " bytes of predictions for " + rows
                    + " rows, more than the limit of " + limit + " bytes (64 per line)");
        }
        String text;
        try {
            text = utf8(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TrainingException("cannot read the predictions: " + e.getMessage(), e);
        }
        String[] lines = text.isEmpty() ? new String[0] : text.split("\\R", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isBlank() ? lines.length - 1 : lines.length;
        if (count != rows) {
            throw new TrainingException("the trainer wrote " + count + " predictions for " + rows + " rows");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            String line = lines[i].strip();
            double p;
            try {
                p = Double.parseDouble(line);
            } catch (NumberFormatException e) {
                throw new TrainingException("prediction on line " + (i + 1) + " must be a number, was '" + line + "'");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new TrainingException("prediction on line " + (i + 1) + " must be a probability within [0, 1], was "
                        + line);
            }
            out[i] = p;
        }
        return out;
    }

    private static long regularFileSize(Path file, String what) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new TrainingException("the trainer wrote no " + what + ": " + file.getFileName()
                    + " is missing from its output folder");
        }
        // A link could point at a device or a huge file elsewhere: only a plain file is read.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new TrainingException("the trainer's " + file.getFileName() + " must be a regular file, not a link,"
                    + " folder or device");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TrainingException("cannot read the size of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
