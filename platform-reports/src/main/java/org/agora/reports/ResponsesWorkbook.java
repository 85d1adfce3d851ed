package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.consultation.Answer;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.Questionnaire;
import org.agora.consultation.SubmittedResponse;
import org.agora.shared.DistrictCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The responses of a consultation as a spreadsheet, one row per response: its number, when it was submitted (Paris
 * time) and who gave it (none of these three columns for an anonymous consultation, whose responses carry a random
 * id, the closing time, and come in random order), the respondent's district, then one
 * column per question (one per row of a matrix) holding the answer as the resident read it: option labels, not
 * ids. A question the resident did not see or answer leaves its cell empty. Written with POI's streaming workbook,
 * reading the responses once, so memory stays bounded whatever their number.
 */
public final class ResponsesWorkbook {

    /** The sheet name and the fixed headings, translated by the caller; question columns take the questions' texts. */
    public record Headings(String sheetName, String number, String submittedAt, String respondent, String district) {
    }

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Paris");
    private static final String CHOICE_SEPARATOR = "; ";
    private static final String RANK_SEPARATOR = " > ";
    private static final String MATRIX_ROW_SEPARATOR = " — ";

    /** One answer column: its heading, and the cell value (text or number) of a question's answer, null for none. */
    private record AnswerColumn(String questionId, String heading, Function<Answer, Object> value) {
    }

    private ResponsesWorkbook() {
    }

    public static void write(Questionnaire questionnaire, boolean anonymous, Iterable<SubmittedResponse> responses,
                             Headings headings, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            workbook.setCompressTempFiles(true); // a million rows would otherwise leave hundreds of MB of temp files
            SXSSFSheet sheet = workbook.createSheet(headings.sheetName());
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            List<String> fixed = new ArrayList<>();
            if (!anonymous) {
                fixed.addAll(List.of(headings.number(), headings.submittedAt(), headings.respondent()));
            }
            fixed.add(headings.district());
            List<AnswerColumn> answers = answerColumns(questionnaire);
            writeHeadings(sheet, headerStyle(workbook), fixed, answers);

            int rowIndex = 1;
            for (SubmittedResponse response : responses) {
                writeResponse(sheet.createRow(rowIndex++), response, anonymous, answers, dateTime);
            }

            int lastColumn = fixed.size() + answers.size() - 1;
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, rowIndex - 1, 0, lastColumn));
            if (!anonymous) {
                sheet.setColumnWidth(1, 17 * 256);
            }
            for (int i = fixed.size(); i <= lastColumn; i++) {
                sheet.setColumnWidth(i, 30 * 256);
            }
            workbook.write(out);
        }
    }

    private static void writeResponse(Row row, SubmittedResponse response, boolean anonymous,
                                      List<AnswerColumn> answers, CellStyle dateTime) {
        int column = 0;
        if (!anonymous) {
            row.createCell(column++).setCellValue(response.number());
            Cell submitted = row.createCell(column++);
            submitted.setCellValue(LocalDateTime.ofInstant(response.submittedAt(), CITY_TIME));
            submitted.setCellStyle(dateTime);
            setValue(row, column++, response.respondent().orElse(null));
        }
        setValue(row, column++, response.district().map(DistrictCode::value).orElse(null));
        for (AnswerColumn answer : answers) {
            Answer given = response.answers().get(answer.questionId());
            setValue(row, column++, given == null || given.isEmpty() ? null : answer.value().apply(given));
        }
    }

    private static void writeHeadings(SXSSFSheet sheet, CellStyle style, List<String> fixed,
                                      List<AnswerColumn> answers) {
        Row top = sheet.createRow(0);
        List<String> titles = new ArrayList<>(fixed);
        answers.forEach(a -> titles.add(a.heading()));
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(style);
        }
    }

    private static List<AnswerColumn> answerColumns(Questionnaire questionnaire) {
        List<AnswerColumn> columns = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            String text = question.common().text();
            if (question instanceof Question.Matrix matrix) {
                Map<String, String> columnLabels = labels(matrix.columns());
                for (Option row : matrix.rows()) {
                    Function<Answer, Object> column = a -> a instanceof Answer.Matrix m
                            ? columnLabels.get(m.columnByRow().get(row.id()))
                            : null;
                    columns.add(new AnswerColumn(question.id(), text + MATRIX_ROW_SEPARATOR + row.label(), column));
                }
            } else {
                columns.add(new AnswerColumn(question.id(), text, cellValue(question)));
            }
        }
        return columns;
    }

    /** How an answer to this (non-matrix) question reads in its cell. */
    private static Function<Answer, Object> cellValue(Question question) {
        if (question instanceof Question.SingleChoice single) {
            return chosenLabels(single.options());
        }
        if (question instanceof Question.MultipleChoice multiple) {
            return chosenLabels(multiple.options());
        }
        if (question instanceof Question.Ranking ranking) {
            Map<String, String> labels = labels(ranking.options());
            return a -> a instanceof Answer.Ranking r
                    ? r.optionIds().stream().map(labels::get).filter(Objects::nonNull)
                            .collect(Collectors.joining(RANK_SEPARATOR))
                    : null;
        }
        if (question instanceof Question.Scale || question instanceof Question.NumberQuestion) {
            return a -> a instanceof Answer.Number n ? n.value() : null;
        }
        return a -> a instanceof Answer.Text t ? t.value() : null;
    }

    /** The labels of the chosen options, in the questionnaire's order. */
    private static Function<Answer, Object> chosenLabels(List<Option> options) {
        return a -> a instanceof Answer.Choices c
                ? options.stream().filter(o -> c.optionIds().contains(o.id())).map(Option::label)
                        .collect(Collectors.joining(CHOICE_SEPARATOR))
                : null;
    }

    private static Map<String, String> labels(List<Option> options) {
        return options.stream().collect(Collectors.toMap(Option::id, Option::label));
    }

    /** A number or a text cell; no cell at all for nothing. */
    private static void setValue(Row row, int column, Object value) {
        if (value instanceof BigDecimal number) {
            row.createCell(column).setCellValue(number.doubleValue());
        } else if (value instanceof String text && !text.isEmpty()) {
            row.createCell(column).setCellValue(text);
        }
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }
}
