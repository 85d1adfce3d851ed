package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.agora.privacy.PersonalData;
import org.agora.privacy.PersonalData.Section;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PersonalDataWorkbookTest {

    private static final PersonalData DATA = new PersonalData("alice", Instant.parse("2027-05-01T08:00:00Z"), List.of(
            new Section("comments", List.of("on", "text"), List.of(List.of("BUDGET_PROJECT", "=1+1 Bonne idée"),
                    Arrays.asList("COUNCIL_IDEA", null))),
            new Section("a_section_whose_title_is_far_too_long_for_a_sheet", List.of("x"), List.of(List.of("y")))));

    private static XSSFWorkbook written() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PersonalDataWorkbook.write(DATA, new PersonalDataWorkbook.Texts("À propos", "Compte", "Copie faite le",
                key -> key.equals("comments") ? "Commentaires" : key), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aFirstSheetSaysWhoseDataAndThenOneSheetPerSection() throws Exception {
        try (XSSFWorkbook workbook = written()) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("alice");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("2027-05-01T08:00:00Z");
            XSSFSheet comments = workbook.getSheetAt(1);
            assertThat(comments.getSheetName()).isEqualTo("1 Commentaires");
            assertThat(comments.getRow(0).getCell(1).getStringCellValue()).isEqualTo("text");
            assertThat(comments.getPaneInformation().isFreezePane()).isTrue();
            assertThat(workbook.getSheetAt(2).getSheetName()).hasSizeLessThanOrEqualTo(31);
        }
    }

    @Test
    void valuesAreTextNeverFormulasAndAMissingValueIsAnEmptyCell() throws Exception {
        try (XSSFWorkbook workbook = written()) {
            Cell text = workbook.getSheetAt(1).getRow(1).getCell(1);
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("=1+1 Bonne idée");
            assertThat(workbook.getSheetAt(1).getRow(2).getCell(1)).isNull();
        }
    }
}
