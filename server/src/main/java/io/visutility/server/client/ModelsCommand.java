package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;
import io.visutility.server.client.internal.Table;
import picocli.CommandLine.Command;

/** {@code visutility models}: the declared models with their health and champion. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the server's models with their health, champion and metric window.")
public final class ModelsCommand extends ClientCommand {
    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.get("/api/v1/models");
        if (json()) {
            printJson(answer);
            return 0;
        }
        Table table = new Table("NAME", "HEALTH", "CHAMPION", "SAMPLES", "PRECISION", "RECALL", "F1", "ACTIVE JOB");
        for (JsonNode m : JsonPaths.items(answer, "models", "items")) {
            table.row(JsonPaths.text(m, "name", "spec.name"),
                    JsonPaths.text(m, "health", "state.health", "status.health", "state"),
                    JsonPaths.champion(m),
                    JsonPaths.text(m, "window.samples", "state.window.samples"),
                    JsonPaths.decimal(JsonPaths.number(m, "window.precision", "state.window.precision")),
                    JsonPaths.decimal(JsonPaths.number(m, "window.recall", "state.window.recall")),
                    JsonPaths.decimal(JsonPaths.number(m, "window.f1", "window.f1_score", "state.window.f1")),
                    JsonPaths.text(m, "activeJobId", "activeJob", "state.activeJobId"));
        }
        if (table.size() == 0) {
            out().println("no models declared on " + api.server());
        } else {
            table.print(out());
        }
        return 0;
    }
}
