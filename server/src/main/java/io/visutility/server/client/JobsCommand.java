package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;
import io.visutility.server.client.internal.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code visutility jobs [--model NAME]}: retrain jobs, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List retrain jobs, of one model or of all.")
public final class JobsCommand extends ClientCommand {
    @Option(names = "--model", paramLabel = "NAME", description = "Only this model's jobs.")
    private String model;

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.get("/api/v1/jobs" + (model == null ? "" : "?model=" + ApiClient.segment(model)));
        if (json()) {
            printJson(answer);
            return 0;
        }
        Table table = new Table("ID", "MODEL", "STATE", "ATTEMPTS", "CREATED", "UPDATED", "ERROR");
        for (JsonNode job : JsonPaths.items(answer, "jobs")) {
            String attempts = JsonPaths.text(job, "attempts");
            String max = JsonPaths.text(job, "maxAttempts");
            table.row(JsonPaths.text(job, "id"), JsonPaths.text(job, "model"), JsonPaths.text(job, "state"),
                    attempts == null ? null : max == null ? attempts : attempts + "/" + max,
                    JsonPaths.text(job, "createdAt"), JsonPaths.text(job, "updatedAt"),
                    JsonPaths.text(job, "lastError"));
        }
        if (table.size() == 0) {
            out().println(model == null ? "no jobs" : "no jobs for " + model);
        } else {
            table.print(out());
        }
        return 0;
    }
}
