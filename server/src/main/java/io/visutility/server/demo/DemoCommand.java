package io.visutility.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code visutility demo}: by default the closed loop on a drifting stream (serve, label, detect, retrain,
 * promote, keep serving); with {@code --scenario} one of the metric-driven scenarios. Prints what happened.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play the closed loop end to end with a real XGBoost model: serve a drifting stream, "
                + "feed labels back, detect the drift, retrain, promote and keep serving.")
public final class DemoCommand implements Callable<Integer> {
    static final int DEFAULT_ROWS = 30_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Instead of the closed loop, a scenario driven by reported metrics: seed (healthy then "
                    + "degraded metrics) or storm (10,000 degraded samples in about a second).")
    private String scenario;

    @Option(names = "--stream", paramLabel = "NAME",
            description = "Closed loop: the drifting stream, sea, agrawal or hyperplane. Default: sea.")
    private String stream;

    @Option(names = "--rows", paramLabel = "N",
            description = "Closed loop: rows to serve, 3,000 to 1,000,000; the concept changes a third of the way. "
                    + "Default: " + DEFAULT_ROWS + ".")
    private Integer rows;

    @Option(names = "--json", description = "End with one line of JSON describing the run.")
    private boolean json;

    @Option(names = "--data", defaultValue = "visutility-data", paramLabel = "DIR",
            description = "Folder the demo keeps its state in: the registry (visutility.db) and the artifacts "
                    + "(artifacts/, files named by their sha256). A second run continues from the champion "
                    + "found there. Default: ${DEFAULT-VALUE}.")
    private Path data;

    @Option(names = "--seed", defaultValue = "7", description = "Seed for data, splits, tuning and training. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--trials", defaultValue = "6", paramLabel = "N",
            description = "Tuning trials per retrain, 1 to 100. Default: ${DEFAULT-VALUE}.")
    private int trials;

    @Override
    public Integer call() throws Exception {
        if (trials < 1 || trials > 100) {
            throw new ParameterException(spec.commandLine(), "--trials must be within [1, 100], was " + trials);
        }
        if (scenario == null) {
            return closedLoop();
        }
        if (stream != null || rows != null) {
            throw new ParameterException(spec.commandLine(), (stream != null ? "--stream" : "--rows")
                    + " applies to the closed loop only, not to --scenario " + scenario);
        }
        DemoScenario chosen = switch (scenario) {
            case "seed" -> DemoScenario.SEED;
            case "storm" -> DemoScenario.STORM;
            default -> throw new ParameterException(spec.commandLine(),
                    "--scenario must be one of seed, storm; was '" + scenario + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        DemoReport report;
        try (DemoRun run = new DemoRun(data, seed, trials, spec.commandLine().getErr())) {
            report = run.run(chosen);
        }
        out.println(json ? new ObjectMapper().writeValueAsString(report) : report.toText());
        out.flush();
        return report.promoted() || report.retrainJobs() > 0 ? 0 : 1;
    }

    private int closedLoop() {
        DemoStream chosen = DemoStream.parse(stream == null ? "sea" : stream);
        if (chosen == null) {
            throw new ParameterException(spec.commandLine(),
                    "--stream must be one of " + DemoStream.names() + "; was '" + stream + "'");
        }
        int n = rows == null ? DEFAULT_ROWS : rows;
        if (n < 3_000 || n > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--rows must be within [3000, 1000000], was " + n);
        }
        ClosedLoopReport report;
        try (ClosedLoopDemo demo = new ClosedLoopDemo(data, chosen, n, seed, trials, spec.commandLine().getErr())) {
            report = demo.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.toJson() : report.toText());
        out.flush();
        return report.accuracyAfterRetrain() != null ? 0 : 1;
    }
}
