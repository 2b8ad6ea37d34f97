package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visutility.server.client.internal.ReportCharts;
import io.visutility.server.client.internal.ReportData;
import io.visutility.server.client.internal.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code visutility report NAME --out DIR}: PNG charts of a model's metric history (drift alarms and
 * promotions marked) and of its versions' metrics, and an {@code index.html} of its history.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write PNG charts and an HTML page of a model's history into a folder.")
public final class ReportCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    private String name;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write into (made if missing).")
    private Path out;

    private final Clock clock;

    /** A report stamped with the system clock. */
    public ReportCommand() {
        this(Clock.systemUTC());
    }

    /** A report stamped with {@code clock}'s time. */
    public ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected int run(ApiClient api) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw usage("--out must be a folder, but " + out + " is a file");
        }
        JsonNode model = api.get(modelPath(name));
        List<JsonNode> versions = Pages.versions(api, name);
        List<JsonNode> events = Pages.events(api, name);
        ReportData data = new ReportData(name, api.server(), clock.instant(), model, versions, events);
        List<String> charts;
        Path index = out.resolve(ReportPage.INDEX);
        try {
            Files.createDirectories(out);
            charts = ReportCharts.write(data, out);
            Files.writeString(index, ReportPage.render(data, charts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiFailure("cannot write the report into " + out + ": " + e, e);
        }
        if (json()) {
            ObjectNode summary = JsonNodeFactory.instance.objectNode();
            summary.put("index", index.toString());
            charts.forEach(summary.putArray("charts")::add);
            summary.put("versions", versions.size());
            summary.put("events", events.size());
            printJson(summary);
        } else {
            out().println("report of " + name + " written to " + index + " (" + charts.size() + " charts, "
                    + versions.size() + " versions, " + events.size() + " events)");
        }
        return 0;
    }
}
