package org.agora.reports;

import java.util.List;

/**
 * One table of the KPIs as the workbook's sheets and the CSV files write it: a name for files, a title, headed
 * columns each of a kind, and rows of values ({@link Long}, {@link java.math.BigDecimal}, {@link String},
 * {@link java.time.LocalDate}, or {@link #MASKED}). Both writers take the same tables, so they hold the same figures.
 */
public record KpiTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

    /** A count hidden by the masking of small counts. */
    public static final Object MASKED = new Object() {
        @Override
        public String toString() {
            return "MASKED";
        }
    };

    public KpiTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }

    /** A column: its heading and what its values are. */
    public record Column(String heading, Kind kind) {
    }

    /** How values of a column are written: text, whole counts, decimals, percentages (0 to 100), dates. */
    public enum Kind {
        TEXT, COUNT, DECIMAL, PERCENT, DATE
    }
}
