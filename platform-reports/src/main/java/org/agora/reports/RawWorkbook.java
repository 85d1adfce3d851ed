package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.agora.exports.ExportProducer;
import org.agora.exports.RawTable;
import org.agora.kpi.KpiReport;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The raw-data workbook: the KPI workbook's sheets (summary with its charts, areas, definitions: {@link KpiWorkbook}),
 * then a sheet saying what each raw table holds, then one sheet per raw table ({@link RawTable}) written with POI's
 * streaming SXSSF: only the last {@link #WINDOW} rows of a sheet are in memory, the others go to a compressed temporary
 * file, deleted when the workbook is written (a million rows in bounded memory). A table longer than a sheet's
 * 1,048,576 rows goes on in a second sheet ("Answers (raw) 2"). Headers styled, first row frozen, filters on.
 */
public final class RawWorkbook {

    /** Rows of a sheet kept in memory while it is written. */
    public static final int WINDOW = 100;

    /** Data rows of one sheet (its first row is the header). */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /** Progress is told every this many rows. */
    static final int PROGRESS_EVERY = 1000;

    private final SXSSFWorkbook workbook;
    private final KpiTexts texts;
    private final CellStyle header;
    private final CellStyle wrapped;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle date;
    private final CellStyle plain;
    private final ExportProducer.Progress progress;
    private final int maxDataRows;
    private long written;

    private RawWorkbook(XSSFWorkbook base, KpiTexts texts, ExportProducer.Progress progress, int maxDataRows) {
        this.maxDataRows = maxDataRows;
        this.workbook = new SXSSFWorkbook(base, WINDOW, true, false);
        this.texts = texts;
        this.progress = progress;
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        integer = numberStyle("0");
        decimal = numberStyle("0.####");
        date = numberStyle("yyyy-mm-dd");
        // the workbook's default style, set on text and boolean cells all the same: a cell without a style has POI
        // look for its column's default style through the sheet's column definitions (those of the widths) as each
        // row is written, which was 40% of a million-row sheet's time (JFR, docs/performance.md Run K)
        plain = workbook.getCellStyleAt(0);
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /**
     * Writes the KPI sheets of {@code report}, then every raw table of {@code source}, to {@code out} (left open);
     * the raw rows written.
     */
    public static long write(KpiReport report, String scopeLabel, KpiTexts texts, RawSource source, OutputStream out,
                             ExportProducer.Progress progress) throws IOException {
        return write(KpiWorkbook.build(report, scopeLabel, texts), texts, report.maskThreshold(), source,
                List.of(RawTable.values()), out, progress);
    }

    /** Writes these raw tables alone (no KPI sheets) to {@code out} (left open); the rows written. */
    public static long write(KpiTexts texts, int maskThreshold, RawSource source, List<RawTable> tables,
                             OutputStream out, ExportProducer.Progress progress) throws IOException {
        return write(new XSSFWorkbook(), texts, maskThreshold, source, tables, out, progress);
    }

    private static long write(XSSFWorkbook base, KpiTexts texts, int maskThreshold, RawSource source,
                              List<RawTable> tables, OutputStream out, ExportProducer.Progress progress)
            throws IOException {
        return write(base, texts, maskThreshold, source, tables, out, progress, MAX_DATA_ROWS);
    }

    /** The same with at most {@code maxDataRows} rows a sheet: the tests' way to see a table go on in a second sheet. */
    static long write(XSSFWorkbook base, KpiTexts texts, int maskThreshold, RawSource source, List<RawTable> tables,
                      OutputStream out, ExportProducer.Progress progress, int maxDataRows) throws IOException {
        RawWorkbook book = new RawWorkbook(base, texts, progress, maxDataRows);
        try {
            long expected = 0;
            for (RawTable table : tables) {
                expected += source.count(table);
            }
            progress.expected(expected);
            book.about(tables, maskThreshold);
            for (RawTable table : tables) {
                book.table(table, source);
            }
            book.workbook.write(out);
            progress.written(book.written);
            return book.written;
        } finally {
            book.workbook.dispose();
            book.workbook.close();
        }
    }

    /** The sheet name of a raw table: its title, and a number from its second sheet on. */
    public static String sheetName(KpiTexts texts, RawTable table, int part) {
        String title = texts.text("raw.table." + table.fileName());
        return KpiWorkbook.safe(part == 1 ? title : texts.text("raw.continued", title, String.valueOf(part)));
    }

    private void about(List<RawTable> tables, int maskThreshold) {
        Sheet sheet = workbook.createSheet(KpiWorkbook.safe(texts.text("raw.table.about")));
        Row head = sheet.createRow(0);
        cell(head, 0, texts.text("raw.about.table"), header);
        cell(head, 1, texts.text("raw.about.definition"), header);
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 120 * 256);
        int r = 1;
        for (RawTable table : tables) {
            Row row = sheet.createRow(r++);
            cell(row, 0, sheetName(texts, table, 1), wrapped);
            cell(row, 1, texts.text("raw.def." + table.fileName(), maskThreshold), wrapped);
        }
    }

    private void table(RawTable table, RawSource source) throws IOException {
        List<RawTable.Column> columns = table.columns();
        Sheet[] sheet = {null};
        int[] part = {0};
        int[] row = {0};
        source.read(table, values -> {
            if (sheet[0] == null || row[0] > maxDataRows) {
                finish(sheet[0], row[0], columns.size());
                sheet[0] = newSheet(table, ++part[0]);
                row[0] = 1;
            }
            Row line = sheet[0].createRow(row[0]++);
            for (int c = 0; c < values.size(); c++) {
                value(line, c, values.get(c));
            }
            if (++written % PROGRESS_EVERY == 0) {
                progress.written(written);
            }
        });
        if (sheet[0] == null) {
            sheet[0] = newSheet(table, 1);
            row[0] = 1;
        }
        finish(sheet[0], row[0], columns.size());
    }

    private Sheet newSheet(RawTable table, int part) {
        Sheet sheet = workbook.createSheet(sheetName(texts, table, part));
        Row head = sheet.createRow(0);
        List<RawTable.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            cell(head, c, texts.text("raw.col." + columns.get(c).key()), header);
            RawTable.Kind kind = columns.get(c).kind();
            sheet.setColumnWidth(c, (kind == RawTable.Kind.TEXT ? 24 : kind == RawTable.Kind.DATE ? 12 : 10) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** Filters on a sheet's header, over the rows written. */
    private static void finish(Sheet sheet, int rows, int columns) {
        if (sheet != null) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
        }
    }

    private void value(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Long n) {
            cell.setCellValue(n);
            cell.setCellStyle(integer);
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(decimal);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
            cell.setCellStyle(plain);
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(plain);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
