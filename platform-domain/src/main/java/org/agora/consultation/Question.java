package org.agora.consultation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;

/**
 * One question of a questionnaire. Each type knows which answer it accepts and checks it; the common part
 * (id, text, help, required flag, display condition) is in {@link Common}.
 */
public sealed interface Question {

    Common common();

    /** The problem with a non-empty answer of this question, if any. */
    Optional<AnswerProblem> check(Answer answer);

    default String id() {
        return common().id();
    }

    /** What every question has: an id, its text, an optional help text, whether it must be answered, a condition. */
    record Common(String id, String text, String help, boolean required, Optional<Condition> condition) {
        public Common {
            QuestionId.check(id);
            text = Label.of("text", text).text();
            help = help == null ? "" : help.strip();
            condition = condition == null ? Optional.empty() : condition;
        }

        public static Common of(String id, String text, boolean required) {
            return new Common(id, text, "", required, Optional.empty());
        }

        public Common shownWhen(String questionId, String optionId) {
            return new Common(id, text, help, required, Optional.of(new Condition(questionId, optionId)));
        }
    }

    /** Exactly one option. */
    record SingleChoice(Common common, List<Option> options) implements Question {
        public SingleChoice {
            options = Questions.distinctOptions(options, 2);
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Choices choices)) {
                return Questions.wrongKind(this);
            }
            if (choices.optionIds().size() != 1) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.oneChoice"));
            }
            return Questions.unknownOptions(this, options, choices.optionIds());
        }
    }

    /** One or more options, at most {@code maxChoices}. */
    record MultipleChoice(Common common, List<Option> options, int maxChoices) implements Question {
        public MultipleChoice {
            options = Questions.distinctOptions(options, 2);
            if (maxChoices < 1 || maxChoices > options.size()) {
                throw new InvalidInputException("maxChoices", "validation.range", 1, options.size());
            }
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Choices choices)) {
                return Questions.wrongKind(this);
            }
            if (choices.optionIds().size() > maxChoices) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.tooManyChoices", maxChoices));
            }
            return Questions.unknownOptions(this, options, choices.optionIds());
        }
    }

    /** Free text, one line ({@code long} = false) or several. */
    record FreeText(Common common, boolean longText) implements Question {
        public static final int SHORT_LIMIT = 200;
        public static final int LONG_LIMIT = 5000;

        public int maxLength() {
            return longText ? LONG_LIMIT : SHORT_LIMIT;
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Text text)) {
                return Questions.wrongKind(this);
            }
            if (text.value().strip().length() > maxLength()) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.tooLong", maxLength()));
            }
            if (!longText && text.value().strip().contains("\n")) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.oneLine"));
            }
            return Optional.empty();
        }
    }

    /** A whole number on a scale from {@code min} to {@code max}, with labels for both ends. */
    record Scale(Common common, int min, int max, String minLabel, String maxLabel) implements Question {
        public Scale {
            if (min >= max || max - min > 10) {
                throw new InvalidInputException("max", "consultation.question.scale.range");
            }
            minLabel = minLabel == null ? "" : minLabel.strip();
            maxLabel = maxLabel == null ? "" : maxLabel.strip();
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Number number)) {
                return Questions.wrongKind(this);
            }
            BigDecimal value = number.value();
            boolean whole = value.stripTrailingZeros().scale() <= 0;
            if (!whole || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.scale", min, max));
            }
            return Optional.empty();
        }
    }

    /** A number between optional bounds. */
    record NumberQuestion(Common common, BigDecimal min, BigDecimal max) implements Question {
        public NumberQuestion {
            min = min == null ? null : min.stripTrailingZeros(); // 10 and 10.00 are the same bound
            max = max == null ? null : max.stripTrailingZeros();
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new InvalidInputException("max", "consultation.question.number.range");
            }
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Number number)) {
                return Questions.wrongKind(this);
            }
            BigDecimal value = number.value().stripTrailingZeros();
            if (value.scale() > 4 || value.precision() - value.scale() > 15) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.numberFormat"));
            }
            if ((min != null && number.value().compareTo(min) < 0) || (max != null && number.value().compareTo(max) > 0)) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.numberRange",
                        min == null ? "-∞" : min.toPlainString(), max == null ? "+∞" : max.toPlainString()));
            }
            return Optional.empty();
        }
    }

    /** Order the options by preference; every option is ranked, once. */
    record Ranking(Common common, List<Option> options) implements Question {
        public Ranking {
            options = Questions.distinctOptions(options, 2);
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Ranking ranking)) {
                return Questions.wrongKind(this);
            }
            Set<String> ranked = new HashSet<>(ranking.optionIds());
            Set<String> expected = Questions.ids(options);
            if (ranked.size() != ranking.optionIds().size() || !ranked.equals(expected)) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.rankAll"));
            }
            return Optional.empty();
        }
    }

    /** A grid: for each row, one column. A required matrix needs every row answered. */
    record Matrix(Common common, List<Option> rows, List<Option> columns) implements Question {
        public Matrix {
            rows = Questions.distinctOptions("rows", rows, 1);
            columns = Questions.distinctOptions(columns, 2);
        }

        @Override
        public Optional<AnswerProblem> check(Answer answer) {
            if (!(answer instanceof Answer.Matrix matrix)) {
                return Questions.wrongKind(this);
            }
            Set<String> rowIds = Questions.ids(rows);
            Set<String> columnIds = Questions.ids(columns);
            for (Map.Entry<String, String> cell : matrix.columnByRow().entrySet()) {
                if (!rowIds.contains(cell.getKey()) || !columnIds.contains(cell.getValue())) {
                    return Optional.of(AnswerProblem.of(id(), "consultation.answer.unknownOption"));
                }
            }
            if (common().required() && !matrix.columnByRow().keySet().equals(rowIds)) {
                return Optional.of(AnswerProblem.of(id(), "consultation.answer.everyRow"));
            }
            return Optional.empty();
        }
    }
}
