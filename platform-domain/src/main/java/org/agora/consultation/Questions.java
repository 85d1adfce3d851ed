package org.agora.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.shared.InvalidInputException;

/** What the question types share when they check their options and answers. */
final class Questions {

    private Questions() {
    }

    static List<Option> distinctOptions(List<Option> options, int atLeast) {
        return distinctOptions("options", options, atLeast);
    }

    /** The same for the list an organiser typed into {@code field} (a matrix has rows as well as options). */
    static List<Option> distinctOptions(String field, List<Option> options, int atLeast) {
        List<Option> copy = List.copyOf(options);
        if (copy.size() < atLeast) {
            throw new InvalidInputException(field, "consultation.question.options.tooFew", atLeast);
        }
        if (ids(copy).size() != copy.size()) {
            throw new InvalidInputException(field, "consultation.question.options.duplicate");
        }
        return copy;
    }

    static Set<String> ids(Collection<Option> options) {
        return options.stream().map(Option::id).collect(Collectors.toSet());
    }

    static Optional<AnswerProblem> unknownOptions(Question question, List<Option> options, Set<String> chosen) {
        return ids(options).containsAll(chosen)
                ? Optional.empty()
                : Optional.of(AnswerProblem.of(question.id(), "consultation.answer.unknownOption"));
    }

    static Optional<AnswerProblem> wrongKind(Question question) {
        return Optional.of(AnswerProblem.of(question.id(), "consultation.answer.wrongKind"));
    }
}
