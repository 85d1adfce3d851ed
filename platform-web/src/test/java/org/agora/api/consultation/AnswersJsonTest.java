package org.agora.api.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.consultation.Answer;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.Question.Common;
import org.agora.consultation.Questionnaire;
import org.junit.jupiter.api.Test;

/** The draft an anonymous consultation leaves in the browser is this body: it must read back as it was given. */
class AnswersJsonTest {

    private static final Questionnaire QUESTIONNAIRE = new Questionnaire(List.of(
            new Question.MultipleChoice(Common.of("improvements", "Améliorations", true),
                    List.of(new Option("lanes", "Pistes"), new Option("lights", "Éclairage")), 2),
            new Question.FreeText(Common.of("idea", "Votre idée", false), true),
            new Question.Scale(Common.of("safety", "Sécurité", true), 1, 5, "Faible", "Forte"),
            new Question.NumberQuestion(Common.of("trips", "Trajets", false), BigDecimal.ZERO, new BigDecimal("120")),
            new Question.Ranking(Common.of("priorities", "Priorités", false),
                    List.of(new Option("a", "Écoles"), new Option("b", "Commerces"))),
            new Question.Matrix(Common.of("places", "Lieux", false),
                    List.of(new Option("park", "Parc"), new Option("station", "Gare")),
                    List.of(new Option("good", "Bien"), new Option("bad", "Mal")))));

    @Test
    void aBodyReadsBackAsTheAnswersItWasMadeOf() {
        Map<String, Answer> answers = Map.of(
                "improvements", new Answer.Choices(Set.of("lanes", "lights")),
                "idea", new Answer.Text("Des arceaux « sûrs »\net de l'ombre"),
                "safety", new Answer.Number(new BigDecimal("4")),
                "trips", new Answer.Number(new BigDecimal("12.5")),
                "priorities", new Answer.Ranking(List.of("b", "a")),
                "places", new Answer.Matrix(Map.of("park", "good", "station", "bad")));

        String body = AnswersJson.body(answers);

        assertThat(AnswersJson.read(QUESTIONNAIRE, Json.createReader(new StringReader(body)).readObject()))
                .isEqualTo(answers);
    }
}
