package org.agora.consultation;

import java.util.List;

/**
 * The results of a consultation as one person may see them ({@link ConsultationReading#results}): the
 * questions they see (every one for organisers, the published ones for the public), each with what the organiser
 * chose to publish and whether this person reads its free-text answers. While the responses of an anonymous
 * consultation are sealed, {@code responses} is the number of residents who answered and there are no questions.
 */
public record VisibleResults(Consultation consultation, boolean organiser, long responses,
                             List<ShownQuestion> questions) {

    /** One question's results, what is published of it, and whether this person reads its free-text answers. */
    public record ShownQuestion(QuestionResults results, Publication publication, boolean texts) {
    }

    public VisibleResults {
        questions = List.copyOf(questions);
    }

    public boolean sealed() {
        return consultation.areResponsesSealed();
    }
}
