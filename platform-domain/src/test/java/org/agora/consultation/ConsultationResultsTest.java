package org.agora.consultation;

import static org.agora.consultation.ResponseBuilder.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.agora.consultation.Question.Common;
import org.agora.shared.DistrictCode;
import org.junit.jupiter.api.Test;

class ConsultationResultsTest {

    static final Question MODE = new Question.SingleChoice(Common.of("mode", "Comment venez-vous ?", false),
            List.of(new Option("bike", "Vélo"), new Option("bus", "Bus"), new Option("car", "Voiture")));
    static final Question MODES = new Question.MultipleChoice(Common.of("modes", "Quels modes ?", false),
            List.of(new Option("bike", "Vélo"), new Option("bus", "Bus"), new Option("car", "Voiture")), 3);
    static final Question SATISFACTION = new Question.Scale(Common.of("satisfaction", "Êtes-vous satisfait ?", false),
            1, 5, "Pas du tout", "Tout à fait");
    static final Question AGE = new Question.NumberQuestion(Common.of("age", "Votre âge", false), null, null);
    static final Question PRIORITIES = new Question.Ranking(Common.of("priorities", "Vos priorités", false),
            List.of(new Option("trees", "Arbres"), new Option("benches", "Bancs"), new Option("lights", "Éclairage")));
    static final Question STREETS = new Question.Matrix(Common.of("streets", "Vos rues", false),
            List.of(new Option("clean", "Propreté"), new Option("safe", "Sécurité")),
            List.of(new Option("bad", "Mauvaise"), new Option("fair", "Moyenne"), new Option("good", "Bonne")));
    static final Question COMMENT = new Question.FreeText(Common.of("comment", "Commentaire", false), true);

    static final Questionnaire SURVEY = new Questionnaire(
            List.of(MODE, MODES, SATISFACTION, AGE, PRIORITIES, STREETS, COMMENT));

    static ConsultationResults tally(List<SubmittedResponse> responses) {
        return ConsultationResults.tally(SURVEY, responses);
    }

    static <F extends Figures> F overall(ConsultationResults results, Question question, Class<F> kind) {
        return kind.cast(results.questions().get(SURVEY.questions().indexOf(question)).overall());
    }

    @SafeVarargs
    static List<SubmittedResponse> concat(List<SubmittedResponse>... groups) {
        List<SubmittedResponse> all = new ArrayList<>();
        for (List<SubmittedResponse> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    @Test
    void everyResponseCountsInTheTotalEvenWithoutAnswers() {
        ConsultationResults results = tally(concat(response().times(3), response().choice("mode", "bike").times(2)));
        assertThat(results.responses()).isEqualTo(5);
        assertThat(overall(results, MODE, Figures.Choice.class).answered()).isEqualTo(2);
    }

    @Test
    void questionsKeepTheQuestionnaireOrder() {
        assertThat(tally(List.of()).questions()).extracting(QuestionResults::question)
                .containsExactly(MODE, MODES, SATISFACTION, AGE, PRIORITIES, STREETS, COMMENT);
    }

    @Test
    void percentagesAreOfThoseWhoAnsweredTheQuestion() {
        ConsultationResults results = tally(concat(response().choice("mode", "bike").times(3),
                response().choice("mode", "bus").times(1), response().text("comment", "Rien sur le mode").times(6)));
        assertThat(overall(results, MODE, Figures.Choice.class).options())
                .extracting(c -> c.option().id(), Figures.OptionCount::count, Figures.OptionCount::percentage)
                .containsExactly(tuple("bike", 3L, decimal("75.0")), tuple("bus", 1L, decimal("25.0")),
                        tuple("car", 0L, decimal("0.0")));
    }

    @Test
    void percentagesHaveOneDecimalRoundedHalfUp() {
        // 1 of 16 is 6.25 %: half up gives 6.3 (half even would give 6.2); 15 of 16 is 93.75 %
        ConsultationResults results = tally(concat(response().choice("mode", "bike").times(1),
                response().choice("mode", "bus").times(15)));
        assertThat(overall(results, MODE, Figures.Choice.class).options())
                .extracting(Figures.OptionCount::percentage)
                .containsExactly(decimal("6.3"), decimal("93.8"), decimal("0.0"));
    }

    @Test
    void multipleChoicePercentagesMayAddUpToMoreThanAHundred() {
        ConsultationResults results = tally(concat(response().choice("modes", "bike", "bus").times(1),
                response().choice("modes", "bike").times(1)));
        Figures.Choice modes = overall(results, MODES, Figures.Choice.class);
        assertThat(modes.answered()).isEqualTo(2);
        assertThat(modes.options()).extracting(Figures.OptionCount::percentage)
                .containsExactly(decimal("100.0"), decimal("50.0"), decimal("0.0"));
    }

    @Test
    void optionsKeepTheQuestionnaireOrderWhateverTheirCounts() {
        ConsultationResults results = tally(concat(response().choice("mode", "car").times(5),
                response().choice("mode", "bike").times(1)));
        assertThat(overall(results, MODE, Figures.Choice.class).options())
                .extracting(c -> c.option().id()).containsExactly("bike", "bus", "car");
    }

    @Test
    void questionNobodyAnsweredHasZeroPercentEverywhere() {
        Figures.Choice mode = overall(tally(response().times(4)), MODE, Figures.Choice.class);
        assertThat(mode.answered()).isZero();
        assertThat(mode.options()).extracting(Figures.OptionCount::percentage).containsOnly(decimal("0.0"));
    }

    @Test
    void scaleAverageHasTwoDecimalsAndEveryValueOfTheScaleIsCounted() {
        ConsultationResults results = tally(concat(response().number("satisfaction", "1").times(1),
                response().number("satisfaction", "2").times(2)));
        Figures.Scale satisfaction = overall(results, SATISFACTION, Figures.Scale.class);
        assertThat(satisfaction.answered()).isEqualTo(3);
        assertThat(satisfaction.average()).contains(decimal("1.67"));
        assertThat(satisfaction.distribution()).extracting(Figures.ValueCount::value, Figures.ValueCount::count)
                .containsExactly(tuple(1, 1L), tuple(2, 2L), tuple(3, 0L), tuple(4, 0L), tuple(5, 0L));
    }

    @Test
    void scaleNobodyAnsweredHasNoAverage() {
        assertThat(overall(tally(response().times(2)), SATISFACTION, Figures.Scale.class).average()).isEmpty();
    }

    @Test
    void numberSummaryGivesAverageMinimumMedianAndMaximum() {
        ConsultationResults results = tally(concat(response().number("age", "34").times(1),
                response().number("age", "71").times(1), response().number("age", "18").times(1)));
        Figures.Number age = overall(results, AGE, Figures.Number.class);
        assertThat(age.answered()).isEqualTo(3);
        assertThat(age.summary()).hasValueSatisfying(s -> {
            assertThat(s.average()).isEqualTo(decimal("41.00"));
            assertThat(s.minimum()).isEqualByComparingTo("18");
            assertThat(s.median()).isEqualByComparingTo("34");
            assertThat(s.maximum()).isEqualByComparingTo("71");
        });
    }

    @Test
    void medianOfAnEvenNumberOfAnswersIsHalfwayBetweenTheTwoMiddleOnes() {
        ConsultationResults results = tally(concat(response().number("age", "3").times(1),
                response().number("age", "10").times(1), response().number("age", "1").times(1),
                response().number("age", "8").times(1)));
        assertThat(overall(results, AGE, Figures.Number.class).summary())
                .hasValueSatisfying(s -> assertThat(s.median()).isEqualByComparingTo("5.5"));
    }

    @Test
    void repeatedNumbersEachCountForTheMedianAndTheAverage() {
        ConsultationResults results = tally(concat(response().number("age", "2").times(3),
                response().number("age", "9.5").times(1)));
        assertThat(overall(results, AGE, Figures.Number.class).summary()).hasValueSatisfying(s -> {
            assertThat(s.median()).isEqualByComparingTo("2");
            assertThat(s.average()).isEqualTo(decimal("3.88")); // 15.5 / 4 = 3.875
        });
    }

    @Test
    void numberNobodyAnsweredHasNoSummary() {
        Figures.Number age = overall(tally(response().times(2)), AGE, Figures.Number.class);
        assertThat(age.answered()).isZero();
        assertThat(age.summary()).isEmpty();
    }

    @Test
    void rankingIsScoredByBordaCountFirstPlaceGivingAsManyPointsAsThereAreOptions() {
        ConsultationResults results = tally(concat(
                response().ranking("priorities", "lights", "trees", "benches").times(2),
                response().ranking("priorities", "trees", "benches", "lights").times(1)));
        Figures.Ranking priorities = overall(results, PRIORITIES, Figures.Ranking.class);
        assertThat(priorities.answered()).isEqualTo(3);
        // lights 3+3+1 (ranks 1, 1, 3), trees 2+2+3 (ranks 2, 2, 1), benches 1+1+2 (ranks 3, 3, 2)
        assertThat(priorities.options())
                .extracting(r -> r.option().id(), Figures.RankedOption::score, r -> r.averageRank().orElseThrow())
                .containsExactly(tuple("trees", 7L, decimal("1.67")), tuple("lights", 7L, decimal("1.67")),
                        tuple("benches", 4L, decimal("2.67")));
    }

    @Test
    void rankingWithEqualScoresKeepsTheQuestionnaireOrder() {
        ConsultationResults results = tally(concat(
                response().ranking("priorities", "lights", "benches", "trees").times(1),
                response().ranking("priorities", "benches", "lights", "trees").times(1)));
        assertThat(overall(results, PRIORITIES, Figures.Ranking.class).options())
                .extracting(r -> r.option().id(), Figures.RankedOption::score)
                .containsExactly(tuple("benches", 5L), tuple("lights", 5L), tuple("trees", 2L));
    }

    @Test
    void rankingNobodyAnsweredHasNoAverageRank() {
        assertThat(overall(tally(response().times(1)), PRIORITIES, Figures.Ranking.class).options())
                .allSatisfy(r -> {
                    assertThat(r.score()).isZero();
                    assertThat(r.averageRank()).isEmpty();
                });
    }

    @Test
    void matrixCountsEachColumnOfEachRowAmongThoseWhoAnsweredTheRow() {
        ConsultationResults results = tally(concat(
                response().matrix("streets", "clean", "bad", "safe", "good").times(1),
                response().matrix("streets", "clean", "bad").times(1),
                response().matrix("streets", "clean", "good").times(1)));
        Figures.Matrix streets = overall(results, STREETS, Figures.Matrix.class);
        assertThat(streets.answered()).isEqualTo(3);
        Figures.RowCounts clean = streets.rows().get(0);
        assertThat(clean.row().id()).isEqualTo("clean");
        assertThat(clean.answered()).isEqualTo(3);
        assertThat(clean.columns())
                .extracting(c -> c.option().id(), Figures.OptionCount::count, Figures.OptionCount::percentage)
                .containsExactly(tuple("bad", 2L, decimal("66.7")), tuple("fair", 0L, decimal("0.0")),
                        tuple("good", 1L, decimal("33.3")));
        Figures.RowCounts safe = streets.rows().get(1);
        assertThat(safe.answered()).isEqualTo(1);
        assertThat(safe.columns()).extracting(Figures.OptionCount::count).containsExactly(0L, 0L, 1L);
    }

    @Test
    void freeTextCountsOnlyTheAnswersThatSaySomething() {
        ConsultationResults results = tally(concat(response().text("comment", "Plus de bancs").times(2),
                response().text("comment", "   ").times(1), response().times(1)));
        assertThat(overall(results, COMMENT, Figures.Text.class).answered()).isEqualTo(2);
    }

    @Test
    void responsesWithoutADistrictCountOnlyOverall() {
        ConsultationResults results = tally(concat(response().in("nord").choice("mode", "bike").times(5),
                response().choice("mode", "bus").times(7)));
        QuestionResults mode = results.questions().get(0);
        assertThat(mode.overall().answered()).isEqualTo(12);
        assertThat(mode.byDistrict()).containsOnlyKeys(new DistrictCode("nord"));
        assertThat(mode.hiddenGroups()).isZero();
    }

    @Test
    void districtFiguresAreOfThatDistrictsAnswers() {
        ConsultationResults results = tally(concat(response().in("nord").choice("mode", "bike").times(5),
                response().in("sud").choice("mode", "bus").times(4),
                response().in("sud").choice("mode", "car").times(1)));
        QuestionResults mode = results.questions().get(0);
        Figures.Choice south = (Figures.Choice) mode.byDistrict().get(new DistrictCode("sud"));
        assertThat(south.answered()).isEqualTo(5);
        assertThat(south.options()).extracting(Figures.OptionCount::percentage)
                .containsExactly(decimal("0.0"), decimal("80.0"), decimal("20.0"));
        Figures.Choice north = (Figures.Choice) mode.byDistrict().get(new DistrictCode("nord"));
        assertThat(north.options()).extracting(Figures.OptionCount::percentage)
                .containsExactly(decimal("100.0"), decimal("0.0"), decimal("0.0"));
    }

    @Test
    void districtFiguresAreOfTheSameKindAsTheOverallOnes() {
        ConsultationResults results = tally(response().in("nord").number("age", "40").number("satisfaction", "4")
                .ranking("priorities", "trees", "benches", "lights").matrix("streets", "safe", "fair")
                .text("comment", "Bien").times(5));
        for (QuestionResults question : results.questions()) {
            assertThat(question.byDistrict().values())
                    .allSatisfy(f -> assertThat(f).isInstanceOf(question.overall().getClass()));
        }
        assertThat(((Figures.Number) results.questions().get(3).byDistrict().get(new DistrictCode("nord"))).summary())
                .hasValueSatisfying(s -> assertThat(s.median()).isEqualByComparingTo("40"));
    }

    @Test
    void responsesAreReadInOnePass() {
        AtomicInteger passes = new AtomicInteger();
        List<SubmittedResponse> responses = response().choice("mode", "bike").times(3);
        Iterable<SubmittedResponse> counted = () -> {
            passes.incrementAndGet();
            return responses.iterator();
        };
        assertThat(ConsultationResults.tally(SURVEY, counted).responses()).isEqualTo(3);
        assertThat(passes).hasValue(1);
    }
}
