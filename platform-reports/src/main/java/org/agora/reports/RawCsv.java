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
import org.agora.exports.ExportProducer;
import org.agora.exports.RawTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The raw-data tables as open data: one CSV file per table ({@code answers.csv}, {@code ballots.csv},
 * {@code comments.csv}, {@code meetings.csv}; UTF-8, RFC 4180, written with Apache Commons CSV as the rows come from
 * the database), headed by the columns' keys, which stay the same in every language, in one zip with the Pabulib
 * files of the votes whose results are public ({@code pabulib/...pb}). Numbers are plain (a dot for decimals), dates
 * ISO, booleans {@code true} or {@code false}, no value an empty field.
 */
public final class RawCsv {

    private RawCsv() {
    }

    /** A file of the zip besides the tables: a Pabulib election, made when the zip reaches it. */
    public interface Attachment {

        /** Its path in the zip. */
        String name();

        /**
         * How its text is written, once what it holds is read; empty when there is none to give after all (the file
         * is then left out).
         */
        java.util.Optional<Text> content();
    }

    /** Writes an attachment's text, a line at a time (a Pabulib file can be tens of megabytes). */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer writer) throws IOException;
    }

    /** One table's file name in the zip. */
    public static String fileName(RawTable table) {
        return table.fileName() + ".csv";
    }

    /** Writes the tables, then the attachments, as files of one zip (left open); the rows written. */
    public static long writeZip(RawSource source, List<RawTable> tables, List<Attachment> attachments, OutputStream out,
                                ExportProducer.Progress progress) throws IOException {
        long expected = 0;
        for (RawTable table : tables) {
            expected += source.count(table);
        }
        progress.expected(expected);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        long[] written = {0};
        for (RawTable table : tables) {
            zip.putNextEntry(new ZipEntry(fileName(table)));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(table.columns().stream().map(RawTable.Column::key).toList());
            List<String> line = new ArrayList<>(table.columns().size());
            source.read(table, values -> {
                line.clear();
                for (Object value : values) {
                    line.add(text(value));
                }
                printer.printRecord(line);
                if (++written[0] % RawWorkbook.PROGRESS_EVERY == 0) {
                    progress.written(written[0]);
                }
            });
            printer.flush();
            zip.closeEntry();
        }
        for (Attachment attachment : attachments) {
            java.util.Optional<Text> content = attachment.content();
            if (content.isPresent()) {
                zip.putNextEntry(new ZipEntry(attachment.name()));
                Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
                content.get().writeTo(writer);
                writer.flush();
                zip.closeEntry();
            }
        }
        zip.finish();
        progress.written(written[0]);
        return written[0];
    }

    /** A value as the CSV files write it. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
