package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.consultation.Question.Common;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    /** "Do you cycle?" then, only for cyclists, "Which improvement?" (required) and a free comment. */
    static final Question CYCLES = new Question.SingleChoice(Common.of("cycles", "Faites-vous du vélo ?", true),
            List.of(new Option("yes", "Oui"), new Option("no", "Non")));
    static final Question IMPROVEMENT = new Question.MultipleChoice(
            Common.of("improvement", "Quelles améliorations ?", true).shownWhen("cycles", "yes"),
            List.of(new Option("lanes", "Pistes"), new Option("parking", "Stationnement"), new Option("lights", "Éclairage")), 2);
    static final Question COMMENT = new Question.FreeText(Common.of("comment", "Commentaire", false), true);
    static final Question LANE_DETAILS = new Question.FreeText(
            Common.of("laneDetails", "Où manque-t-il des pistes ?", true).shownWhen("improvement", "lanes"), false);

    static final Questionnaire SURVEY = new Questionnaire(List.of(CYCLES, IMPROVEMENT, COMMENT, LANE_DETAILS));

    static Answer choice(String... ids) {
        return new Answer.Choices(Set.of(ids));
    }

    static List<String> problems(Map<String, Answer> answers) {
        return SURVEY.check(answers).stream().map(p -> p.questionId() + ":" + p.messageKey()).toList();
    }

    @Test
    void conditionalQuestionShowsOnlyWhenItsChoiceWasMade() {
        assertThat(SURVEY.visibleQuestions(Map.of("cycles", choice("no")))).containsExactlyInAnyOrder("cycles", "comment");
        assertThat(SURVEY.visibleQuestions(Map.of("cycles", choice("yes"))))
                .containsExactlyInAnyOrder("cycles", "improvement", "comment");
    }

    @Test
    void conditionsChainThroughHiddenQuestions() {
        // laneDetails depends on improvement, which is hidden when the resident does not cycle
        Map<String, Answer> answers = Map.of("cycles", choice("no"), "improvement", choice("lanes"));
        assertThat(SURVEY.visibleQuestions(answers)).doesNotContain("improvement", "laneDetails");
    }

    @Test
    void hiddenRequiredQuestionIsNotRequired() {
        assertThat(problems(Map.of("cycles", choice("no")))).isEmpty();
    }

    @Test
    void visibleRequiredQuestionMustBeAnswered() {
        assertThat(problems(Map.of("cycles", choice("yes")))).containsExactly("improvement:consultation.answer.required");
        assertThat(problems(Map.of())).containsExactly("cycles:consultation.answer.required");
        assertThat(problems(Map.of("cycles", choice())))
                .containsExactly("cycles:consultation.answer.required");
    }

    @Test
    void hiddenQuestionsAnswerIsDropped() {
        Map<String, Answer> answers = Map.of("cycles", choice("no"), "improvement", choice("lanes"),
                "laneDetails", new Answer.Text("rue Haute"), "comment", new Answer.Text("Merci"));
        assertThat(SURVEY.kept(answers)).containsOnlyKeys("cycles", "comment");
    }

    @Test
    void emptyAnswersAreNotKept() {
        assertThat(SURVEY.kept(Map.of("cycles", choice("no"), "comment", new Answer.Text("  ")))).containsOnlyKeys("cycles");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        Map<String, Answer> answers = Map.of("cycles", choice("yes"), "improvement", choice("lanes", "parking", "lights"),
                "comment", new Answer.Number(BigDecimal.ONE), "ghost", new Answer.Text("?"));
        assertThat(problems(answers)).containsExactly(
                "ghost:consultation.answer.unknownQuestion",
                "improvement:consultation.answer.tooManyChoices",
                "comment:consultation.answer.wrongKind",
                // "lanes" was chosen, so the required follow-up question shows and is missing
                "laneDetails:consultation.answer.required");
    }

    @Test
    void questionIdsAreUnique() {
        assertThatThrownBy(() -> new Questionnaire(List.of(CYCLES, CYCLES)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.question.id.duplicate"));
    }

    @Test
    void aConditionMustPointBackToAnEarlierChoiceAndOneOfItsOptions() {
        assertThatThrownBy(() -> new Questionnaire(List.of(IMPROVEMENT, CYCLES)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.question.condition.notEarlier"));
        Question onText = new Question.FreeText(Common.of("x", "X", false).shownWhen("comment", "yes"), false);
        assertThatThrownBy(() -> new Questionnaire(List.of(COMMENT, onText)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.question.condition.notChoice"));
        Question onUnknownOption = new Question.FreeText(Common.of("y", "Y", false).shownWhen("cycles", "maybe"), false);
        assertThatThrownBy(() -> new Questionnaire(List.of(CYCLES, onUnknownOption)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.question.condition.unknownOption");
                    assertThat(e.arguments()).containsExactly("y");
                    assertThat(e.field()).contains("condition");
                });
    }

    @Test
    void malformedIdsAreRefused() {
        assertThatThrownBy(() -> Common.of("no spaces", "Q", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Option("", "Vide")).isInstanceOf(InvalidInputException.class);
    }
}
