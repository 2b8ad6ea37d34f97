package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visutility.server.client.internal.MetricLines;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code visutility push NAME}: reports metrics of a model, one sample from the options or many from a
 * JSON-lines file (sent in batches of up to {@value #BATCH}). Everything is checked before anything is sent.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Report a model's metrics: one sample (--precision --recall [--f1]) or a JSON-lines file.")
public final class PushCommand extends ClientCommand {
    /** Samples per request when pushing a file. */
    public static final int BATCH = 1000;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--file", paramLabel = "FILE.jsonl", required = true,
                description = "One JSON object per line: {\"precision\",\"recall\",\"f1_score\"?,\"timestamp\"?}.")
        Path file;

        @ArgGroup(exclusive = false)
        Sample sample;
    }

    static final class Sample {
        @Option(names = "--precision", paramLabel = "P", required = true, description = "Precision, in [0, 1].")
        double precision;

        @Option(names = "--recall", paramLabel = "R", required = true, description = "Recall, in [0, 1].")
        double recall;

        @Option(names = "--f1", paramLabel = "F", description = "F1, in [0, 1]; computed by the server when absent.")
        Double f1;

        @Option(names = "--time", paramLabel = "ISO-8601", description = "When it was measured; default: on arrival.")
        String time;
    }

    @Override
    protected int run(ApiClient api) {
        String path = modelPath(name) + "/metrics";
        if (source.file == null) {
            JsonNode answer = api.send("POST", path, sample(source.sample));
            if (json()) {
                printJson(answer);
            } else {
                out().println("pushed 1 metric sample to " + name + ": " + answer.path("accepted").asText("?")
                        + " accepted");
            }
            return 0;
        }
        List<MetricLines.Line> lines;
        try {
            lines = MetricLines.read(source.file);
        } catch (IOException e) {
            throw usage("--file " + source.file + " cannot be read: " + e);
        } catch (MetricLines.BadLine e) {
            throw usage("--file " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw usage("--file " + source.file + " holds no metric samples");
        }
        long accepted = 0;
        int batches = (lines.size() + BATCH - 1) / BATCH;
        for (int b = 0; b < batches; b++) {
            List<MetricLines.Line> batch = lines.subList(b * BATCH, Math.min(lines.size(), (b + 1) * BATCH));
            try {
                JsonNode answer = api.send("POST", path, batch.stream().map(MetricLines.Line::json).toList());
                accepted += answer.path("accepted").asLong(batch.size());
            } catch (ApiFailure e) {
                throw new ApiFailure(e.status(), "batch " + (b + 1) + " of " + batches + " (lines "
                        + batch.get(0).number() + "-" + batch.get(batch.size() - 1).number() + ") was refused: "
                        + e.getMessage() + "; " + accepted + " samples of the batches before it were accepted");
            }
        }
        if (json()) {
            ObjectNode summary = JsonNodeFactory.instance.objectNode();
            summary.put("accepted", accepted);
            summary.put("batches", batches);
            printJson(summary);
        } else {
            out().println("pushed " + lines.size() + " metric samples to " + name + " in " + batches
                    + (batches == 1 ? " batch: " : " batches: ") + accepted + " accepted");
        }
        return 0;
    }

    private ObjectNode sample(Sample s) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("precision", unit("--precision", s.precision));
        body.put("recall", unit("--recall", s.recall));
        if (s.f1 != null) {
            body.put("f1_score", unit("--f1", s.f1));
        }
        if (s.time != null) {
            try {
                body.put("timestamp", Instant.parse(s.time).toString());
            } catch (DateTimeParseException e) {
                throw usage("--time must be an ISO-8601 instant such as 2026-11-28T10:00:00Z, was '" + s.time + "'");
            }
        }
        return body;
    }

    private double unit(String option, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw usage(option + " must be within [0, 1], was " + value);
        }
        return value;
    }
}
