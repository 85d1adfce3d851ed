package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Period;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The participation KPIs as an XLSX workbook: a summary sheet with the headline figures and three native Excel charts
 * (participants per week, participants per 1,000 inhabitants by district, the funnel of visitors, signed-in visitors
 * and participants), one sheet per area with styled headers,
 * frozen panes, filters, number, date and percent formats, then a sheet of definitions. The figures are those of
 * {@link KpiTables}, as in the CSV files.
 */
public final class KpiWorkbook {

    /** The summary table's header row on the first sheet (rows above it say scope, period and definition). */
    public static final int SUMMARY_HEADER_ROW = 5;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle count;
    private final CellStyle decimal;
    private final CellStyle percent;
    private final CellStyle date;
    private final CellStyle masked;
    private final CellStyle title;
    private final String maskedText;

    private KpiWorkbook(KpiTexts texts) {
        maskedText = texts.text("kpi.masked.cell");
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        text = workbook.createCellStyle();
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        count = numberStyle("#,##0");
        decimal = numberStyle("#,##0.00");
        percent = numberStyle("0.00%");
        date = numberStyle("yyyy-mm-dd");
        Font italic = workbook.createFont();
        italic.setItalic(true);
        italic.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        masked = workbook.createCellStyle();
        masked.setFont(italic);
        masked.setAlignment(HorizontalAlignment.RIGHT);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** The file's name: {@code agora-kpi-district-nord-2026-01-01_2026-06-30.xlsx}. */
    public static String fileName(KpiQuery query) {
        return "agora-kpi-" + query.fileStem() + ".xlsx";
    }

    /** Writes the workbook of {@code report}, in the language of {@code texts}, to {@code out} (left open). */
    public static void write(KpiReport report, String scopeLabel, KpiTexts texts, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = build(report, scopeLabel, texts)) {
            workbook.write(out);
        }
    }

    /**
     * The workbook in memory (a report is tens of rows), for the caller to write and close: the raw-data workbook adds
     * its streamed sheets after these ({@link RawWorkbook}).
     */
    static XSSFWorkbook build(KpiReport report, String scopeLabel, KpiTexts texts) {
        KpiWorkbook book = new KpiWorkbook(texts);
        XSSFWorkbook workbook = book.workbook;
        List<KpiTable> tables = KpiTables.of(report, texts);
        XSSFSheet summary = workbook.createSheet(safe(tables.get(0).title()));
        for (KpiTable table : tables.subList(1, tables.size())) {
            book.tableSheet(table);
        }
        KpiTable definitions = KpiTables.definitions(report, texts);
        XSSFSheet defs = book.tableSheet(definitions);
        defs.setColumnWidth(0, 40 * 256);
        defs.setColumnWidth(1, 110 * 256);
        book.summary(summary, tables, report, scopeLabel, texts);
        return workbook;
    }

    private void summary(XSSFSheet sheet, List<KpiTable> tables, KpiReport report, String scopeLabel, KpiTexts texts) {
        KpiQuery query = report.query();
        DateTimeFormatter dates = DateTimeFormatter.ISO_LOCAL_DATE;
        cell(sheet.createRow(0), 0, texts.text("kpi.title") + " · " + scopeLabel, title);
        cell(sheet.createRow(1), 0, texts.text("kpi.period", dates.format(query.from()), dates.format(query.to())), text);
        cell(sheet.createRow(2), 0, texts.text("kpi.definitionVersion", report.definition().version()), text);
        cell(sheet.createRow(3), 0, texts.text("kpi.computedAt", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                report.computedAt().atZone(Period.CITY_ZONE).toLocalDateTime().withNano(0))), text);
        KpiTable figures = tables.get(0);
        writeTable(sheet, figures, SUMMARY_HEADER_ROW);
        sheet.createFreezePane(0, SUMMARY_HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW + figures.rows().size(), 0, 1));
        sheet.setColumnWidth(0, 48 * 256);
        sheet.setColumnWidth(1, 14 * 256);

        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        KpiTable weekly = tables.get(1);
        XSSFSheet weeklySheet = workbook.getSheet(safe(weekly.title()));
        int weeks = weekly.rows().size();
        XSSFChart line = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, SUMMARY_HEADER_ROW, 12,
                SUMMARY_HEADER_ROW + 18));
        chart(line, ChartTypes.LINE, texts.text("kpi.table.weekly") + " · " + texts.text("kpi.col.participants"),
                XDDFDataSourcesFactory.fromStringCellRange(weeklySheet, new CellRangeAddress(1, weeks, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(weeklySheet, new CellRangeAddress(1, weeks, 2, 2)),
                texts.text("kpi.col.participants"));
        KpiTable districts = tables.get(7);
        XSSFSheet districtSheet = workbook.getSheet(safe(districts.title()));
        int rows = Math.max(1, districts.rows().size());
        XSSFChart bars = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, SUMMARY_HEADER_ROW + 19, 12,
                SUMMARY_HEADER_ROW + 37));
        chart(bars, ChartTypes.BAR, texts.text("kpi.table.districts") + " · " + texts.text("kpi.col.perThousand"),
                XDDFDataSourcesFactory.fromStringCellRange(districtSheet, new CellRangeAddress(1, rows, 1, 1)),
                XDDFDataSourcesFactory.fromNumericCellRange(districtSheet, new CellRangeAddress(1, rows, 4, 4)),
                texts.text("kpi.col.perThousand"));
        funnelChart(drawing, tables);
    }

    /** The funnel of all pages (the funnel sheet's first line): visitors, signed-in visitors, participants. */
    private void funnelChart(XSSFDrawing drawing, List<KpiTable> tables) {
        KpiTable funnel = tables.stream().filter(t -> t.name().equals("funnel")).findFirst().orElse(null);
        if (funnel == null || funnel.rows().isEmpty()) {
            return;
        }
        XSSFSheet funnelSheet = workbook.getSheet(safe(funnel.title()));
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, SUMMARY_HEADER_ROW + 38, 12,
                SUMMARY_HEADER_ROW + 56));
        chart(chart, ChartTypes.BAR, funnel.title() + " · " + funnel.rows().get(0).get(0),
                XDDFDataSourcesFactory.fromStringCellRange(funnelSheet, new CellRangeAddress(0, 0, 2, 4)),
                XDDFDataSourcesFactory.fromNumericCellRange(funnelSheet, new CellRangeAddress(1, 1, 2, 4)),
                String.valueOf(funnel.rows().get(0).get(0)));
    }

    private static void chart(XSSFChart chart, ChartTypes type, String heading, XDDFDataSource<String> categories,
                              XDDFNumericalDataSource<Double> values, String series) {
        chart.setTitleText(heading);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFChartData data = chart.createData(type, bottom, left);
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
        }
        data.addSeries(categories, values).setTitle(series, null);
        chart.plot(data);
    }

    private XSSFSheet tableSheet(KpiTable table) {
        XSSFSheet sheet = workbook.createSheet(safe(table.title()));
        writeTable(sheet, table, 0);
        sheet.createFreezePane(0, 1);
        if (!table.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, table.columns().size() - 1));
        }
        for (int c = 0; c < table.columns().size(); c++) {
            int widest = table.columns().get(c).heading().length();
            for (List<Object> row : table.rows()) {
                Object value = row.get(c);
                widest = Math.max(widest, value instanceof String s ? s.length() : 12);
            }
            sheet.setColumnWidth(c, Math.min(60, widest + 2) * 256);
        }
        return sheet;
    }

    private void writeTable(XSSFSheet sheet, KpiTable table, int headerRow) {
        Row head = sheet.createRow(headerRow);
        for (int c = 0; c < table.columns().size(); c++) {
            cell(head, c, table.columns().get(c).heading(), header);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.getRow(headerRow + 1 + r) != null ? sheet.getRow(headerRow + 1 + r)
                    : sheet.createRow(headerRow + 1 + r);
            List<Object> values = table.rows().get(r);
            for (int c = 0; c < values.size(); c++) {
                value(row, c, values.get(c), table.columns().get(c).kind());
            }
        }
    }

    private void value(Row row, int column, Object value, KpiTable.Kind kind) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value == KpiTable.MASKED) {
            cell.setCellValue(maskedText);
            cell.setCellStyle(masked);
        } else if (value instanceof Long n) {
            cell.setCellValue(n);
            cell.setCellStyle(count);
        } else if (value instanceof BigDecimal d) {
            if (kind == KpiTable.Kind.PERCENT) {
                cell.setCellValue(d.movePointLeft(2).doubleValue());
                cell.setCellStyle(percent);
            } else {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(decimal);
            }
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(value.toString().length() > 60 ? wrapped : text);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A sheet's name: at most 31 characters, none of those Excel refuses. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return cleaned.length() <= 31 ? cleaned : cleaned.substring(0, 31);
    }
}
