package org.agora.consultation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.shared.InvalidInputException;

/**
 * The ordered questions of a consultation and the rules of answering them: which questions a resident sees
 * (a conditional question shows only when the earlier choice it depends on was made), which answers are
 * refused and why, and which answers are kept (those of hidden questions are dropped; a hidden question is
 * never required).
 */
public final class Questionnaire {

    private final List<Question> questions;
    private final Map<String, Question> byId;

    public Questionnaire(List<Question> questions) {
        this.questions = List.copyOf(questions);
        this.byId = new LinkedHashMap<>();
        for (Question question : this.questions) {
            if (byId.putIfAbsent(question.id(), question) != null) {
                throw new InvalidInputException("id", "consultation.question.id.duplicate", question.id());
            }
            question.common().condition().ifPresent(c -> checkCondition(question, c));
        }
    }

    /** A condition may only point back to an earlier choice question and one of its options. */
    private void checkCondition(Question question, Condition condition) {
        Question target = byId.get(condition.questionId());
        if (target == null || target == question) {
            throw new InvalidInputException("condition", "consultation.question.condition.notEarlier", question.id());
        }
        List<Option> options;
        if (target instanceof Question.SingleChoice single) {
            options = single.options();
        } else if (target instanceof Question.MultipleChoice multiple) {
            options = multiple.options();
        } else {
            throw new InvalidInputException("condition", "consultation.question.condition.notChoice", question.id());
        }
        if (!Questions.ids(options).contains(condition.optionId())) {
            throw new InvalidInputException("condition", "consultation.question.condition.unknownOption", question.id());
        }
    }

    public List<Question> questions() {
        return questions;
    }

    /** The ids of the questions shown for these answers, in order. */
    public Set<String> visibleQuestions(Map<String, Answer> answers) {
        Set<String> visible = new HashSet<>();
        for (Question question : questions) {
            boolean shown = question.common().condition()
                    .map(c -> visible.contains(c.questionId()) && chose(answers.get(c.questionId()), c.optionId()))
                    .orElse(true);
            if (shown) {
                visible.add(question.id());
            }
        }
        return visible;
    }

    private static boolean chose(Answer answer, String optionId) {
        return answer instanceof Answer.Choices choices && choices.optionIds().contains(optionId);
    }

    /**
     * Every problem with these answers, all at once so a form can show each next to its question: unknown
     * questions, missing required answers among the visible questions, and answers each type refuses.
     */
    public List<AnswerProblem> check(Map<String, Answer> answers) {
        List<AnswerProblem> problems = new ArrayList<>();
        answers.keySet().stream().filter(id -> !byId.containsKey(id)).sorted()
                .forEach(id -> problems.add(AnswerProblem.of(id, "consultation.answer.unknownQuestion")));
        Set<String> visible = visibleQuestions(answers);
        for (Question question : questions) {
            if (!visible.contains(question.id())) {
                continue;
            }
            Answer answer = answers.get(question.id());
            if (answer == null || answer.isEmpty()) {
                if (question.common().required()) {
                    problems.add(AnswerProblem.of(question.id(), "consultation.answer.required"));
                }
                continue;
            }
            question.check(answer).ifPresent(problems::add);
        }
        return problems;
    }

    /** The answers to keep: those of visible questions that say something; hidden questions' answers are dropped. */
    public Map<String, Answer> kept(Map<String, Answer> answers) {
        Set<String> visible = visibleQuestions(answers);
        Map<String, Answer> kept = new HashMap<>();
        answers.forEach((id, answer) -> {
            if (visible.contains(id) && answer != null && !answer.isEmpty()) {
                kept.put(id, answer);
            }
        });
        return kept;
    }
}
