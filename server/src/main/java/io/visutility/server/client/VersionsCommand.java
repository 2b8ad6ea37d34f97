package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visutility.server.client.internal.JsonPaths;
import io.visutility.server.client.internal.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code visutility versions NAME}: every registered version of a model with its gate decision. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List a model's versions with their aliases, checksums and gate decisions.")
public final class VersionsCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @Override
    protected int run(ApiClient api) {
        List<JsonNode> versions = Pages.versions(api, name);
        if (json()) {
            ObjectNode all = JsonNodeFactory.instance.objectNode();
            all.putArray("versions").addAll(versions);
            printJson(all);
            return 0;
        }
        if (versions.isEmpty()) {
            out().println("model " + name + " has no versions yet");
            return 0;
        }
        Table table = new Table("VERSION", "ALIASES", "SHA256", "CREATED", "PARENT", "GATE", "METRICS");
        for (JsonNode v : versions) {
            table.row("v" + JsonPaths.text(v, "version"), aliases(v), shortSha(JsonPaths.text(v, "sha256")),
                    JsonPaths.text(v, "createdAt"), parent(v), gate(v.get("gateDecision")), metrics(v.get("metrics")));
        }
        table.print(out());
        return 0;
    }

    static String aliases(JsonNode version) {
        List<JsonNode> aliases = JsonPaths.items(version, "aliases");
        return aliases.isEmpty() ? "" : String.join(",", aliases.stream().map(JsonNode::asText).toList());
    }

    static String parent(JsonNode version) {
        String parent = JsonPaths.text(version, "lineage.parentVersion");
        return parent == null ? null : "v" + parent;
    }

    /** The gate's verdict in a few words: promoted or rejected, and by which rule. */
    static String gate(JsonNode decision) {
        if (decision == null || decision.isNull()) {
            return null;
        }
        String verdict = decision.path("promote").asBoolean() ? "promoted" : "rejected";
        String rule = JsonPaths.text(decision, "rule");
        return rule == null ? verdict : verdict + " (" + rule + ")";
    }

    static String metrics(JsonNode metrics) {
        if (metrics == null || !metrics.isObject() || metrics.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        metrics.fields().forEachRemaining(e -> text.append(text.length() == 0 ? "" : " ").append(e.getKey())
                .append('=').append(e.getValue().isNumber() ? JsonPaths.decimal(e.getValue().asDouble())
                        : e.getValue().asText()));
        return text.toString();
    }

    static String shortSha(String sha) {
        return sha == null || sha.length() <= 12 ? sha : sha.substring(0, 12);
    }
}
