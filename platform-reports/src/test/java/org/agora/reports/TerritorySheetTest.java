package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.agora.reports.TerritorySheet.DistrictLine;
import org.agora.reports.TerritorySheet.Headings;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TerritorySheetTest {

    private static final Headings FRENCH = new Headings("Territoire", "Code", "Nom", "Population", "Quartiers", "Total");

    @Test
    void workbookReadBackHoldsOneRowPerDistrictAndTotals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerritorySheet.write(List.of(
                new DistrictLine("nord", "Nord", 61_500, 3),
                new DistrictLine("sud", "Sud", 57_900, 2)), FRENCH, out);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Territoire");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Population");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Nord");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(57_900);
            assertThat(sheet.getRow(3).getCell(2).getCellFormula()).isEqualTo("SUM(C2:C3)");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(119_400);
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(5);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void emptyTerritoryStillGivesAValidWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerritorySheet.write(List.of(), FRENCH, out);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheet("Territoire").getRow(1).getCell(1).getStringCellValue()).isEqualTo("Total");
        }
    }
}
