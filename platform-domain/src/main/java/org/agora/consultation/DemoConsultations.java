package org.agora.consultation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.agora.consultation.Question.Common;
import org.agora.shared.Actor;
import org.agora.shared.DemoData;
import org.agora.shared.DemoTexts;
import org.agora.shared.Role;

/**
 * The consultations of a demo installation: one open to the whole city with a question of each type and a
 * condition, and one of the north district scheduled to open in a week (their texts in
 * demo/consultations.properties). Loaded once, after the demo territory.
 */
@ApplicationScoped
public class DemoConsultations {

    private static final Logger LOG = Logger.getLogger(DemoConsultations.class.getName());
    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    private ConsultationService consultations;
    private final DemoTexts texts = DemoTexts.of("consultations");

    protected DemoConsultations() {
        // for CDI
    }

    @Inject
    public DemoConsultations(ConsultationService consultations) {
        this.consultations = consultations;
    }

    void onDemoStart(@Observes @Priority(DemoData.CONSULTATIONS) DemoData start) {
        if (seedIfEmpty(start.now())) {
            LOG.info("Demo consultations loaded");
        }
    }

    /** Creates the demo consultations if there is none yet; returns whether it did. */
    public boolean seedIfEmpty(Instant now) {
        if (!consultations.organisedBy(OFFICE).isEmpty()) {
            return false;
        }
        Instant soon = now.plus(Duration.ofMinutes(5));
        Consultation cycling = consultations.create(OFFICE, new ConsultationDraft(texts.get("cycling.title"),
                texts.get("cycling.description"), null, null, soon, now.plus(Duration.ofDays(30)), false, true));
        consultations.replaceQuestions(OFFICE, cycling.getId(), List.of(
                new Question.SingleChoice(common("cycling.cycles", true), options("cycling.cycles", "daily", "sometimes", "never")),
                new Question.MultipleChoice(common("cycling.improvements", true).shownWhen("cycles", "sometimes"),
                        options("cycling.improvements", "lanes", "parking", "lights", "repair"), 2),
                new Question.Scale(common("cycling.safety", true), 1, 5, texts.get("cycling.safety.min"),
                        texts.get("cycling.safety.max")),
                new Question.NumberQuestion(common("cycling.distance", false), BigDecimal.ZERO, new BigDecimal("500")),
                new Question.Ranking(common("cycling.priorities", false),
                        options("cycling.priorities", "school", "river", "station")),
                new Question.Matrix(common("cycling.places", false), options("cycling.places", "centre", "station", "port"),
                        options("cycling.places", "good", "average", "bad")),
                new Question.FreeText(new Common("idea", texts.get("cycling.idea"), texts.get("cycling.idea.help"), false,
                        Optional.empty()), true)));
        consultations.schedule(OFFICE, cycling.getId(), now);
        consultations.openNow(OFFICE, cycling.getId(), now);

        Instant nextWeek = now.plus(Duration.ofDays(7));
        Consultation square = consultations.create(OFFICE, new ConsultationDraft(texts.get("square.title"),
                texts.get("square.description"), null, "nord", nextWeek, nextWeek.plus(Duration.ofDays(21)), true, false));
        consultations.replaceQuestions(OFFICE, square.getId(), List.of(
                new Question.SingleChoice(common("square.use", true), options("square.use", "cross", "stay", "park")),
                new Question.FreeText(common("square.wish", false), true)));
        consultations.schedule(OFFICE, square.getId(), now);
        return true;
    }

    /** The question whose text is under that key: its id is the key's last part. */
    private Common common(String key, boolean required) {
        return Common.of(key.substring(key.indexOf('.') + 1), texts.get(key), required);
    }

    private List<Option> options(String question, String... ids) {
        return Arrays.stream(ids).map(id -> new Option(id, texts.get(question + "." + id))).toList();
    }
}
