package io.visutility.server.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;

/**
 * What every client command shares: the server address ({@code --server}, default
 * {@code http://127.0.0.1:7070} or {@code VISUTILITY_SERVER}), the bearer token ({@code --token} or
 * {@code VISUTILITY_TOKEN}), {@code --json} for the server's JSON instead of a table, and the exit codes:
 * 0 ok, 1 failure (printed to standard error), 2 usage.
 */
public abstract class ClientCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The command's picocli model, for its output streams and usage errors. */
    @Spec
    protected CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:VISUTILITY_SERVER:-http://127.0.0.1:7070}",
            description = "Server address (default: ${DEFAULT-VALUE}; env VISUTILITY_SERVER).")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:VISUTILITY_TOKEN}",
            description = "Bearer token (env VISUTILITY_TOKEN).")
    private String token;

    @Option(names = "--json", description = "Print the server's JSON instead of a table.")
    private boolean json;

    /** Whether {@code --json} was given. */
    protected boolean json() {
        return json;
    }

    /** Runs the command against the server; returns the exit code. */
    protected abstract int run(ApiClient api);

    @Override
    public final Integer call() {
        URI uri;
        try {
            uri = ApiClient.parseServer(server);
        } catch (IllegalArgumentException e) {
            throw usage("--server " + e.getMessage());
        }
        try {
            return run(new ApiClient(uri, token));
        } catch (ApiFailure e) {
            err().println("error: " + e.getMessage());
            return 1;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Standard output. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit code 2) with {@code message}, to throw. */
    protected CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Prints {@code node} as indented JSON. */
    protected void printJson(JsonNode node) {
        try {
            out().println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    /** {@code /api/v1/models/{name}} with the name percent-encoded. */
    protected static String modelPath(String name) {
        return "/api/v1/models/" + ApiClient.segment(name);
    }
}
