package org.agora.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Masking small counts so that no masked count comes back by subtraction from the totals and the other cells. */
class MaskedTableTest {

    static final List<String> BANDS = List.of("18-24", "25-34", "35-49");
    static final List<String> DISTRICTS = List.of("nord", "sud", "est");

    @Test
    void countsUnderTheThresholdAreMaskedAndOthersShown() {
        MaskedTable table = MaskedTable.of(BANDS, DISTRICTS, new long[][] {
                {40, 50, 60},
                {30, 20, 10},
                {12, 14, 16}}, 5);

        assertThat(table.cell(0, 0)).isEqualTo(40);
        assertThat(table.rowTotal(0)).isEqualTo(150);
        assertThat(table.columnTotal(2)).isEqualTo(86);
        assertThat(table.total()).isEqualTo(252);
        assertThat(attack(table)).isEmpty();
    }

    @Test
    void aLoneSmallCellIsNotRecoverableFromItsRowTotal() {
        long[][] counts = {
                {40, 50, 3},
                {30, 20, 10},
                {12, 14, 16}};
        // what primary masking alone would publish: the 3 comes back as 93 - 40 - 50
        assertThat(attack(primaryOnly(counts, 5))).containsExactly(new Recovered(0, 2, 3));

        MaskedTable table = MaskedTable.of(BANDS, DISTRICTS, counts, 5);

        assertThat(table.cell(0, 2)).isNull();
        assertThat(attack(table)).isEmpty();
        // the cheapest rectangle through it: 16 below it, 12 and 40 to their left (68 masked, against 80 for any other)
        assertThat(table.cell(2, 2)).isNull();
        assertThat(table.cell(2, 0)).isNull();
        assertThat(table.cell(0, 0)).isNull();
        assertThat(table.cell(1, 2)).isEqualTo(10);
        assertThat(table.total()).isEqualTo(195);
    }

    @Test
    void aMaskedCellJoiningTwoMaskedBlocksIsProtectedToo() {
        // two small cells in one row: each row and column has two masked cells once the columns are fixed, but a
        // bridge between blocks would still give a value away; the attack below is the full linear one
        long[][] counts = {
                {2, 3, 50, 60},
                {40, 50, 1, 70},
                {30, 45, 55, 4}};
        MaskedTable table = MaskedTable.of(BANDS, List.of("a", "b", "c", "d"), counts, 5);

        assertThat(attack(table)).isEmpty();
        assertThat(table.cell(0, 0)).isNull();
        assertThat(table.cell(0, 1)).isNull();
        assertThat(table.cell(1, 2)).isNull();
        assertThat(table.cell(2, 3)).isNull();
    }

    @Test
    void aSmallTotalIsMaskedAndCannotBeRebuilt() {
        MaskedTable table = MaskedTable.of(BANDS, DISTRICTS, new long[][] {
                {1, 1, 1},
                {30, 20, 10},
                {12, 14, 16}}, 5);

        assertThat(table.rowTotal(0)).isNull();
        assertThat(attack(table)).isEmpty();
    }

    @Test
    void zerosAreUnderTheThresholdToo() {
        MaskedTable table = MaskedTable.of(BANDS, DISTRICTS, new long[][] {
                {0, 50, 60},
                {30, 20, 10},
                {12, 14, 16}}, 5);

        assertThat(table.cell(0, 0)).isNull();
        assertThat(attack(table)).isEmpty();
    }

    @Test
    void oneDistrictAloneStillHidesItsSmallCells() {
        MaskedTable table = MaskedTable.of(BANDS, List.of("nord"), new long[][] {{3}, {40}, {12}}, 5);

        assertThat(table.cell(0, 0)).isNull();
        assertThat(attack(table)).isEmpty();
    }

    @Test
    void randomTablesNeverGiveAMaskedCountAway() {
        Random random = new Random(20270301);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            long[][] counts = new long[rows][columns];
            for (long[] row : counts) {
                for (int j = 0; j < columns; j++) {
                    row[j] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(60);
                }
            }
            int threshold = 1 + random.nextInt(6);
            MaskedTable table = MaskedTable.of(labels("r", rows), labels("c", columns), counts, threshold);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    if (counts[i][j] < threshold) {
                        assertThat(table.cell(i, j)).as("round %d cell %d,%d", round, i, j).isNull();
                    } else if (table.cell(i, j) != null) {
                        assertThat(table.cell(i, j)).isEqualTo(counts[i][j]);
                    }
                }
            }
            assertThat(attack(table)).as("round %d", round).isEmpty();
        }
    }

    @Test
    void aThresholdUnderOneOrCountsOfTheWrongShapeAreRefused() {
        assertThatThrownBy(() -> MaskedTable.of(BANDS, DISTRICTS, new long[3][3], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskedTable.of(BANDS, DISTRICTS, new long[2][3], 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Recovered(int row, int column, long value) {
    }

    /**
     * The attacker: the published cells and totals give one equation per row and per column (the cells add up to the
     * total); every masked cell, totals included, is an unknown. A masked value is given away when its unknown is
     * fixed by the equations, that is when its unit vector lies in the span of the equations' rows (Gaussian
     * elimination in exact integers over small tables). Returns what it recovers.
     */
    static List<Recovered> attack(MaskedTable table) {
        int r = table.rows().size();
        int c = table.columns().size();
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                if (value(table, i, j) == null) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        int n = unknowns.size();
        List<double[]> equations = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        for (int i = 0; i <= r; i++) {        // row i: cells - total = 0
            double[] eq = new double[n];
            double constant = 0;
            for (int j = 0; j <= c; j++) {
                double sign = j == c ? -1 : 1;
                Long v = value(table, i, j);
                if (v == null) {
                    eq[indexOf(unknowns, i, j)] += sign;
                } else {
                    constant -= sign * v;
                }
            }
            equations.add(eq);
            constants.add(constant);
        }
        for (int j = 0; j <= c; j++) {
            double[] eq = new double[n];
            double constant = 0;
            for (int i = 0; i <= r; i++) {
                double sign = i == r ? -1 : 1;
                Long v = value(table, i, j);
                if (v == null) {
                    eq[indexOf(unknowns, i, j)] += sign;
                } else {
                    constant -= sign * v;
                }
            }
            equations.add(eq);
            constants.add(constant);
        }
        // reduced row echelon form of [equations | constants]
        int m = equations.size();
        double[][] a = new double[m][n + 1];
        for (int k = 0; k < m; k++) {
            System.arraycopy(equations.get(k), 0, a[k], 0, n);
            a[k][n] = constants.get(k);
        }
        int rank = 0;
        int[] pivotOf = new int[m];
        for (int col = 0; col < n && rank < m; col++) {
            int pivot = -1;
            for (int k = rank; k < m; k++) {
                if (Math.abs(a[k][col]) > 1e-9) {
                    pivot = k;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = a[pivot];
            a[pivot] = a[rank];
            a[rank] = tmp;
            double p = a[rank][col];
            for (int x = 0; x <= n; x++) {
                a[rank][x] /= p;
            }
            for (int k = 0; k < m; k++) {
                if (k != rank && Math.abs(a[k][col]) > 1e-9) {
                    double f = a[k][col];
                    for (int x = 0; x <= n; x++) {
                        a[k][x] -= f * a[rank][x];
                    }
                }
            }
            pivotOf[rank] = col;
            rank++;
        }
        List<Recovered> recovered = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            int nonZero = 0;
            for (int x = 0; x < n; x++) {
                if (Math.abs(a[k][x]) > 1e-9) {
                    nonZero++;
                }
            }
            if (nonZero == 1) { // a row of the reduced form naming one unknown alone: its value is known
                int[] cell = unknowns.get(pivotOf[k]);
                recovered.add(new Recovered(cell[0], cell[1], Math.round(a[k][n])));
            }
        }
        return recovered;
    }

    private static Long value(MaskedTable table, int i, int j) {
        return table.withTotals().get(i).get(j);
    }

    private static int indexOf(List<int[]> unknowns, int i, int j) {
        for (int k = 0; k < unknowns.size(); k++) {
            if (unknowns.get(k)[0] == i && unknowns.get(k)[1] == j) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    /** What masking only the small counts would publish, through the same class with the protection left out. */
    private static MaskedTable primaryOnly(long[][] counts, int threshold) {
        return MaskedTable.primaryOnlyForTests(BANDS, DISTRICTS, counts, threshold);
    }

    private static List<String> labels(String prefix, int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(prefix + i);
        }
        return labels;
    }
}
