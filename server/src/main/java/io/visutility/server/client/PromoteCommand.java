package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code visutility promote NAME VERSION}: makes a version the model's champion. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Make a version the model's champion (compare-and-set on the champion alias).")
public final class PromoteCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version to promote (1 or more).")
    private int version;

    @Option(names = "--expected", paramLabel = "VERSION",
            description = "Only promote if the champion is this version now (otherwise the server answers 409).")
    private Integer expected;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept in the alias history.")
    private String reason;

    @Override
    protected int run(ApiClient api) {
        if (version < 1) {
            throw usage("VERSION must be 1 or more, was " + version);
        }
        if (expected != null && expected < 1) {
            throw usage("--expected must be 1 or more, was " + expected);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        if (expected != null) {
            body.put("expectedVersion", expected);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        JsonNode answer = api.send("PUT", modelPath(name) + "/aliases/champion", body);
        if (json()) {
            printJson(answer);
        } else {
            out().println("champion of " + name + " is now v"
                    + JsonPaths.text(answer, "version", "modelVersion.version"));
        }
        return 0;
    }
}
