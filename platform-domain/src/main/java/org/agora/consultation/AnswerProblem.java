package org.agora.consultation;

import java.util.List;

/** Why one answer is refused: the question, a message key of the bundles and its arguments. */
public record AnswerProblem(String questionId, String messageKey, List<Object> arguments) {

    public AnswerProblem {
        arguments = List.copyOf(arguments);
    }

    static AnswerProblem of(String questionId, String messageKey, Object... arguments) {
        return new AnswerProblem(questionId, messageKey, List.of(arguments));
    }
}
