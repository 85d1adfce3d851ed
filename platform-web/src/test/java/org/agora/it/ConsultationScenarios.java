package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;

/**
 * The state a stage of the organiser's journey starts from, set up through the REST API by the district agent of
 * Nord as the forms would: a draft of its own (a unique title), the market square's questionnaire as the agent's
 * builder leaves it, the consultation opened, a resident's answers. Nothing of the demo data is changed.
 */
final class ConsultationScenarios {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * The questionnaire the builder stage makes, in its final order: q1 (options Non, Oui, Parfois, required), q2,
     * q3 shown when q1 is "Oui", the grid q5 moved above the scale q4, then the number q6.
     */
    static final String MARKET_QUESTIONS = """
            [
              {"id": "q1", "type": "SINGLE_CHOICE", "text": "Venez-vous sur la place le samedi ?", "required": true,
               "options": [{"id": "no", "label": "Non"}, {"id": "yes", "label": "Oui"}, {"id": "sometimes", "label": "Parfois"}]},
              {"id": "q2", "type": "MULTIPLE_CHOICE", "text": "Que manque-t-il ?", "maxChoices": 2,
               "options": [{"id": "benches", "label": "Des bancs"}, {"id": "trees", "label": "Des arbres"},
                           {"id": "fountain", "label": "Une fontaine"}]},
              {"id": "q3", "type": "SHORT_TEXT", "text": "Qu'y faites-vous ?", "showWhen": {"question": "q1", "option": "yes"}},
              {"id": "q5", "type": "MATRIX", "text": "Comment trouvez-vous ces lieux ?",
               "rows": [{"id": "market", "label": "Le marché"}, {"id": "square", "label": "Le square"}],
               "options": [{"id": "good", "label": "Bien"}, {"id": "fair", "label": "Moyen"}, {"id": "bad", "label": "Mal"}]},
              {"id": "q4", "type": "SCALE", "text": "Êtes-vous satisfait de la place ?", "min": 1, "max": 5,
               "minLabel": "Pas du tout", "maxLabel": "Tout à fait"},
              {"id": "q6", "type": "NUMBER", "text": "Combien de minutes y passez-vous par semaine ?", "min": 0, "max": 600}
            ]""";

    private ConsultationScenarios() {
    }

    /** A draft consultation of Nord made by its agent, opening and closing at these times of Paris. */
    static long draftOfNord(String title, LocalDateTime opens, LocalDateTime closes) {
        Reply created = Api.as(DemoUser.AGENT).post("/api/consultations", """
                {"title": "%s", "description": "<p>Bancs, arbres, fontaine : dites-nous ce que vous voulez.</p>",
                 "district": "nord", "opensAt": "%s", "closesAt": "%s", "anonymous": false, "answersEditable": false}"""
                .formatted(title, opens.atZone(PARIS).toInstant(), closes.atZone(PARIS).toInstant()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonNumber("id").longValue();
    }

    /** The draft given the market square's questionnaire. */
    static long withMarketQuestions(long id) {
        Reply questions = Api.as(DemoUser.AGENT).put("/api/consultations/" + id + "/questions", MARKET_QUESTIONS);
        assertThat(questions.status()).as(questions.body()).isEqualTo(200);
        return id;
    }

    /** The consultation scheduled, then opened now by its agent. */
    static long opened(long id) {
        Api agent = Api.as(DemoUser.AGENT);
        Reply scheduled = agent.post("/api/consultations/" + id + "/schedule", "");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        Reply opened = agent.post("/api/consultations/" + id + "/open", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return id;
    }

    /** The market square's consultation open for answers. */
    static long marketOpen(String title) {
        LocalDateTime opens = LocalDateTime.now(PARIS).plusDays(3).withNano(0);
        return opened(withMarketQuestions(draftOfNord(title, opens, opens.plusDays(14))));
    }

    /** The answers the resident's stage gives, sent by the resident through the API. */
    static void answeredByTheResident(long id) {
        Reply answered = Api.as(DemoUser.RESIDENT).put("/api/consultations/" + id + "/response", """
                {"answers": {"q1": ["yes"], "q2": ["benches", "fountain"], "q3": "Mes courses au marché",
                 "q5": {"market": "good", "square": "fair"}, "q4": 4, "q6": 45}}""");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }
}
