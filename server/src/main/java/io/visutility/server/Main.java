package io.visutility.server;

import io.visutility.server.client.JobsCommand;
import io.visutility.server.client.ModelsCommand;
import io.visutility.server.client.PromoteCommand;
import io.visutility.server.client.PushCommand;
import io.visutility.server.client.ReportCommand;
import io.visutility.server.client.RetrainCommand;
import io.visutility.server.client.RollbackCommand;
import io.visutility.server.client.VersionsCommand;
import io.visutility.server.demo.DemoCommand;
import io.visutility.server.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code visutility}: the orchestrator's command line. */
@Command(name = "visutility", mixinStandardHelpOptions = true, version = "visutility 0.1.0",
        description = "Watches ML models in production and retrains, registers and promotes them when they degrade.",
        subcommands = {ServeCommand.class, DemoCommand.class, EvalDetectorsCommand.class, ModelsCommand.class,
                VersionsCommand.class, PromoteCommand.class, RollbackCommand.class, PushCommand.class,
                RetrainCommand.class, JobsCommand.class, ReportCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code: 0 ok, 1 failure, 2 usage error. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, for callers that redirect its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, such as 'demo'");
    }
}
