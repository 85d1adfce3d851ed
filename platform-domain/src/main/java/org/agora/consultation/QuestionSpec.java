package org.agora.consultation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.agora.shared.InvalidInputException;

/**
 * A question as an organiser describes it in the builder or through the API: its type and every field any type
 * may use. {@link #toQuestion()} checks it by building the typed {@link Question}; {@link #of(Question)} goes back.
 */
public record QuestionSpec(QuestionType type, String id, String text, String help, boolean required,
                           String conditionQuestion, String conditionOption, List<Option> options, List<Option> rows,
                           Integer maxChoices, BigDecimal min, BigDecimal max, String minLabel, String maxLabel) implements Serializable {

    public QuestionSpec {
        options = options == null ? List.of() : List.copyOf(options);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public Question toQuestion() {
        if (type == null) {
            throw new InvalidInputException("type", "validation.required");
        }
        Optional<Condition> condition = conditionQuestion == null || conditionQuestion.isBlank()
                ? Optional.empty() : Optional.of(new Condition(conditionQuestion, conditionOption));
        Question.Common common = new Question.Common(id, text, help, required, condition);
        return switch (type) {
            case SINGLE_CHOICE -> new Question.SingleChoice(common, options);
            case MULTIPLE_CHOICE -> new Question.MultipleChoice(common, options,
                    maxChoices == null ? options.size() : maxChoices);
            case SHORT_TEXT -> new Question.FreeText(common, false);
            case LONG_TEXT -> new Question.FreeText(common, true);
            case SCALE -> new Question.Scale(common, whole("min", min), whole("max", max), minLabel, maxLabel);
            case NUMBER -> new Question.NumberQuestion(common, min, max);
            case RANKING -> new Question.Ranking(common, options);
            case MATRIX -> new Question.Matrix(common, rows, options);
        };
    }

    private static int whole(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, "consultation.question.scale.range");
        }
    }

    /** For a matrix, {@code options} are its columns and {@code rows} its rows. */
    public static QuestionSpec of(Question question) {
        Question.Common c = question.common();
        String conditionQuestion = c.condition().map(Condition::questionId).orElse(null);
        String conditionOption = c.condition().map(Condition::optionId).orElse(null);
        QuestionSpec base = new QuestionSpec(QuestionType.of(question), c.id(), c.text(), c.help(), c.required(),
                conditionQuestion, conditionOption, List.of(), List.of(), null, null, null, null, null);
        if (question instanceof Question.SingleChoice q) {
            return base.with(q.options(), List.of(), null, null, null, null, null);
        }
        if (question instanceof Question.MultipleChoice q) {
            return base.with(q.options(), List.of(), q.maxChoices(), null, null, null, null);
        }
        if (question instanceof Question.Scale q) {
            return base.with(List.of(), List.of(), null, BigDecimal.valueOf(q.min()), BigDecimal.valueOf(q.max()),
                    q.minLabel(), q.maxLabel());
        }
        if (question instanceof Question.NumberQuestion q) {
            return base.with(List.of(), List.of(), null, q.min(), q.max(), null, null);
        }
        if (question instanceof Question.Ranking q) {
            return base.with(q.options(), List.of(), null, null, null, null, null);
        }
        if (question instanceof Question.Matrix q) {
            return base.with(q.columns(), q.rows(), null, null, null, null, null);
        }
        return base;
    }

    private QuestionSpec with(List<Option> options, List<Option> rows, Integer maxChoices, BigDecimal min,
                              BigDecimal max, String minLabel, String maxLabel) {
        return new QuestionSpec(type, id, text, help, required, conditionQuestion, conditionOption, options, rows,
                maxChoices, min, max, minLabel, maxLabel);
    }
}
