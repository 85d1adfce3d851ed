package org.agora.consultation;

/** The kinds of question an organiser picks from, as the builder and the API name them. */
public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    SHORT_TEXT,
    LONG_TEXT,
    SCALE,
    NUMBER,
    RANKING,
    MATRIX;

    public static QuestionType of(Question question) {
        if (question instanceof Question.SingleChoice) {
            return SINGLE_CHOICE;
        }
        if (question instanceof Question.MultipleChoice) {
            return MULTIPLE_CHOICE;
        }
        if (question instanceof Question.FreeText text) {
            return text.longText() ? LONG_TEXT : SHORT_TEXT;
        }
        if (question instanceof Question.Scale) {
            return SCALE;
        }
        if (question instanceof Question.NumberQuestion) {
            return NUMBER;
        }
        if (question instanceof Question.Ranking) {
            return RANKING;
        }
        return MATRIX;
    }

    /** Whether residents pick among options (and so a later question may depend on the pick). */
    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean hasOptions() {
        return isChoice() || this == RANKING;
    }
}
