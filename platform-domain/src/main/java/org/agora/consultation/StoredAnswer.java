package org.agora.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of an answer as stored: a chosen option, a ranked item (with its place), a matrix row's column, a text
 * or a number. The shape of the rows says the kind of answer, so they turn back into the same {@link Answer}.
 */
@Embeddable
public class StoredAnswer {

    @Column(name = "question_code", nullable = false, length = 40)
    private String questionCode;

    @Column(name = "row_code", length = 40)
    private String rowCode;

    @Column(name = "option_code", length = 40)
    private String optionCode;

    @Column(name = "rank_position")
    private Integer rankPosition;

    @Column(name = "number_value", precision = 19, scale = 4)
    private BigDecimal numberValue;

    @Column(name = "text_value", length = Question.FreeText.LONG_LIMIT)
    private String textValue;

    @Column(name = "text_approved", nullable = false)
    private boolean textApproved;

    protected StoredAnswer() {
        // for JPA
    }

    private StoredAnswer(String questionCode) {
        this.questionCode = questionCode;
    }

    /** The rows of these answers, question by question in the given order. */
    static List<StoredAnswer> rowsOf(List<String> questionOrder, Map<String, Answer> answers) {
        List<StoredAnswer> rows = new ArrayList<>();
        for (String code : questionOrder) {
            Answer answer = answers.get(code);
            if (answer != null && !answer.isEmpty()) {
                rows.addAll(rowsOf(code, answer));
            }
        }
        return rows;
    }

    private static List<StoredAnswer> rowsOf(String code, Answer answer) {
        List<StoredAnswer> rows = new ArrayList<>();
        if (answer instanceof Answer.Choices choices) {
            choices.optionIds().stream().sorted().forEach(option -> rows.add(row(code).option(option)));
        } else if (answer instanceof Answer.Text text) {
            StoredAnswer row = row(code);
            row.textValue = text.value().strip();
            rows.add(row);
        } else if (answer instanceof Answer.Number number) {
            StoredAnswer row = row(code);
            row.numberValue = number.value();
            rows.add(row);
        } else if (answer instanceof Answer.Ranking ranking) {
            for (int place = 0; place < ranking.optionIds().size(); place++) {
                StoredAnswer row = row(code).option(ranking.optionIds().get(place));
                row.rankPosition = place + 1;
                rows.add(row);
            }
        } else if (answer instanceof Answer.Matrix matrix) {
            matrix.columnByRow().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(cell -> {
                StoredAnswer row = row(code).option(cell.getValue());
                row.rowCode = cell.getKey();
                rows.add(row);
            });
        }
        return rows;
    }

    private static StoredAnswer row(String code) {
        return new StoredAnswer(code);
    }

    private StoredAnswer option(String option) {
        this.optionCode = option;
        return this;
    }

    /** The answers these rows hold, by question code. */
    static Map<String, Answer> answersOf(List<StoredAnswer> rows) {
        Map<String, List<StoredAnswer>> byQuestion = rows.stream()
                .collect(Collectors.groupingBy(r -> r.questionCode, LinkedHashMap::new, Collectors.toList()));
        Map<String, Answer> answers = new HashMap<>();
        byQuestion.forEach((code, group) -> answers.put(code, answerOf(group)));
        return answers;
    }

    private static Answer answerOf(List<StoredAnswer> group) {
        StoredAnswer first = group.get(0);
        if (first.textValue != null) {
            return new Answer.Text(first.textValue);
        }
        if (first.numberValue != null) {
            return new Answer.Number(first.numberValue.stripTrailingZeros());
        }
        if (first.rowCode != null) {
            Map<String, String> cells = new HashMap<>();
            group.forEach(r -> cells.put(r.rowCode, r.optionCode));
            return new Answer.Matrix(cells);
        }
        if (first.rankPosition != null) {
            return new Answer.Ranking(group.stream().sorted(Comparator.comparing(r -> r.rankPosition))
                    .map(r -> r.optionCode).toList());
        }
        return new Answer.Choices(group.stream().map(r -> r.optionCode).collect(Collectors.toSet()));
    }

    String questionCode() {
        return questionCode;
    }

    String text() {
        return textValue;
    }

    boolean isTextApproved() {
        return textApproved;
    }

    void approveText(boolean approved) {
        this.textApproved = approved;
    }
}
