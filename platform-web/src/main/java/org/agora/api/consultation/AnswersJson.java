package org.agora.api.consultation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.consultation.Answer;
import org.agora.consultation.AnswerProblem;
import org.agora.consultation.AnswersRefusedException;
import org.agora.consultation.Question;
import org.agora.consultation.Questionnaire;
import org.agora.shared.InvalidInputException;

/**
 * Reads the answers of an API request, {@code {"answers": {"<question id>": value}}}: an array of option ids for
 * a choice question, a string for a text, a number for a scale or number question, an array of option ids best
 * first for a ranking, an object row id -> column id for a matrix. A value of the wrong shape is refused with its
 * question; an unknown question is left for the questionnaire to refuse.
 */
public final class AnswersJson {

    private AnswersJson() {
    }

    public static Map<String, Answer> read(Questionnaire questionnaire, JsonObject body) {
        if (body == null || !(body.get("answers") instanceof JsonObject answers)) {
            throw new InvalidInputException("answers", "api.body.required");
        }
        Map<String, Question> byId = new HashMap<>();
        questionnaire.questions().forEach(q -> byId.put(q.id(), q));
        Map<String, Answer> read = new HashMap<>();
        List<AnswerProblem> problems = new ArrayList<>();
        answers.forEach((id, value) -> {
            Question question = byId.get(id);
            if (question == null) {
                read.put(id, new Answer.Text(value.toString())); // refused as unknown by the questionnaire
                return;
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return;
            }
            Optional<Answer> answer = answerOf(question, value);
            if (answer.isPresent()) {
                read.put(id, answer.get());
            } else {
                problems.add(new AnswerProblem(id, "consultation.answer.wrongKind", List.of()));
            }
        });
        if (!problems.isEmpty()) {
            throw new AnswersRefusedException(problems);
        }
        return read;
    }

    private static Optional<Answer> answerOf(Question question, JsonValue value) {
        if (question instanceof Question.SingleChoice || question instanceof Question.MultipleChoice) {
            return strings(value).map(ids -> new Answer.Choices(new HashSet<>(ids)));
        }
        if (question instanceof Question.FreeText) {
            return value instanceof JsonString text ? Optional.of(new Answer.Text(text.getString())) : Optional.empty();
        }
        if (question instanceof Question.Scale || question instanceof Question.NumberQuestion) {
            return value instanceof JsonNumber number
                    ? Optional.of(new Answer.Number(number.bigDecimalValue())) : Optional.empty();
        }
        if (question instanceof Question.Ranking) {
            return strings(value).map(Answer.Ranking::new);
        }
        if (value instanceof JsonObject cells) {
            Map<String, String> columnByRow = new HashMap<>();
            for (Map.Entry<String, JsonValue> cell : cells.entrySet()) {
                if (!(cell.getValue() instanceof JsonString column)) {
                    return Optional.empty();
                }
                columnByRow.put(cell.getKey(), column.getString());
            }
            return Optional.of(new Answer.Matrix(columnByRow));
        }
        return Optional.empty();
    }

    private static Optional<List<String>> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                return Optional.empty();
            }
            strings.add(string.getString());
        }
        return Optional.of(strings);
    }

    /** A request body holding these answers, as {@link #read} reads it (the browser keeps drafts this way). */
    public static String body(Map<String, Answer> answers) {
        return jakarta.json.Json.createObjectBuilder(Map.of("answers", write(answers))).build().toString();
    }

    /** The answers as the API shows them back, in the same shapes. */
    public static Map<String, Object> write(Map<String, Answer> answers) {
        Map<String, Object> json = new HashMap<>();
        answers.forEach((id, answer) -> {
            if (answer instanceof Answer.Choices choices) {
                json.put(id, choices.optionIds().stream().sorted().toList());
            } else if (answer instanceof Answer.Text text) {
                json.put(id, text.value());
            } else if (answer instanceof Answer.Number number) {
                json.put(id, number.value());
            } else if (answer instanceof Answer.Ranking ranking) {
                json.put(id, ranking.optionIds());
            } else if (answer instanceof Answer.Matrix matrix) {
                json.put(id, matrix.columnByRow());
            }
        });
        return json;
    }
}
