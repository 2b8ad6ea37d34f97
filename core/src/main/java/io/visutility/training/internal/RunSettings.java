package io.visutility.training.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a process trainer runs its program, as its builder validated it.
 *
 * @param name             the trainer's name, for messages
 * @param command          the program and its arguments, never interpreted by a shell
 * @param environment      variables added to the inherited environment
 * @param workRoot         where working folders are made
 * @param timeout          longest a run may take
 * @param maxArtifactBytes largest model file accepted
 * @param keepFailedRuns   whether the working folder of a failed run is kept for inspection
 * @param clock            measures how long training took
 */
public record RunSettings(String name, List<String> command, Map<String, String> environment, Path workRoot,
                          Duration timeout, long maxArtifactBytes, boolean keepFailedRuns, Clock clock) {

    /** Copies the collections. */
    public RunSettings {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A runner of the command under these settings. */
    public ProgramRunner runner() {
        return new ProgramRunner(command, environment, timeout);
    }
}
