package io.visutility.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of {@link RegisteringChild} in its own JVM: its output lines are read on a thread, the test
 * waits (bounded) for the line it wants to kill after, and every {@code registered} line the child
 * managed to print, even after that moment, counts as reported.
 */
final class ChildRun implements AutoCloseable {
    private static final String END = "\u0000end";
    /** The exit code of a process ended by SIGKILL: 128 + 9. */
    private static final int SIGKILLED = 137;

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Map<Integer, String> registered = new TreeMap<>();

    private ChildRun(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::read, "child-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child with this JVM's java binary and the test class path. */
    static ChildRun start(List<String> args, Map<String, String> env, Path stderr) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", testClassPath(), RegisteringChild.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        try {
            return new ChildRun(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire may boot the tests from a manifest-only jar; it names the real class path separately. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Waits for the next line matching {@code wanted}; fails if the child ends or is silent too long. */
    String await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = next(deadline - System.nanoTime());
            if (line == null) {
                throw new AssertionError("child printed no line matching the plan within " + timeout + describe());
            }
            if (line.equals(END)) {
                throw new AssertionError("child ended before the planned kill" + describe());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /**
     * Spins until a file named {@code .incoming-*} that is not in {@code before} appears in {@code dir} (an
     * artifact being written), or the child prints its next line, or {@code timeout} passes. A write lasts
     * milliseconds, too short for a polling interval.
     */
    void spinUntilWriting(Path dir, Set<Path> before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            if (!incoming(dir).stream().allMatch(before::contains)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** The temporary files of artifact writes in {@code dir}. */
    static Set<Path> incoming(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".incoming-"))
                    .collect(Collectors.toSet());
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Kills the child with SIGKILL, waits for it to end and for the rest of its output to be read; fails
     * if it had ended on its own.
     */
    void kill(Duration timeout) {
        process.destroyForcibly();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("killed child " + process.pid() + " did not end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the killed child", e);
        }
        if (process.exitValue() != SIGKILLED) {
            throw new AssertionError("child ended with code " + process.exitValue() + ", not by the kill"
                    + describe());
        }
        String line;
        while ((line = next(deadline - System.nanoTime())) != null) {
            if (line.equals(END)) {
                return;
            }
        }
        throw new AssertionError("the killed child's output did not end within " + timeout);
    }

    /** The versions the child reported as registered: index to sha256. */
    Map<Integer, String> registered() {
        return registered;
    }

    private String next(long nanos) {
        try {
            String line = lines.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            if (line != null && !line.equals(END)) {
                seen.add(line);
                String[] parts = line.split(" ");
                if (parts[0].equals("registered")) {
                    registered.put(Integer.parseInt(parts[1]), parts[3]);
                    if (!parts[1].equals(parts[2])) {
                        throw new AssertionError("index " + parts[1] + " was registered as version " + parts[2]);
                    }
                }
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("error reading the child's output: " + e);
        }
        lines.add(END);
    }

    private String describe() {
        String errors;
        try {
            errors = Files.readString(stderr);
        } catch (IOException e) {
            errors = "(unreadable: " + e + ")";
        }
        return "; last lines " + seen.subList(Math.max(0, seen.size() - 5), seen.size()) + "; stderr:\n" + errors;
    }

    /** Kills the child if a failed test left it running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
