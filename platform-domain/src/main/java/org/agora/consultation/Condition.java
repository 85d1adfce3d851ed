package org.agora.consultation;

/**
 * Conditional display: the question shows only when the earlier choice question {@code questionId} was answered
 * with the option {@code optionId} (among others, for a multiple choice).
 */
public record Condition(String questionId, String optionId) {

    public Condition {
        QuestionId.check(questionId);
        QuestionId.check(optionId);
    }
}
