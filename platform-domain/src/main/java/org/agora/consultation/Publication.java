package org.agora.consultation;

import java.util.List;

/**
 * What the public sees of a question's results once they are published. Staff always see everything; the
 * reviewed free-text answers can only be published for a free-text question, which has no other figures than
 * its number of answers.
 */
public enum Publication {
    /** The question stays internal. */
    NONE,
    /** Its figures are public. */
    FIGURES,
    /** Its figures and its reviewed free-text answers are public. */
    FIGURES_AND_TEXTS;

    public boolean publicFigures() {
        return this != NONE;
    }

    /** True only for a free-text question whose texts are published. */
    public boolean publicTexts(Question question) {
        return this == FIGURES_AND_TEXTS && question instanceof Question.FreeText;
    }

    /** The choices an organiser has for this question: texts can be published only for free text. */
    public static List<Publication> allowedFor(Question question) {
        return question instanceof Question.FreeText ? List.of(values()) : List.of(NONE, FIGURES);
    }
}
