package io.visutility.server.demo;

import java.io.PrintWriter;

/** A one-line bar of the rows served so far and the version serving them, redrawn in place on a console. */
final class RowBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final int total;
    private final int step;

    RowBar(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
        this.step = Math.max(1, total / 200);
    }

    /** A bar on {@code out} when the process is attached to a terminal, otherwise null. */
    static RowBar forConsole(PrintWriter out, int total) {
        return System.console() == null ? null : new RowBar(out, total);
    }

    /** Redraws the bar after {@code done} rows, at most 200 times a run. */
    void show(int done, int version) {
        if (done % step != 0 && done != total) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        out.print("\r[demo] rows [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + "  champion v" + version);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
