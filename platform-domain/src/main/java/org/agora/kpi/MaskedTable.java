package org.agora.kpi;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A table of counts with its row and column totals, in which every count under the threshold is masked, and masked so
 * that no masked count can be worked out from the others and the totals.
 *
 * <p>Why more than the small counts: a row whose only masked cell is 3 gives the 3 away by subtraction from the row's
 * total. In general, with the totals as an extra row and column (counted negative), every row and column of the table
 * sums to zero, so the masked cells are the edges of a bipartite graph between rows and columns, and a masked value is
 * determined by the visible ones exactly when its edge lies on no cycle of that graph (it is a bridge). So after the
 * primary masking, while some masked cell is a bridge, the cheapest rectangle through it (the three other corners with
 * the smallest sum of counts not masked yet, totals included) is masked too. Each round puts one more masked cell on a
 * cycle for good, so it ends. This subsumes the rule "a row or column never has exactly one masked cell".
 *
 * <p>Cells are {@code null} when masked: the masked value never leaves this class.
 */
public final class MaskedTable {

    private final List<String> rows;
    private final List<String> columns;
    private final Long[][] cells;      // rows.size() + 1 by columns.size() + 1, the last row and column the totals

    private MaskedTable(List<String> rows, List<String> columns, Long[][] cells) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.cells = cells;
    }

    /**
     * Masks {@code counts} (one array per row, one value per column) at {@code threshold}: every count, total included,
     * under it, then as many others as make every masked count impossible to recover.
     */
    public static MaskedTable of(List<String> rows, List<String> columns, long[][] counts, int threshold) {
        return of(rows, columns, counts, threshold, true);
    }

    /** Primary masking alone, which subtraction defeats: for the tests that show the attack. */
    static MaskedTable primaryOnlyForTests(List<String> rows, List<String> columns, long[][] counts, int threshold) {
        return of(rows, columns, counts, threshold, false);
    }

    private static MaskedTable of(List<String> rows, List<String> columns, long[][] counts, int threshold,
                                  boolean protect) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold " + threshold);
        }
        int r = rows.size();
        int c = columns.size();
        if (counts.length != r || Arrays.stream(counts).anyMatch(row -> row.length != c)) {
            throw new IllegalArgumentException("counts are not " + r + " by " + c);
        }
        long[][] full = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                full[i][j] = counts[i][j];
                full[i][c] += counts[i][j];
                full[r][j] += counts[i][j];
                full[r][c] += counts[i][j];
            }
        }
        boolean[][] masked = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                masked[i][j] = full[i][j] < threshold;
            }
        }
        if (protect) {
            protect(full, masked);
        }
        Long[][] cells = new Long[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                cells[i][j] = masked[i][j] ? null : full[i][j];
            }
        }
        return new MaskedTable(rows, columns, cells);
    }

    /** Masks more cells until no masked cell is a bridge of the graph of masked cells. */
    static void protect(long[][] full, boolean[][] masked) {
        int rows = full.length;
        int cols = full[0].length;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < rows && !changed; i++) {
                for (int j = 0; j < cols && !changed; j++) {
                    if (masked[i][j] && isBridge(masked, i, j)) {
                        maskCheapestRectangle(full, masked, i, j);
                        changed = true;
                    }
                }
            }
        }
    }

    private static void maskCheapestRectangle(long[][] full, boolean[][] masked, int i, int j) {
        long best = Long.MAX_VALUE;
        int bestRow = -1;
        int bestCol = -1;
        for (int k = 0; k < full.length; k++) {
            for (int l = 0; l < full[0].length; l++) {
                if (k == i || l == j) {
                    continue;
                }
                long cost = cost(full, masked, i, l) + cost(full, masked, k, l) + cost(full, masked, k, j);
                if (cost < best) {
                    best = cost;
                    bestRow = k;
                    bestCol = l;
                }
            }
        }
        masked[i][bestCol] = true;
        masked[bestRow][bestCol] = true;
        masked[bestRow][j] = true;
    }

    private static long cost(long[][] full, boolean[][] masked, int i, int j) {
        // one more than the count, so that masking a zero still costs something
        return masked[i][j] ? 0 : full[i][j] + 1;
    }

    /** Whether row {@code i} and column {@code j} are connected by masked cells other than (i, j). */
    private static boolean isBridge(boolean[][] masked, int i, int j) {
        int rows = masked.length;
        int cols = masked[0].length;
        // nodes: rows 0..rows-1, columns rows..rows+cols-1
        boolean[] seen = new boolean[rows + cols];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(i);
        seen[i] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node == rows + j) {
                return false;
            }
            if (node < rows) {
                for (int l = 0; l < cols; l++) {
                    if (masked[node][l] && !(node == i && l == j) && !seen[rows + l]) {
                        seen[rows + l] = true;
                        queue.add(rows + l);
                    }
                }
            } else {
                int l = node - rows;
                for (int k = 0; k < rows; k++) {
                    if (masked[k][l] && !(k == i && l == j) && !seen[k]) {
                        seen[k] = true;
                        queue.add(k);
                    }
                }
            }
        }
        return true;
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    /** The count of row {@code i} and column {@code j}, or {@code null} when masked. */
    public Long cell(int i, int j) {
        return cells[i][j];
    }

    /** The total of row {@code i}, or {@code null} when masked. */
    public Long rowTotal(int i) {
        return cells[i][columns.size()];
    }

    /** The total of column {@code j}, or {@code null} when masked. */
    public Long columnTotal(int j) {
        return cells[rows.size()][j];
    }

    /** The table's total, or {@code null} when masked. */
    public Long total() {
        return cells[rows.size()][columns.size()];
    }

    /** The rows with their totals, then the totals row: what a sheet or a CSV writes, {@code null} for masked. */
    public List<List<Long>> withTotals() {
        List<List<Long>> lines = new ArrayList<>();
        for (Long[] line : cells) {
            lines.add(java.util.Collections.unmodifiableList(Arrays.asList(line.clone())));
        }
        return lines;
    }

    public boolean isMasked(int i, int j) {
        return cells[i][j] == null;
    }
}
