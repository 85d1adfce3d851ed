package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.zip.ZipFile;
import org.agora.consultation.Answer;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.Question.Common;
import org.agora.consultation.Questionnaire;
import org.agora.consultation.SubmittedResponse;
import org.agora.reports.ResponsesWorkbook.Headings;
import org.agora.shared.DistrictCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesWorkbookTest {

    static final Headings FRENCH = new Headings("Réponses", "N°", "Déposée le", "Répondant", "Quartier");

    static final Questionnaire SURVEY = new Questionnaire(List.of(
            new Question.SingleChoice(Common.of("mode", "Comment venez-vous ?", true),
                    List.of(new Option("bike", "Vélo"), new Option("bus", "Bus"), new Option("car", "Voiture"))),
            new Question.MultipleChoice(Common.of("improvements", "Quelles améliorations ?", false)
                    .shownWhen("mode", "bike"),
                    List.of(new Option("lanes", "Pistes"), new Option("parking", "Stationnement"),
                            new Option("lights", "Éclairage")), 3),
            new Question.Scale(Common.of("satisfaction", "Êtes-vous satisfait ?", false), 1, 5,
                    "Pas du tout", "Tout à fait"),
            new Question.NumberQuestion(Common.of("distance", "Distance en km", false), BigDecimal.ZERO, null),
            new Question.Ranking(Common.of("priorities", "Vos priorités", false),
                    List.of(new Option("trees", "Arbres"), new Option("benches", "Bancs"),
                            new Option("lights", "Éclairage"))),
            new Question.Matrix(Common.of("streets", "Vos rues", false),
                    List.of(new Option("clean", "Propreté"), new Option("safe", "Sécurité")),
                    List.of(new Option("bad", "Mauvaise"), new Option("fair", "Moyenne"), new Option("good", "Bonne"))),
            new Question.FreeText(Common.of("comment", "Commentaire", false), true)));

    /** A cyclist from the north, every question answered, in winter (Paris is UTC+1). */
    static final SubmittedResponse CYCLIST = new SubmittedResponse(1, Instant.parse("2026-03-14T09:30:00Z"),
            Optional.of("jeanne.martin"), Optional.of(new DistrictCode("nord")), Map.of(
            "mode", new Answer.Choices(Set.of("bike")),
            "improvements", new Answer.Choices(Set.of("lights", "lanes")),
            "satisfaction", new Answer.Number(new BigDecimal("4")),
            "distance", new Answer.Number(new BigDecimal("3.5")),
            "priorities", new Answer.Ranking(List.of("lights", "trees", "benches")),
            "streets", new Answer.Matrix(Map.of("clean", "good", "safe", "bad")),
            "comment", new Answer.Text("Plus de pistes, rue Haute")));

    /** A bus user without a district, in summer (UTC+2): the improvements question was hidden from them. */
    static final SubmittedResponse BUS_USER = new SubmittedResponse(2, Instant.parse("2026-07-01T16:05:00Z"),
            Optional.of("paul.durand"), Optional.empty(), Map.of(
            "mode", new Answer.Choices(Set.of("bus")),
            "streets", new Answer.Matrix(Map.of("safe", "fair"))));

    static XSSFWorkbook written(boolean anonymous, List<SubmittedResponse> responses) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponsesWorkbook.write(SURVEY, anonymous, responses, FRENCH, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static List<String> texts(Row row, int columns) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            texts.add(formatter.formatCellValue(row.getCell(i)));
        }
        return texts;
    }

    @Test
    void headingsNameTheFixedColumnsThenEachQuestionAndEachMatrixRow() throws IOException {
        try (XSSFWorkbook workbook = written(false, List.of(CYCLIST))) {
            XSSFSheet sheet = workbook.getSheet("Réponses");
            Row top = sheet.getRow(0);
            assertThat(top.getLastCellNum()).isEqualTo((short) 12);
            assertThat(texts(top, 12)).containsExactly("N°", "Déposée le", "Répondant", "Quartier",
                    "Comment venez-vous ?", "Quelles améliorations ?", "Êtes-vous satisfait ?", "Distance en km",
                    "Vos priorités", "Vos rues — Propreté", "Vos rues — Sécurité", "Commentaire");
            assertThat(workbook.getFontAt(top.getCell(4).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L2");
        }
    }

    @Test
    void answersReadAsTheResidentSawThemLabelsInsteadOfIds() throws IOException {
        try (XSSFWorkbook workbook = written(false, List.of(CYCLIST))) {
            Row row = workbook.getSheet("Réponses").getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("jeanne.martin");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("nord");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Vélo");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Pistes; Éclairage"); // questionnaire order
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(4);
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(3.5);
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Éclairage > Arbres > Bancs"); // best first
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Bonne");
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Mauvaise");
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("Plus de pistes, rue Haute");
        }
    }

    @Test
    void submittedAtIsAnExcelDateTimeInParisTime() throws IOException {
        try (XSSFWorkbook workbook = written(false, List.of(CYCLIST, BUS_USER))) {
            XSSFSheet sheet = workbook.getSheet("Réponses");
            Cell winter = sheet.getRow(1).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(winter)).isTrue();
            assertThat(winter.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(winter.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-03-14T10:30"));
            assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.parse("2026-07-01T18:05"));
        }
    }

    @Test
    void hiddenOrUnansweredQuestionLeavesAnEmptyCell() throws IOException {
        try (XSSFWorkbook workbook = written(false, List.of(CYCLIST, BUS_USER))) {
            Row row = workbook.getSheet("Réponses").getRow(2);
            assertThat(texts(row, 12)).containsExactly("2", "2026-07-01 18:05", "paul.durand", "",
                    "Bus", "", "", "", "", "", "Moyenne", "");
            assertThat(row.getCell(5)).isNull(); // the improvements question was hidden
        }
    }

    @Test
    void anonymousExportHasNoNumberTimeOrRespondentColumnNorAnyRespondentAnywhere() throws IOException {
        try (XSSFWorkbook workbook = written(true, List.of(CYCLIST, BUS_USER))) {
            XSSFSheet sheet = workbook.getSheet("Réponses");
            assertThat(texts(sheet.getRow(0), 2)).containsExactly("Quartier", "Comment venez-vous ?");
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) 9);
            assertThat(texts(sheet.getRow(1), 2)).containsExactly("nord", "Vélo");
            List<String> everything = new ArrayList<>();
            sheet.forEach(row -> everything.addAll(texts(row, row.getLastCellNum())));
            assertThat(everything).doesNotContain("N°", "Déposée le", "Répondant", "jeanne.martin", "paul.durand",
                    "1", "2", "2026-03-14 10:30", "2026-07-01 18:05");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I3");
        }
    }

    @Test
    void noResponsesGiveTheHeadingsAlone() throws IOException {
        try (XSSFWorkbook workbook = written(false, List.of())) {
            XSSFSheet sheet = workbook.getSheet("Réponses");
            assertThat(sheet.getLastRowNum()).isZero();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("N°");
        }
    }

    @Test
    void twoHundredThousandResponsesAreStreamedOneRowEach(@TempDir Path folder) throws IOException {
        int count = 200_000;
        Map<String, Answer> answers = Map.of("mode", new Answer.Choices(Set.of("bus")),
                "satisfaction", new Answer.Number(BigDecimal.valueOf(2)), "comment", new Answer.Text("Plus de bus le soir"));
        Iterable<SubmittedResponse> responses = () -> LongStream.rangeClosed(1, count)
                .mapToObj(n -> new SubmittedResponse(n, CYCLIST.submittedAt().plusSeconds(n), CYCLIST.respondent(),
                        CYCLIST.district(), answers))
                .iterator();
        Path file = folder.resolve("responses.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ResponsesWorkbook.write(SURVEY, false, responses, FRENCH, out);
        }
        assertThat(rowsInFirstSheet(file)).isEqualTo(count + 1);
    }

    /** Counts the rows of the sheet's XML as it streams by, without loading the workbook. */
    private static long rowsInFirstSheet(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            return occurrences(new BufferedInputStream(sheet), "<row ".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long occurrences(InputStream in, byte[] pattern) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                matched = buffer[i] == pattern[matched] ? matched + 1 : (buffer[i] == pattern[0] ? 1 : 0);
                if (matched == pattern.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }
}
