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

/** {@code visutility demo}: plays a scenario end to end on real parts and prints what happened. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play a monitoring-and-retraining scenario end to end with a real XGBoost model.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "seed", paramLabel = "NAME",
            description = "seed (healthy then degraded metrics) or storm (10,000 degraded samples in about a second). Default: ${DEFAULT-VALUE}.")
    private String scenario;

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
        DemoScenario chosen = switch (scenario) {
            case "seed" -> DemoScenario.SEED;
            case "storm" -> DemoScenario.STORM;
            default -> throw new ParameterException(spec.commandLine(),
                    "--scenario must be one of seed, storm; was '" + scenario + "'");
        };
        if (trials < 1 || trials > 100) {
            throw new ParameterException(spec.commandLine(), "--trials must be within [1, 100], was " + trials);
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoReport report;
        try (DemoRun run = new DemoRun(data, seed, trials, spec.commandLine().getErr())) {
            report = run.run(chosen);
        }
        out.println(json ? new ObjectMapper().writeValueAsString(report) : report.toText());
        out.flush();
        return report.promoted() || report.retrainJobs() > 0 ? 0 : 1;
    }
}
