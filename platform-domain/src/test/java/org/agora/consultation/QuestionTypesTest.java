package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.consultation.Question.Common;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class QuestionTypesTest {

    static final List<Option> MODES = List.of(new Option("bike", "Vélo"), new Option("bus", "Bus"),
            new Option("car", "Voiture"));

    static Optional<String> problem(Question question, Answer answer) {
        return question.check(answer).map(AnswerProblem::messageKey);
    }

    @Test
    void singleChoiceTakesExactlyOneKnownOption() {
        Question q = new Question.SingleChoice(Common.of("mode", "Comment venez-vous ?", true), MODES);
        assertThat(problem(q, new Answer.Choices(Set.of("bike")))).isEmpty();
        assertThat(problem(q, new Answer.Choices(Set.of("bike", "bus")))).contains("consultation.answer.oneChoice");
        assertThat(problem(q, new Answer.Choices(Set.of("plane")))).contains("consultation.answer.unknownOption");
        assertThat(problem(q, new Answer.Text("bike"))).contains("consultation.answer.wrongKind");
    }

    @Test
    void multipleChoiceRefusesMoreThanItsMaximum() {
        Question q = new Question.MultipleChoice(Common.of("modes", "Quels modes ?", false), MODES, 2);
        assertThat(problem(q, new Answer.Choices(Set.of("bike", "bus")))).isEmpty();
        assertThat(q.check(new Answer.Choices(Set.of("bike", "bus", "car"))))
                .hasValueSatisfying(p -> {
                    assertThat(p.messageKey()).isEqualTo("consultation.answer.tooManyChoices");
                    assertThat(p.arguments()).containsExactly(2);
                });
    }

    @Test
    void multipleChoiceMaximumMustFitItsOptions() {
        assertThatThrownBy(() -> new Question.MultipleChoice(Common.of("m", "Modes", false), MODES, 4))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Question.MultipleChoice(Common.of("m", "Modes", false), MODES, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void choiceQuestionsNeedDistinctOptions() {
        assertThatThrownBy(() -> new Question.SingleChoice(Common.of("q", "Q", false),
                List.of(new Option("a", "A"), new Option("a", "Autre A"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.question.options.duplicate"));
        assertThatThrownBy(() -> new Question.SingleChoice(Common.of("q", "Q", false), List.of(new Option("a", "A"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shortTextIsOneLineWithinItsLimitAndLongTextAllowsMore() {
        Question shortText = new Question.FreeText(Common.of("name", "Nom du parc", false), false);
        Question longText = new Question.FreeText(Common.of("idea", "Votre idée", false), true);
        assertThat(problem(shortText, new Answer.Text("Parc des Aubiers"))).isEmpty();
        assertThat(problem(shortText, new Answer.Text("x".repeat(201)))).contains("consultation.answer.tooLong");
        assertThat(problem(shortText, new Answer.Text("deux\nlignes"))).contains("consultation.answer.oneLine");
        assertThat(problem(longText, new Answer.Text("deux\nlignes" + "x".repeat(3000)))).isEmpty();
        assertThat(problem(longText, new Answer.Text("x".repeat(5001)))).contains("consultation.answer.tooLong");
    }

    @Test
    void scaleTakesAWholeNumberWithinItsRange() {
        Question q = new Question.Scale(Common.of("satisfaction", "Satisfaction", true), 1, 5, "Pas du tout", "Tout à fait");
        assertThat(problem(q, new Answer.Number(new BigDecimal("3")))).isEmpty();
        assertThat(problem(q, new Answer.Number(new BigDecimal("5.0")))).isEmpty();
        assertThat(problem(q, new Answer.Number(new BigDecimal("2.5")))).contains("consultation.answer.scale");
        assertThat(problem(q, new Answer.Number(new BigDecimal("0")))).contains("consultation.answer.scale");
        assertThat(problem(q, new Answer.Number(new BigDecimal("6")))).contains("consultation.answer.scale");
        assertThatThrownBy(() -> new Question.Scale(Common.of("s", "S", false), 5, 1, "", ""))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void numberStaysWithinItsBounds() {
        Question q = new Question.NumberQuestion(Common.of("age", "Âge", false), BigDecimal.ZERO, new BigDecimal("120"));
        assertThat(problem(q, new Answer.Number(new BigDecimal("42")))).isEmpty();
        assertThat(problem(q, new Answer.Number(new BigDecimal("-1")))).contains("consultation.answer.numberRange");
        assertThat(problem(q, new Answer.Number(new BigDecimal("121")))).contains("consultation.answer.numberRange");
        Question unbounded = new Question.NumberQuestion(Common.of("n", "N", false), null, null);
        assertThat(problem(unbounded, new Answer.Number(new BigDecimal("-1e9")))).isEmpty();
    }

    @Test
    void numberKeepsAtMostFourDecimalsAndFifteenDigits() {
        Question unbounded = new Question.NumberQuestion(Common.of("n", "N", false), null, null);
        assertThat(problem(unbounded, new Answer.Number(new BigDecimal("12.3450")))).isEmpty();
        assertThat(problem(unbounded, new Answer.Number(new BigDecimal("0.12345")))).contains("consultation.answer.numberFormat");
        assertThat(problem(unbounded, new Answer.Number(new BigDecimal("1e16")))).contains("consultation.answer.numberFormat");
    }

    @Test
    void rankingRanksEveryOptionOnce() {
        Question q = new Question.Ranking(Common.of("priorities", "Priorités", true), MODES);
        assertThat(problem(q, new Answer.Ranking(List.of("bus", "bike", "car")))).isEmpty();
        assertThat(problem(q, new Answer.Ranking(List.of("bus", "bike")))).contains("consultation.answer.rankAll");
        assertThat(problem(q, new Answer.Ranking(List.of("bus", "bus", "car")))).contains("consultation.answer.rankAll");
        assertThat(problem(q, new Answer.Ranking(List.of("bus", "bike", "plane")))).contains("consultation.answer.rankAll");
    }

    @Test
    void matrixTakesOneKnownColumnPerKnownRowAndEveryRowWhenRequired() {
        List<Option> places = List.of(new Option("park", "Parc"), new Option("market", "Marché"));
        List<Option> grades = List.of(new Option("good", "Bien"), new Option("bad", "Mal"));
        Question required = new Question.Matrix(Common.of("places", "Vos lieux", true), places, grades);
        Question optional = new Question.Matrix(Common.of("places2", "Vos lieux", false), places, grades);

        assertThat(problem(required, new Answer.Matrix(Map.of("park", "good", "market", "bad")))).isEmpty();
        assertThat(problem(required, new Answer.Matrix(Map.of("park", "good")))).contains("consultation.answer.everyRow");
        assertThat(problem(optional, new Answer.Matrix(Map.of("park", "good")))).isEmpty();
        assertThat(problem(optional, new Answer.Matrix(Map.of("pool", "good")))).contains("consultation.answer.unknownOption");
        assertThat(problem(optional, new Answer.Matrix(Map.of("park", "great")))).contains("consultation.answer.unknownOption");
    }

    @Test
    void aMatrixWithoutRowsNamesItsRowsAsTheFieldAtFault() {
        List<Option> grades = List.of(new Option("good", "Bien"), new Option("bad", "Mal"));
        List<Option> places = List.of(new Option("park", "Parc"));

        assertThatThrownBy(() -> new Question.Matrix(Common.of("m", "Vos lieux", false), List.of(), grades))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("rows"));
        assertThatThrownBy(() -> new Question.Matrix(Common.of("m", "Vos lieux", false), places, grades.subList(0, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("options"));
    }
}
