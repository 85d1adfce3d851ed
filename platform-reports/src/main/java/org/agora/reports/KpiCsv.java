package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The KPI tables as CSV files (UTF-8, RFC 4180: comma, CRLF, quotes where needed) for open data, written with Apache
 * Commons CSV: the same tables as the workbook ({@link KpiTables}). Numbers are plain (a dot for decimals,
 * percentages from 0 to 100), dates ISO, a masked count is the masked word of the language.
 */
public final class KpiCsv {

    private KpiCsv() {
    }

    /** One table's file name: {@code agora-kpi-city-2026-01-01_2026-06-30-budget.csv}. */
    public static String fileName(KpiQuery query, String table) {
        return "agora-kpi-" + query.fileStem() + "-" + table + ".csv";
    }

    /** The zip of every table's file. */
    public static String zipName(KpiQuery query) {
        return "agora-kpi-" + query.fileStem() + "-csv.zip";
    }

    /** Writes one table (left open). */
    public static void write(KpiTable table, KpiTexts texts, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> headings = table.columns().stream().map(KpiTable.Column::heading).toList();
        printer.printRecord(headings);
        for (List<Object> row : table.rows()) {
            List<String> values = new ArrayList<>();
            for (Object value : row) {
                values.add(text(value, texts));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    /** Writes every table, and the definitions, as files of one zip (left open). */
    public static void writeZip(KpiReport report, KpiTexts texts, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<KpiTable> tables = new ArrayList<>(KpiTables.of(report, texts));
        tables.add(KpiTables.definitions(report, texts));
        for (KpiTable table : tables) {
            zip.putNextEntry(new ZipEntry(fileName(report.query(), table.name())));
            write(table, texts, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The table of that name. */
    public static KpiTable table(KpiReport report, KpiTexts texts, String name) {
        if ("definitions".equals(name)) {
            return KpiTables.definitions(report, texts);
        }
        return KpiTables.of(report, texts).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    static String text(Object value, KpiTexts texts) {
        if (value == null) {
            return "";
        }
        if (value == KpiTable.MASKED) {
            return texts.text("kpi.masked.cell");
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
