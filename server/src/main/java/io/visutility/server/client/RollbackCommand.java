package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code visutility rollback NAME}: the previous champion serves again. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Make the model's previous champion the champion again.")
public final class RollbackCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.post(modelPath(name) + "/rollback");
        if (json()) {
            printJson(answer);
            return 0;
        }
        String now = JsonPaths.text(answer, "champion.version", "version");
        String before = JsonPaths.text(answer, "rolledBack");
        out().println("champion of " + name + " is now v" + now + (before == null ? "" : " (was v" + before + ")"));
        return 0;
    }
}
