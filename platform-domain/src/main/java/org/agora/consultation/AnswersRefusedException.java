package org.agora.consultation;

import java.util.List;
import org.agora.shared.DomainException;

/** Some answers break the questionnaire's rules; each problem names its question. Nothing was stored. */
public final class AnswersRefusedException extends DomainException {

    private final transient List<AnswerProblem> problems;

    public AnswersRefusedException(List<AnswerProblem> problems) {
        super("consultation.answer.refused", null, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}
