package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.agora.kpi.KpiReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The KPI tables as CSV parse back to the same values as the workbook's tables. */
class KpiCsvTest {

    @Test
    void everyTableParsesBackToTheSameValues() throws IOException {
        KpiReport report = KpiReports.sample();
        KpiTexts texts = KpiTexts.in(Locale.FRENCH);
        for (KpiTable table : KpiTables.of(report, texts)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            KpiCsv.write(table, texts, out);
            List<CSVRecord> records = parse(out.toByteArray());

            assertThat(records.get(0).toList()).as(table.name())
                    .isEqualTo(table.columns().stream().map(KpiTable.Column::heading).toList());
            assertThat(records).hasSize(table.rows().size() + 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> expected = new ArrayList<>();
                table.rows().get(r).forEach(v -> expected.add(KpiCsv.text(v, texts)));
                assertThat(records.get(r + 1).toList()).as(table.name() + " row " + r).isEqualTo(expected);
            }
        }
    }

    @Test
    void quotesCommasAndAccentsSurviveAndLinesEndWithCrLf() throws IOException {
        KpiTexts texts = KpiTexts.in(Locale.FRENCH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KpiCsv.write(KpiCsv.table(KpiReports.sample(), texts, "consultations"), texts, out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv).contains("\"Vélo, \"\"pistes\"\" et stationnement\"").contains("\r\n");
        CSVRecord first = parse(out.toByteArray()).get(1);
        assertThat(first.get(1)).isEqualTo("Vélo, \"pistes\" et stationnement");
        assertThat(first.get(4)).isEqualTo("30");
        assertThat(first.get(6)).isEqualTo("75.00");
        assertThat(parse(out.toByteArray()).get(2).get(6)).isEmpty(); // anonymous: no rate
    }

    @Test
    void theZipHoldsOneFilePerTableAndTheDefinitions() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KpiCsv.writeZip(KpiReports.sample(), KpiTexts.in(Locale.ENGLISH), out);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().endsWith("-ages.csv")) {
                    List<CSVRecord> ages = parse(zip.readAllBytes());
                    assertThat(ages.get(3).toList()).containsExactly("65 and over", "masked", "masked", "6");
                }
            }
        }
        List<String> expected = new ArrayList<>();
        KpiTables.NAMES.forEach(n -> expected.add("agora-kpi-city-2027-03-01_2027-03-14-" + n + ".csv"));
        expected.add("agora-kpi-city-2027-03-01_2027-03-14-definitions.csv");
        assertThat(names).containsExactlyElementsOf(expected);
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
