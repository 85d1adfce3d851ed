package org.agora.api.consultation;

import java.math.BigDecimal;
import java.util.List;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.QuestionSpec;
import org.agora.consultation.QuestionType;

/**
 * A question in the API. {@code type} is one of SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_TEXT, LONG_TEXT, SCALE, NUMBER,
 * RANKING, MATRIX; a matrix's {@code options} are its columns and {@code rows} its rows; {@code showWhen} makes the
 * question appear only when an earlier choice question got the given option.
 */
public record QuestionJson(String id, QuestionType type, String text, String help, boolean required,
                           ConditionJson showWhen, List<OptionJson> options, List<OptionJson> rows,
                           Integer maxChoices, BigDecimal min, BigDecimal max, String minLabel, String maxLabel) {

    public record OptionJson(String id, String label) {
    }

    public record ConditionJson(String question, String option) {
    }

    static QuestionJson of(Question question) {
        QuestionSpec spec = QuestionSpec.of(question);
        ConditionJson condition = spec.conditionQuestion() == null
                ? null : new ConditionJson(spec.conditionQuestion(), spec.conditionOption());
        return new QuestionJson(spec.id(), spec.type(), spec.text(), spec.help(), spec.required(), condition,
                options(spec.options()), options(spec.rows()), spec.maxChoices(), spec.min(), spec.max(),
                spec.minLabel(), spec.maxLabel());
    }

    private static List<OptionJson> options(List<Option> options) {
        return options.isEmpty() ? null : options.stream().map(o -> new OptionJson(o.id(), o.label())).toList();
    }

    Question toQuestion() {
        return new QuestionSpec(type, id, text, help, required,
                showWhen == null ? null : showWhen.question(), showWhen == null ? null : showWhen.option(),
                toOptions(options), toOptions(rows), maxChoices, min, max, minLabel, maxLabel).toQuestion();
    }

    private static List<Option> toOptions(List<OptionJson> json) {
        return json == null ? List.of() : json.stream().map(o -> new Option(o.id(), o.label())).toList();
    }
}
