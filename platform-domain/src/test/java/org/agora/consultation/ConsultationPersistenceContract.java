package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.agora.consultation.Question.Common;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Demo;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** Organising consultations against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class ConsultationPersistenceContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("nord")));
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("sud")));
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    /** One question of each type, and a condition. */
    static final List<Question> ALL_TYPES = List.of(
            new Question.SingleChoice(Common.of("cycles", "Faites-vous du vélo ?", true),
                    List.of(new Option("yes", "Oui"), new Option("no", "Non"))),
            new Question.MultipleChoice(Common.of("improvements", "Améliorations", true).shownWhen("cycles", "yes"),
                    List.of(new Option("lanes", "Pistes"), new Option("parking", "Arceaux"), new Option("lights", "Éclairage")), 2),
            new Question.FreeText(Common.of("street", "Quelle rue ?", false), false),
            new Question.FreeText(new Common("idea", "Votre idée", "Soyez précis", false, Optional.empty()), true),
            new Question.Scale(Common.of("safety", "Sécurité ressentie", true), 1, 5, "Faible", "Forte"),
            new Question.NumberQuestion(Common.of("trips", "Trajets par semaine", false), BigDecimal.ZERO, new BigDecimal("120")),
            new Question.Ranking(Common.of("priorities", "Priorités", false),
                    List.of(new Option("a", "Écoles"), new Option("b", "Commerces"), new Option("c", "Parcs"))),
            new Question.Matrix(Common.of("places", "Lieux", false),
                    List.of(new Option("park", "Parc"), new Option("station", "Gare")),
                    List.of(new Option("good", "Bien"), new Option("bad", "Mal"))));

    private <T> T consultations(Function<ConsultationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).consultations()));
    }

    private List<Question> storedQuestions(long id) {
        return consultations(c -> c.get(id).getQuestionnaire().questions());
    }

    private Consultation consultation(long id) {
        return consultations(c -> c.get(id));
    }

    private List<Consultation> published(ConsultationFilter filter) {
        return consultations(c -> c.published(filter));
    }

    private ConsultationStatus status(long id) {
        return consultations(c -> c.get(id).getStatus());
    }

    private int applySchedule(Instant now) {
        return consultations(c -> c.applySchedule(now));
    }

    static ConsultationDraft draft(String districtCode) {
        return new ConsultationDraft("Le vélo dans le quartier", "<p>Donnez votre avis</p>", null, districtCode,
                NOW.plus(7, ChronoUnit.DAYS), NOW.plus(21, ChronoUnit.DAYS), false, true);
    }

    private long newConsultationWithQuestions() {
        long id = consultations(c -> c.create(AGENT_OF_NORD, draft("nord"))).getId();
        consultations(c -> c.replaceQuestions(AGENT_OF_NORD, id, ALL_TYPES));
        return id;
    }

    @Test
    void questionnaireOfEveryTypeComesBackAsItWasBuilt() {
        long id = newConsultationWithQuestions();

        Questionnaire stored = consultations(c -> c.get(id).getQuestionnaire());
        assertThat(stored.questions()).containsExactlyElementsOf(ALL_TYPES);
        Consultation consultation = consultations(c -> c.get(id));
        assertThat(consultation.getScope()).isEqualTo(ConsultationScope.of(new DistrictCode("nord")));
        assertThat(consultation.getStatus()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(consultation.getPeriod().start()).isEqualTo(NOW.plus(7, ChronoUnit.DAYS));
    }

    @Test
    void questionsMayBeReplacedWhileInDraftEvenReusingTheirCodes() {
        long id = newConsultationWithQuestions();
        List<Question> reordered = List.of(ALL_TYPES.get(4), ALL_TYPES.get(0), ALL_TYPES.get(1));
        consultations(c -> c.replaceQuestions(AGENT_OF_NORD, id, reordered));
        assertThat(storedQuestions(id)).containsExactlyElementsOf(reordered);
    }

    @Test
    void anAgentOrganisesInTheirDistrictOnly() {
        assertThatThrownBy(() -> consultations(c -> c.create(AGENT_OF_NORD, draft("sud"))))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> consultations(c -> c.create(AGENT_OF_NORD, draft(null))))
                .isInstanceOf(NotAllowedException.class);
        long cityWide = consultations(c -> c.create(OFFICE, draft(null))).getId();
        assertThatThrownBy(() -> consultations(c -> c.replaceQuestions(AGENT_OF_NORD, cityWide, ALL_TYPES)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void unknownDistrictOrThemeIsRefused() {
        assertThatThrownBy(() -> consultations(c -> c.create(OFFICE, draft("nowhere"))))
                .isInstanceOf(NotFoundException.class);
        ConsultationDraft withUnknownTheme = new ConsultationDraft("Titre", "", 999_999L, null,
                NOW.plus(1, ChronoUnit.DAYS), NOW.plus(2, ChronoUnit.DAYS), false, false);
        assertThatThrownBy(() -> consultations(c -> c.create(OFFICE, withUnknownTheme)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInvalidQuestionnaireChangesNothing() {
        long id = newConsultationWithQuestions();
        List<Question> broken = List.of(ALL_TYPES.get(1), ALL_TYPES.get(0)); // condition before its question
        assertThatThrownBy(() -> consultations(c -> c.replaceQuestions(AGENT_OF_NORD, id, broken)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(storedQuestions(id)).hasSize(ALL_TYPES.size());
    }

    @Test
    void schedulingNeedsQuestionsAndAFutureOpening() {
        long empty = consultations(c -> c.create(AGENT_OF_NORD, draft("nord"))).getId();
        assertThatThrownBy(() -> consultations(c -> c.schedule(AGENT_OF_NORD, empty, NOW)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.questions.none"));

        long id = newConsultationWithQuestions();
        assertThatThrownBy(() -> consultations(c -> c.schedule(AGENT_OF_NORD, id, NOW.plus(8, ChronoUnit.DAYS))))
                .isInstanceOf(InvalidInputException.class);
        consultations(c -> c.schedule(AGENT_OF_NORD, id, NOW));
        assertThat(status(id)).isEqualTo(ConsultationStatus.SCHEDULED);
    }

    @Test
    void theSchedulerOpensAndClosesOnTimeAndCatchesUpAfterAStop() {
        long id = newConsultationWithQuestions();
        consultations(c -> c.schedule(AGENT_OF_NORD, id, NOW));

        assertThat(applySchedule(NOW.plus(8, ChronoUnit.DAYS))).isEqualTo(1);
        assertThat(status(id)).isEqualTo(ConsultationStatus.OPEN);
        assertThatThrownBy(() -> consultations(c -> c.replaceQuestions(AGENT_OF_NORD, id, ALL_TYPES)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.questions.locked"));

        long late = newConsultationWithQuestions();
        consultations(c -> c.schedule(AGENT_OF_NORD, late, NOW));
        assertThat(applySchedule(NOW.plus(30, ChronoUnit.DAYS))).isEqualTo(2);
        assertThat(status(late)).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(applySchedule(NOW.plus(31, ChronoUnit.DAYS))).isZero();
    }

    @Test
    void resultsArePublishedOnlyOnceClosed() {
        long id = newConsultationWithQuestions();
        assertThatThrownBy(() -> consultations(c -> c.publishResults(AGENT_OF_NORD, id)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void databaseRefusesAnImpossiblePeriodOrStatus() {
        long id = newConsultationWithQuestions();
        assertThatThrownBy(() -> db().sql("UPDATE consultations SET closes_at = opens_at WHERE id = " + id))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql("UPDATE consultations SET status = 'ARCHIVED' WHERE id = " + id))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aDraftIsEditedButNotOnceScheduled() {
        long id = newConsultationWithQuestions();
        ConsultationDraft changed = new ConsultationDraft("Le vélo à Belrive", "", null, "nord",
                NOW.plus(10, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), true, false);

        consultations(c -> c.update(AGENT_OF_NORD, id, changed));
        assertThat(consultation(id).getTitle()).isEqualTo("Le vélo à Belrive");
        assertThat(consultation(id).isAnonymous()).isTrue();

        consultations(c -> c.schedule(AGENT_OF_NORD, id, NOW));
        assertThatThrownBy(() -> consultations(c -> c.update(AGENT_OF_NORD, id, changed)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("consultation.update.notDraft");
    }

    @Test
    void anAgentMayNotMoveTheirConsultationToAnotherDistrict() {
        long id = newConsultationWithQuestions();
        ConsultationDraft elsewhere = draft("sud");

        assertThatThrownBy(() -> consultations(c -> c.update(AGENT_OF_NORD, id, elsewhere)))
                .isInstanceOf(NotAllowedException.class);
        assertThat(consultation(id).getScope()).isEqualTo(ConsultationScope.of(new DistrictCode("nord")));
    }

    @Test
    void theOrganiserOpensEarlyAndClosesEarly() {
        long id = newConsultationWithQuestions();
        consultations(c -> c.schedule(AGENT_OF_NORD, id, NOW));

        consultations(c -> c.openNow(AGENT_OF_NORD, id, NOW.plus(1, ChronoUnit.DAYS)));
        assertThat(status(id)).isEqualTo(ConsultationStatus.OPEN);
        assertThat(consultation(id).getPeriod().start()).isEqualTo(NOW.plus(1, ChronoUnit.DAYS));

        consultations(c -> c.closeNow(AGENT_OF_NORD, id, NOW.plus(2, ChronoUnit.DAYS)));
        assertThat(status(id)).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(consultation(id).getPeriod().end()).isEqualTo(NOW.plus(2, ChronoUnit.DAYS));
    }

    @Test
    void aConsultationIsDuplicatedAsADraftForAnotherDistrict() {
        long id = newConsultationWithQuestions();

        long copy = consultations(c -> c.duplicate(OFFICE, id, "sud", NOW)).getId();

        assertThat(copy).isNotEqualTo(id);
        assertThat(status(copy)).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(consultation(copy).getScope()).isEqualTo(ConsultationScope.of(new DistrictCode("sud")));
        assertThat(storedQuestions(copy)).isEqualTo(ALL_TYPES);
        assertThat(storedQuestions(id)).isEqualTo(ALL_TYPES);
        assertThatThrownBy(() -> consultations(c -> c.duplicate(AGENT_OF_NORD, id, "sud", NOW)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void visitorsListEverythingButDraftsAndFilter() {
        long draft = newConsultationWithQuestions();
        long scheduled = newConsultationWithQuestions();
        consultations(c -> c.schedule(AGENT_OF_NORD, scheduled, NOW));
        long other = consultations(c -> c.create(OFFICE, draft("sud"))).getId();
        consultations(c -> c.replaceQuestions(OFFICE, other, ALL_TYPES));
        consultations(c -> c.schedule(OFFICE, other, NOW));

        assertThat(published(ConsultationFilter.none()))
                .extracting(Consultation::getId).containsExactlyInAnyOrder(scheduled, other).doesNotContain(draft);
        assertThat(published(new ConsultationFilter("sud", null, null)))
                .extracting(Consultation::getId).containsExactly(other);
        assertThat(published(new ConsultationFilter(null, null, ConsultationStatus.OPEN)))
                .isEmpty();
        assertThat(consultations(c -> c.organisedBy(AGENT_OF_NORD)).stream().map(Consultation::getId).toList())
                .containsExactlyInAnyOrder(draft, scheduled);

        Page<Consultation> first = consultations(c -> c.published(ConsultationFilter.none(), new PageRequest(1, 1)));
        Page<Consultation> second = consultations(c -> c.published(ConsultationFilter.none(), new PageRequest(2, 1)));
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(List.of(first.items().get(0).getId(), second.items().get(0).getId()))
                .containsExactlyInAnyOrder(scheduled, other);
        assertThat(consultations(c -> c.published(new ConsultationFilter("sud", null, null), new PageRequest(1, 1)))
                .total()).isEqualTo(1);
    }

    @Test
    void theDescriptionIsStoredWithoutAnythingExecutable() {
        ConsultationDraft base = draft("nord");
        ConsultationDraft hostile = new ConsultationDraft(base.title(),
                "<p onclick=\"steal()\">Votre <strong>avis</strong></p><script>steal()</script>"
                        + "<a href=\"javascript:steal()\">ici</a>",
                null, "nord", base.opensAt(), base.closesAt(), false, false);

        long id = consultations(c -> c.create(AGENT_OF_NORD, hostile)).getId();

        assertThat(consultation(id).getDescription()).isEqualTo("<p>Votre <strong>avis</strong></p>ici");
    }

    @Test
    void aCoverImageIsCheckedStoredAndShownAndAFakeOneChangesNothing() {
        long id = newConsultationWithQuestions();

        consultations(c -> c.changeCover(AGENT_OF_NORD, id, "parc.png", org.agora.media.TestImages.png(40, 30)));
        Long cover = consultation(id).getCoverImageId();
        assertThat(cover).isNotNull();

        assertThatThrownBy(() -> consultations(c -> c.changeCover(AGENT_OF_NORD, id, "parc.jpg",
                "%PDF-1.7 not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("media.image.notAnImage");
        assertThat(consultation(id).getCoverImageId()).isEqualTo(cover);
        assertThatThrownBy(() -> consultations(c -> c.changeCover(AGENT_OF_SUD, id, "parc.png",
                org.agora.media.TestImages.png(40, 30)))).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theDemoConsultationsAreLoadedOnceOneOpenOneScheduled() {
        boolean first = db().inTransaction(em -> Demo.consultations(em).seedIfEmpty(NOW));
        boolean second = db().inTransaction(em -> Demo.consultations(em).seedIfEmpty(NOW));

        assertThat(first).isTrue();
        assertThat(second).isFalse();

        assertThat(published(ConsultationFilter.none())).extracting(Consultation::getStatus)
                .containsExactlyInAnyOrder(ConsultationStatus.OPEN, ConsultationStatus.SCHEDULED);
    }
}
