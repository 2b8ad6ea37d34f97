package io.visutility.server.client;

import io.visutility.server.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as a user would and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        return run(Main.commandLine(), args);
    }

    static Cli run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
