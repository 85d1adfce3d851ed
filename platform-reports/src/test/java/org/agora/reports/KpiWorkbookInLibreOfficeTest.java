package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.kpi.KpiReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPI workbook opens cleanly in LibreOffice (issue 15): converted headless, every sheet becomes a CSV file holding
 * the values that were written (counts, decimals, percentages, dates, texts, masked cells), with no error; and saved
 * back by LibreOffice as XLSX it still has its sheets, native charts, formats and filters. Two starts of LibreOffice in all (one per
 * conversion, all the sheets in one). Needs LibreOffice Calc ({@code libreoffice-calc-nogui}); fails without it, unless
 * {@code -Dagora.test.libreoffice=skip}.
 */
class KpiWorkbookInLibreOfficeTest {

    private static final String CSV_OF_EVERY_SHEET =
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private Path dir;

    @BeforeEach
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("agora-kpi-lo");
    }

    @AfterEach
    void removeDir() throws IOException {
        LibreOffice.delete(dir);
    }

    private Path written(KpiReport report, KpiTexts texts) throws IOException {
        Path file = dir.resolve("agora-kpi.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            KpiWorkbook.write(report, "Toute la ville", texts, out);
        }
        return file;
    }

    @Test
    void everySheetConvertsToCsvWithTheValuesWritten() throws Exception {
        LibreOffice office = LibreOffice.installed();
        assertThat(versionOf(office.version())).as("exporting every sheet to CSV needs LibreOffice 7.2 or later: %s",
                office.version()).isGreaterThanOrEqualTo(702);
        KpiReport report = KpiReports.sample();
        KpiTexts texts = KpiTexts.in(Locale.FRENCH);
        Path workbook = written(report, texts);
        Path out = Files.createDirectories(dir.resolve("csv"));

        office.convert(workbook, CSV_OF_EVERY_SHEET, out);

        List<KpiTable> tables = new ArrayList<>(KpiTables.of(report, texts));
        tables.add(KpiTables.definitions(report, texts));
        List<String> sheets = sheetNames(workbook);
        assertThat(sheets).hasSize(tables.size());
        for (String sheet : sheets) {
            assertThat(out.resolve("agora-kpi-" + sheet + ".csv")).as("the CSV of sheet %s", sheet).exists();
        }
        for (int i = 0; i < tables.size(); i++) {
            KpiTable table = tables.get(i);
            List<List<String>> rows = csv(out.resolve("agora-kpi-" + sheets.get(i) + ".csv"));
            int header = i == 0 ? KpiWorkbook.SUMMARY_HEADER_ROW : 0;
            if (i == 0) {
                assertThat(rows.get(0).get(0)).isEqualTo("Indicateurs de participation · Toute la ville");
                assertThat(rows.get(1).get(0)).isEqualTo("Du 2027-03-01 au 2027-03-14");
            }
            assertThat(rows.get(header)).as(table.name()).isEqualTo(table.columns().stream()
                    .map(KpiTable.Column::heading).toList());
            assertThat(rows).as(table.name()).hasSize(header + 1 + table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> expected = table.rows().get(r);
                List<String> actual = rows.get(header + 1 + r);
                for (int c = 0; c < expected.size(); c++) {
                    assertSame(expected.get(c), table.columns().get(c).kind(), c < actual.size() ? actual.get(c) : "",
                            texts, table.name() + " row " + (r + 1) + " column " + (c + 1));
                }
            }
        }
    }

    @Test
    void savedBackAsXlsxByLibreOfficeItKeepsItsSheetsChartsAndFigures() throws Exception {
        LibreOffice office = LibreOffice.installed();
        Path workbook = written(KpiReports.sample(), KpiTexts.in(Locale.ENGLISH));
        Path out = Files.createDirectories(dir.resolve("xlsx"));

        office.convert(workbook, "xlsx:Calc MS Excel 2007 XML", out);

        try (InputStream original = Files.newInputStream(workbook);
             InputStream resaved = Files.newInputStream(out.resolve("agora-kpi.xlsx"));
             XSSFWorkbook before = new XSSFWorkbook(original);
             XSSFWorkbook after = new XSSFWorkbook(resaved)) {
            assertThat(sheetNames(after)).isEqualTo(sheetNames(before));
            XSSFSheet summary = after.getSheetAt(0);
            assertThat(summary.getDrawingPatriarch().getCharts())
                    .hasSameSizeAs(before.getSheetAt(0).getDrawingPatriarch().getCharts());
            int participants = KpiWorkbook.SUMMARY_HEADER_ROW + 2;
            assertThat(summary.getRow(participants).getCell(1).getNumericCellValue()).isEqualTo(58);
            XSSFSheet weeks = after.getSheet("Weeks");
            assertThat(weeks.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2027, 3, 1));
            // LibreOffice writes the same formats, its literal characters escaped
            assertThat(weeks.getRow(1).getCell(1).getCellStyle().getDataFormatString().replace("\\", ""))
                    .isEqualTo("yyyy-mm-dd");
            XSSFSheet budget = after.getSheet("Participatory budget");
            assertThat(budget.getRow(1).getCell(13).getNumericCellValue()).isEqualTo(0.11);
            assertThat(budget.getRow(1).getCell(13).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            // the filters are kept (frozen panes are a view's setting, which a headless conversion has none of)
            assertThat(weeks.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D3");
        }
    }

    /** A value as LibreOffice writes it unformatted: whole numbers, decimals with a dot, percentages with %, ISO dates. */
    private static void assertSame(Object expected, KpiTable.Kind kind, String actual, KpiTexts texts, String where) {
        if (expected == null) {
            assertThat(actual).as(where).isEmpty();
        } else if (expected == KpiTable.MASKED) {
            assertThat(actual).as(where).isEqualTo(texts.text("kpi.masked.cell"));
        } else if (expected instanceof Long n) {
            assertThat(actual).as(where).isEqualTo(Long.toString(n));
        } else if (expected instanceof BigDecimal d && kind == KpiTable.Kind.PERCENT) {
            assertThat(actual).as(where).endsWith("%");
            assertThat(new BigDecimal(actual.substring(0, actual.length() - 1))).as(where).isEqualByComparingTo(d);
        } else if (expected instanceof BigDecimal d) {
            assertThat(new BigDecimal(actual)).as(where).isEqualByComparingTo(d);
        } else if (expected instanceof LocalDate d) {
            assertThat(actual).as(where).isEqualTo(d.toString());
        } else {
            assertThat(actual).as(where).isEqualTo(expected.toString());
        }
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                List<String> values = new ArrayList<>(record.toList());
                while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
                    values.remove(values.size() - 1);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static List<String> sheetNames(Path workbook) throws IOException {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            return sheetNames(book);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** 7.4.7.2 → 704. */
    private static int versionOf(String text) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : 0;
    }
}
