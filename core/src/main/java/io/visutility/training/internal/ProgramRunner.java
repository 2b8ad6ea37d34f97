package io.visutility.training.internal;

import io.visutility.training.TrainingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the user's program once, in its working folder, and waits for it up to the timeout. Its
 * output goes to files in that folder rather than pipes, so a chatty program can never block on a
 * full pipe and no thread has to drain it; only bounded tails of those files are ever read back.
 */
public final class ProgramRunner {
    /** The environment variable holding the absolute path of {@code request.json}. */
    public static final String REQUEST_ENV = "VISUTILITY_REQUEST";
    /** File in the working folder that receives the program's standard output. */
    public static final String STDOUT = "stdout.log";
    /** File in the working folder that receives the program's standard error. */
    public static final String STDERR = "stderr.log";
    private static final int KILL_ROUNDS = 3;
    private static final long REAP_SECONDS = 5;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Duration timeout;

    /** A runner of {@code command} with {@code environment} added to the inherited one. */
    public ProgramRunner(List<String> command, Map<String, String> environment, Duration timeout) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * Runs the program for the request at {@code request}, with {@code folder} as its working directory.
     *
     * @throws TrainingException when it cannot start, exits non-zero, outlives the timeout (it and its
     *                           child processes are killed) or the calling thread is interrupted
     */
    public void run(Path folder, Path request, String purpose) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve(STDOUT).toFile())
                .redirectError(folder.resolve(STDERR).toFile());
        builder.environment().putAll(environment);
        builder.environment().put(REQUEST_ENV, request.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TrainingException("cannot start the trainer command " + command + " to " + purpose + ": '"
                    + command.get(0) + "' was not found or is not executable (" + e.getMessage() + ")", e);
        }
        try {
            // The program gets an empty standard input: one that reads it must not wait for us.
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing was written, so nothing can be lost
        }
        boolean exited;
        try {
            exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while the trainer command " + command + " ran to " + purpose
                    + "; the program was killed", e);
        }
        if (!exited) {
            killTree(process);
            throw new TrainingException("the trainer command " + command + " timed out after " + human(timeout)
                    + " while it ran to " + purpose + " and was killed with its child processes"
                    + OutputTail.describe(folder.resolve(STDERR)));
        }
        int code = process.exitValue();
        if (code != 0) {
            throw new TrainingException("the trainer command " + command + " exited with code " + code
                    + " while it ran to " + purpose + OutputTail.describe(folder.resolve(STDERR)));
        }
    }

    /** Kills the program and everything it started, then waits a little for them to be gone. */
    static void killTree(Process process) {
        // Children first: once the parent dies they are re-parented and no longer found as its descendants.
        for (int round = 0; round < KILL_ROUNDS; round++) {
            List<ProcessHandle> children = process.descendants().toList();
            if (children.isEmpty()) {
                break;
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        try {
            process.waitFor(REAP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code 10m}, {@code 1.5s}, {@code 200ms}: durations as a reader writes them. */
    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
