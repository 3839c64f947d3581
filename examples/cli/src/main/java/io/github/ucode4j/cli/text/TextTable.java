package io.github.ucode4j.cli.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header row and rows, columns padded to their widest cell, the last one left ragged. */
public final class TextTable {
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * A table with these column headings.
     *
     * @param headings one heading per column, which also fixes the number of columns
     */
    public TextTable(String... headings) {
        this.columns = headings.length;
        rows.add(headings.clone());
    }

    /**
     * Adds a row, one cell per column; a null cell prints as {@code ?}.
     *
     * @param cells one value per column, printed with {@code toString}, or null
     * @return this table
     * @throws IllegalArgumentException when the number of cells is not the number of columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(columns + " columns, " + cells.length + " cells: " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "?" : c.toString()).toArray(String[]::new));
        return this;
    }

    /**
     * Prints the table.
     *
     * @param out where to print: the heading row, then each row in the order added
     */
    public void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? "" : GAP).append(c == columns - 1 ? row[c] : pad(row[c], widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
