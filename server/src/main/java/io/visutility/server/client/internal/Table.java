package io.visutility.server.client.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header row and left-aligned columns padded to their widest cell. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column names */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; null cells print as {@code -}; missing cells are blank. */
    public Table row(Object... cells) {
        if (cells.length > header.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the table " + header.size()
                    + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Object cell = i < cells.length ? cells[i] : "";
            row.add(cell == null ? "-" : oneLine(String.valueOf(cell)));
        }
        rows.add(row);
        return this;
    }

    /** The number of rows added. */
    public int size() {
        return rows.size();
    }

    /** Prints the header and the rows. */
    public void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        Arrays.setAll(widths, i -> header.get(i).length());
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, header, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Control characters (a newline in a server message, say) would break the columns. */
    private static String oneLine(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
