package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code visutility retrain NAME}: queues a retrain of the model now. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Queue a retrain of the model; fails if one is already active.")
public final class RetrainCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept with the job.")
    private String reason;

    @Override
    protected int run(ApiClient api) {
        String path = modelPath(name) + "/retrain" + (reason == null ? "" : "?reason=" + ApiClient.segment(reason));
        JsonNode answer = api.post(path);
        if (json()) {
            printJson(answer);
        } else {
            out().println("retrain of " + name + " queued: job " + JsonPaths.text(answer, "jobId", "job.id"));
        }
        return 0;
    }
}
