package org.agora.consultation;

import static org.agora.consultation.ResponseBuilder.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.consultation.Question.Common;
import org.agora.shared.DistrictCode;
import org.junit.jupiter.api.Test;

/** The district breakdown never shows, nor lets one compute, the figures of fewer than five answers. */
class QuestionResultsTest {

    static final Question MODE = new Question.SingleChoice(Common.of("mode", "Comment venez-vous ?", false),
            List.of(new Option("bike", "Vélo"), new Option("bus", "Bus")));
    static final Question COMMENT = new Question.FreeText(Common.of("comment", "Commentaire", false), false);
    static final Questionnaire SURVEY = new Questionnaire(List.of(MODE, COMMENT));

    /** Tallies {@code mode} answers from districts given as code then number of answers: "nord", 5, "sud", 3. */
    static QuestionResults modeByDistrict(Object... districtsAndAnswers) {
        List<SubmittedResponse> responses = new ArrayList<>();
        for (int i = 0; i < districtsAndAnswers.length; i += 2) {
            responses.addAll(response().in((String) districtsAndAnswers[i]).choice("mode", "bike")
                    .times((Integer) districtsAndAnswers[i + 1]));
        }
        return ConsultationResults.tally(SURVEY, responses).questions().get(0);
    }

    static List<String> shown(QuestionResults results) {
        return results.byDistrict().keySet().stream().map(DistrictCode::value).toList();
    }

    @Test
    void districtUnderFiveAnswersIsNotShown() {
        QuestionResults results = modeByDistrict("nord", 5, "sud", 6, "est", 7, "ouest", 4, "centre", 2);
        assertThat(shown(results)).containsExactly("est", "nord", "sud");
        assertThat(results.hiddenGroups()).isEqualTo(2);
    }

    @Test
    void districtWithFiveAnswersIsShown() {
        QuestionResults results = modeByDistrict("nord", 5, "sud", 5);
        assertThat(shown(results)).containsExactly("nord", "sud");
        assertThat(results.hiddenGroups()).isZero();
    }

    @Test
    void singleHiddenGroupAlsoHidesTheSmallestShownGroup() {
        // otherwise the total minus nord and sud would give the figures of est's two answers
        QuestionResults results = modeByDistrict("nord", 9, "sud", 6, "est", 2);
        assertThat(shown(results)).containsExactly("nord");
        assertThat(results.hiddenGroups()).isEqualTo(2);
    }

    @Test
    void smallestShownGroupsOfEqualSizeHideTheFirstByDistrictCode() {
        QuestionResults results = modeByDistrict("sud", 6, "nord", 6, "est", 1);
        assertThat(shown(results)).containsExactly("sud");
    }

    @Test
    void hiddenGroupsHoldingFewerThanFiveAnswersTogetherAlsoHideTheSmallestShownGroup() {
        // two single answers would otherwise be the difference between the total and the shown groups
        QuestionResults results = modeByDistrict("nord", 8, "sud", 6, "est", 1, "ouest", 1);
        assertThat(shown(results)).containsExactly("nord");
        assertThat(results.hiddenGroups()).isEqualTo(3);
    }

    @Test
    void hiddenGroupsHoldingFiveAnswersTogetherHideNothingMore() {
        QuestionResults results = modeByDistrict("nord", 8, "sud", 6, "est", 3, "ouest", 2);
        assertThat(shown(results)).containsExactly("nord", "sud");
        assertThat(results.hiddenGroups()).isEqualTo(2);
    }

    @Test
    void lonelySmallGroupIsHiddenWithNothingElseToHide() {
        QuestionResults results = modeByDistrict("nord", 3);
        assertThat(results.byDistrict()).isEmpty();
        assertThat(results.hiddenGroups()).isEqualTo(1);
    }

    @Test
    void totalsAreAlwaysShown() {
        QuestionResults results = modeByDistrict("nord", 3, "sud", 1);
        assertThat(results.overall().answered()).isEqualTo(4);
        assertThat(((Figures.Choice) results.overall()).options().get(0).count()).isEqualTo(4);
    }

    @Test
    void groupsAreJudgedQuestionByQuestion() {
        List<SubmittedResponse> responses = new ArrayList<>();
        responses.addAll(response().in("nord").choice("mode", "bus").text("comment", "Bien").times(3));
        responses.addAll(response().in("nord").choice("mode", "bus").times(2));
        responses.addAll(response().in("sud").choice("mode", "bike").text("comment", "Bof").times(5));
        List<QuestionResults> questions = ConsultationResults.tally(SURVEY, responses).questions();
        assertThat(shown(questions.get(0))).containsExactly("nord", "sud");
        assertThat(shown(questions.get(1))).isEmpty(); // nord's 3 comments hidden, so sud's too
        assertThat(questions.get(1).hiddenGroups()).isEqualTo(2);
    }

    @Test
    void districtThatDidNotAnswerTheQuestionIsNoGroup() {
        List<SubmittedResponse> responses = new ArrayList<>();
        responses.addAll(response().in("nord").choice("mode", "bus").times(5));
        responses.addAll(response().in("sud").choice("mode", "bike").times(5));
        responses.addAll(response().in("est").text("comment", "Pas de vélo").times(2));
        QuestionResults mode = ConsultationResults.tally(SURVEY, responses).questions().get(0);
        assertThat(shown(mode)).containsExactly("nord", "sud");
        assertThat(mode.hiddenGroups()).isZero();
    }

    @Test
    void shownDistrictsAreInTheOrderOfTheirCodes() {
        assertThat(shown(modeByDistrict("sud", 5, "centre", 5, "nord", 5))).containsExactly("centre", "nord", "sud");
    }

    @Test
    void smallGroupCannotBeShownEvenWhenBuiltByHand() {
        Figures three = new Figures.Text(3);
        assertThatThrownBy(() -> new QuestionResults(COMMENT, new Figures.Text(10),
                Map.of(new DistrictCode("nord"), three), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void districtFiguresMustBeOfTheQuestionsKind() {
        Map<DistrictCode, Figures> groups = new LinkedHashMap<>();
        groups.put(new DistrictCode("nord"), new Figures.Choice(6, List.of()));
        assertThatThrownBy(() -> new QuestionResults(COMMENT, new Figures.Text(10), groups, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
