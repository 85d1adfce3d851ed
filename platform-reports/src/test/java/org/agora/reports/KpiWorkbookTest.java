package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.agora.kpi.KpiReport;
import org.agora.shared.DistrictCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The KPI workbook read back with POI: sheets, headers, formats, frozen panes, filters, charts and the figures. */
class KpiWorkbookTest {

    private static XSSFWorkbook written(KpiReport report, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KpiWorkbook.write(report, "Toute la ville", KpiTexts.in(locale), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void oneSummaryWithThreeNativeChartsThenOneSheetPerAreaAndTheDefinitions() throws IOException {
        try (XSSFWorkbook book = written(KpiReports.sample(), Locale.FRENCH)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Synthèse", "Semaines", "Consultations", "Questions", "Budget participatif",
                    "Modération", "Conseils", "Arrondissements", "Âges et arrondissements", "Audience et participation",
                    "Audience par semaine", "Pages", "Définitions");

            XSSFSheet summary = book.getSheetAt(0);
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(3);
            assertThat(charts.get(0).getCTChart().getPlotArea().getLineChartList()).hasSize(1);
            assertThat(charts.get(1).getCTChart().getPlotArea().getBarChartList()).hasSize(1);
            // the series point at the weekly and district sheets
            assertThat(charts.get(0).getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0).getVal().getNumRef()
                    .getF()).isEqualTo("Semaines!$C$2:$C$3");
            assertThat(charts.get(1).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getCat().getStrRef()
                    .getF()).isEqualTo("Arrondissements!$B$2:$B$3");
            // the funnel of all pages: visitors, signed-in visitors, participants
            var funnel = charts.get(2).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
            assertThat(funnel.getCat().getStrRef().getF()).isEqualTo("'Audience et participation'!$C$1:$E$1");
            assertThat(funnel.getVal().getNumRef().getF()).isEqualTo("'Audience et participation'!$C$2:$E$2");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Définition du participant : v1");
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            assertThat(summary.getCTWorksheet().isSetAutoFilter()).isTrue();
            Row participants = summary.getRow(KpiWorkbook.SUMMARY_HEADER_ROW + 2);
            assertThat(participants.getCell(0).getStringCellValue()).isEqualTo("Participants");
            assertThat(participants.getCell(1).getNumericCellValue()).isEqualTo(58);

            XSSFSheet definitions = book.getSheet("Définitions");
            assertThat(definitions.getRow(1).getCell(1).getStringCellValue()).startsWith("Participant (définition v1)")
                    .contains("anonymes");
        }
    }

    @Test
    void everyAreaSheetHasStyledFrozenFilteredHeadersAndTheFiguresInTheirFormats() throws IOException {
        try (XSSFWorkbook book = written(KpiReports.sample(), Locale.FRENCH)) {
            for (int i = 1; i < book.getNumberOfSheets(); i++) {
                XSSFSheet sheet = book.getSheetAt(i);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
                assertThat(sheet.getColumnWidth(0)).isGreaterThan(256 * 5);
            }

            XSSFSheet budget = book.getSheet("Budget participatif");
            assertThat(budget.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(headings(budget)).startsWith("Appel", "Arrondissement", "Projets déposés", "Faisables");
            Row nord = budget.getRow(1);
            assertThat(nord.getCell(10).getNumericCellValue()).isEqualTo(44);           // ballots 30 + 8 + 6
            assertThat(nord.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(nord.getCell(13).getNumericCellValue()).isEqualTo(0.11);          // 11.00 %
            assertThat(nord.getCell(13).getCellStyle().getDataFormatString()).isEqualTo("0.00%");

            XSSFSheet weeks = book.getSheet("Semaines");
            Cell monday = weeks.getRow(2).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(monday)).isTrue();
            assertThat(monday.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 8));
            assertThat(weeks.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(25);

            XSSFSheet consultations = book.getSheet("Consultations");
            assertThat(consultations.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Vélo, \"pistes\" et stationnement");
            assertThat(consultations.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(0.75);
            // the anonymous consultation has no completion rate: an empty cell, not a zero
            assertThat(consultations.getRow(2).getCell(6)).isNull();

            XSSFSheet moderation = book.getSheet("Modération");
            assertThat(moderation.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(1.5); // 90 minutes
        }
    }

    @Test
    void theAudienceSheetsPutVisitorsBesideParticipants() throws IOException {
        try (XSSFWorkbook book = written(KpiReports.sample(), Locale.ENGLISH)) {
            XSSFSheet funnel = book.getSheet("Audience and participation");
            assertThat(headings(funnel)).containsExactly("Space", "Page views", "Visitors", "Signed-in visitors",
                    "Participants", "Share of visitors signed in");
            Row all = funnel.getRow(1);
            assertThat(all.getCell(0).getStringCellValue()).isEqualTo("All pages");
            assertThat(List.of(all.getCell(1).getNumericCellValue(), all.getCell(2).getNumericCellValue(),
                    all.getCell(3).getNumericCellValue(), all.getCell(4).getNumericCellValue())).containsExactly(900.0,
                    310.0, 80.0, 58.0);
            assertThat(all.getCell(5).getNumericCellValue()).isEqualTo(0.2581);       // 80 / 310 = 25.81 %
            assertThat(all.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            Row home = funnel.getRow(2);
            assertThat(home.getCell(0).getStringCellValue()).isEqualTo("Home");
            assertThat(home.getCell(4)).as("the home page leads to no participation").isNull();
            assertThat(funnel.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Participatory budget");
            assertThat(funnel.getLastRowNum()).isEqualTo(9);                           // all, then 8 capabilities

            XSSFSheet weeks = book.getSheet("Audience by week");
            assertThat(weeks.getRow(2).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2027, 3, 8));
            assertThat(weeks.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(110);
            XSSFSheet pages = book.getSheet("Pages");
            assertThat(pages.getRow(1).getCell(0).getStringCellValue()).isEqualTo("/budget/project.xhtml");
            assertThat(pages.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Participatory budget");
            assertThat(pages.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(420);
        }
    }

    @Test
    void maskedCountsAreWordsNeverNumbers() throws IOException {
        try (XSSFWorkbook book = written(KpiReports.sample(), Locale.ENGLISH)) {
            XSSFSheet ages = book.getSheet("Ages and districts");
            assertThat(headings(ages)).containsExactly("Age band", "nord", "sud", "Total");
            // 65 and over: 3 and 3, masked; alone in their columns they would come back from the column totals, so the
            // 17 and 7 of 35-49 are masked too (the cheapest rectangle); the row totals 6 and 24 say no single count
            Row oldest = ages.getRow(3);
            assertThat(oldest.getCell(0).getStringCellValue()).isEqualTo("65 and over");
            assertThat(oldest.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(oldest.getCell(1).getStringCellValue()).isEqualTo("masked");
            assertThat(oldest.getCell(2).getStringCellValue()).isEqualTo("masked");
            assertThat(ages.getRow(2).getCell(1).getStringCellValue()).isEqualTo("masked");
            assertThat(ages.getRow(2).getCell(2).getStringCellValue()).isEqualTo("masked");
            assertThat(oldest.getCell(3).getNumericCellValue()).isEqualTo(6);
            for (Row row : ages) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        assertThat(cell.getNumericCellValue()).isNotIn(3.0, 7.0, 17.0);
                    }
                }
            }
        }
    }

    @Test
    void theFileIsNamedForScopeAndPeriod() {
        assertThat(KpiWorkbook.fileName(KpiReports.QUERY)).isEqualTo("agora-kpi-city-2027-03-01_2027-03-14.xlsx");
        assertThat(KpiWorkbook.fileName(KpiReports.QUERY.inDistrict(new DistrictCode("nord"))))
                .isEqualTo("agora-kpi-district-nord-2027-03-01_2027-03-14.xlsx");
    }

    private static List<String> headings(XSSFSheet sheet) {
        List<String> headings = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
        return headings;
    }
}
