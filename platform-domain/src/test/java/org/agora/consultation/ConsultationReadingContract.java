package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.agora.consultation.ResponseService.TextAnswer;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationCase;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Reading consultations against a real database, as pages and API do: who reads a draft, what a visit tells,
 * which results and free-text answers each person sees, who exports the responses. Run on H2 and PostgreSQL by
 * the subclasses.
 */
abstract class ConsultationReadingContract extends DatabaseTest {

    static final Actor AGENT = ConsultationPersistenceContract.AGENT_OF_NORD;
    static final Actor AGENT_OF_SUD = ConsultationPersistenceContract.AGENT_OF_SUD;
    static final Actor OFFICE = ConsultationPersistenceContract.OFFICE;
    static final Actor RESIDENT_OF_NORD = ResponsePersistenceContract.RESIDENT_OF_NORD;
    static final Actor RESIDENT_OF_SUD = ResponsePersistenceContract.RESIDENT_OF_SUD;
    static final Actor VISITOR = Actor.anonymous();
    static final Actor MODERATOR = new Actor("moderator", java.util.Set.of(org.agora.shared.Role.MODERATOR),
            java.util.Optional.empty(), java.util.Set.of());
    static final Instant OPENED = ResponsePersistenceContract.OPENED;
    static final Instant CLOSING = OPENED.plusSeconds(60);

    private static final List<String> ALL_QUESTIONS = ConsultationPersistenceContract.ALL_TYPES.stream()
            .map(Question::id).toList();

    private <T> T reading(Function<ConsultationReading, T> work) {
        return db().inTransaction(em -> {
            Services services = Services.on(em).sealedWith(SealsForTests.SEAL);
            return work.apply(new ConsultationReading(services.consultations(), services.responses()));
        });
    }

    private <T> T consultations(Function<ConsultationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).sealedWith(SealsForTests.SEAL).consultations()));
    }

    private <T> T responses(Function<ResponseService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).sealedWith(SealsForTests.SEAL).responses()));
    }

    /** A consultation of the north district with one question of each type, in draft. */
    private long draft(boolean anonymous) {
        ConsultationDraft draft = ConsultationPersistenceContract.draft("nord");
        ConsultationDraft wanted = new ConsultationDraft(draft.title(), draft.description(), null, "nord",
                draft.opensAt(), draft.closesAt(), anonymous, false);
        long id = consultations(c -> c.create(AGENT, wanted)).getId();
        consultations(c -> c.replaceQuestions(AGENT, id, ConsultationPersistenceContract.ALL_TYPES));
        return id;
    }

    private long open(boolean anonymous) {
        long id = draft(anonymous);
        consultations(c -> c.schedule(AGENT, id, ConsultationPersistenceContract.NOW));
        consultations(c -> c.applySchedule(OPENED));
        return id;
    }

    private void answer(Actor who, long id, String street) {
        Map<String, Answer> answers = ResponsePersistenceContract.fullAnswers();
        answers.put("street", new Answer.Text(street));
        responses(r -> r.submit(who, id, answers, OPENED));
    }

    private void closeAndPublish(long id) {
        consultations(c -> c.closeNow(AGENT, id, CLOSING));
        consultations(c -> c.publishResults(AGENT, id));
    }

    private static List<String> questions(VisibleResults results) {
        return results.questions().stream().map(q -> q.results().question().id()).toList();
    }

    private static List<String> withTexts(VisibleResults results) {
        return results.questions().stream().filter(VisibleResults.ShownQuestion::texts)
                .map(q -> q.results().question().id()).toList();
    }

    private FreeTexts texts(Actor who, long id, String question, String search, int first, int max) {
        return reading(r -> r.texts(who, id, question, search, first, max));
    }

    private static List<String> shown(FreeTexts page) {
        return page.answers().stream().map(TextAnswer::text).toList();
    }

    private static void refused(ThrowingCallable action, Class<? extends DomainException> type, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(type, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aDraftIsNotFoundButByItsOrganisers() {
        long id = draft(false);

        assertThat(reading(r -> r.read(AGENT, id)).getId()).isEqualTo(id);
        assertThat(reading(r -> r.read(OFFICE, id)).getId()).isEqualTo(id);
        for (Actor other : List.of(AGENT_OF_SUD, RESIDENT_OF_NORD, VISITOR)) {
            refused(() -> reading(r -> r.read(other, id)), NotFoundException.class, "consultation.notFound");
            refused(() -> reading(r -> r.visit(other, id, OPENED)), NotFoundException.class, "consultation.notFound");
        }
        refused(() -> reading(r -> r.read(OFFICE, id + 1000)), NotFoundException.class, "consultation.notFound");

        consultations(c -> c.schedule(AGENT, id, ConsultationPersistenceContract.NOW));
        assertThat(reading(r -> r.read(VISITOR, id)).getStatus()).isEqualTo(ConsultationStatus.SCHEDULED);
    }

    @Test
    void aVisitTellsWhetherThePersonMayAnswerHasAnsweredOrganisesAndSeesResults() {
        long id = open(false);

        ConsultationVisit before = reading(r -> r.visit(RESIDENT_OF_NORD, id, OPENED));
        assertThat(before.consultation().getId()).isEqualTo(id);
        assertThat(before.whyNotAnswer()).isEmpty();
        assertThat(before.answered()).isFalse();
        assertThat(before.mine()).isEmpty();
        assertThat(before.organiser()).isFalse();
        assertThat(before.resultsVisible()).isFalse();

        answer(RESIDENT_OF_NORD, id, "Rue des Lilas");
        ConsultationVisit after = reading(r -> r.visit(RESIDENT_OF_NORD, id, OPENED));
        assertThat(after.whyNotAnswer()).contains("consultation.answer.already");
        assertThat(after.answered()).isTrue();
        assertThat(after.mine()).hasValueSatisfying(mine -> assertThat(mine.isSubmitted()).isTrue());

        assertThat(reading(r -> r.visit(RESIDENT_OF_SUD, id, OPENED)).whyNotAnswer())
                .contains("consultation.answer.outOfScope");
        assertThat(reading(r -> r.visit(VISITOR, id, OPENED)).whyNotAnswer())
                .contains("consultation.answer.signInFirst");
        ConsultationVisit organiser = reading(r -> r.visit(AGENT, id, OPENED));
        assertThat(organiser.whyNotAnswer()).contains("consultation.answer.residentsOnly");
        assertThat(organiser.organiser()).isTrue();
        assertThat(organiser.resultsVisible()).isTrue();
        assertThat(reading(r -> r.visit(RESIDENT_OF_NORD, id, CLOSING.plusSeconds(30L * 24 * 3600))).whyNotAnswer())
                .contains("consultation.answer.notOpen");
    }

    @Test
    void resultsAreOrganisersAloneUntilPublishedThenEveryoneSeesThePublishedQuestions() {
        long id = open(false);
        answer(RESIDENT_OF_NORD, id, "Rue des Lilas");
        answer(resident("camille", "nord"), id, "Rue du Port");

        for (Actor other : List.of(VISITOR, RESIDENT_OF_NORD, AGENT_OF_SUD)) {
            refused(() -> reading(r -> r.results(other, id)), NotAllowedException.class,
                    "consultation.results.notPublished");
        }
        VisibleResults followed = reading(r -> r.results(AGENT, id));
        assertThat(followed.organiser()).isTrue();
        assertThat(followed.sealed()).isFalse();
        assertThat(followed.responses()).isEqualTo(2);
        assertThat(questions(followed)).containsExactlyElementsOf(ALL_QUESTIONS);
        assertThat(withTexts(followed)).containsExactly("street", "idea");
        assertThat(followed.questions().get(0).results().overall().answered()).isEqualTo(2);

        consultations(c -> c.choosePublication(AGENT, id, "safety", Publication.NONE));
        consultations(c -> c.choosePublication(AGENT, id, "idea", Publication.FIGURES_AND_TEXTS));
        consultations(c -> c.closeNow(AGENT, id, CLOSING));
        refused(() -> reading(r -> r.results(VISITOR, id)), NotAllowedException.class,
                "consultation.results.notPublished");
        consultations(c -> c.publishResults(AGENT, id));

        List<String> published = ALL_QUESTIONS.stream().filter(q -> !q.equals("safety")).toList();
        for (Actor anyone : List.of(VISITOR, RESIDENT_OF_SUD, AGENT_OF_SUD)) {
            VisibleResults results = reading(r -> r.results(anyone, id));
            assertThat(results.organiser()).isFalse();
            assertThat(results.responses()).isEqualTo(2);
            assertThat(questions(results)).containsExactlyElementsOf(published);
            assertThat(withTexts(results)).containsExactly("idea");
            assertThat(results.questions()).filteredOn(q -> q.results().question().id().equals("idea"))
                    .singleElement().extracting(VisibleResults.ShownQuestion::publication)
                    .isEqualTo(Publication.FIGURES_AND_TEXTS);
        }
        VisibleResults organisers = reading(r -> r.results(OFFICE, id));
        assertThat(questions(organisers)).containsExactlyElementsOf(ALL_QUESTIONS);
        assertThat(withTexts(organisers)).containsExactly("street", "idea");
    }

    @Test
    void theResultsOfAnAnonymousConsultationAreOnlyHowManyAnsweredUntilItCloses() {
        long id = open(true);
        answer(RESIDENT_OF_NORD, id, "Rue des Lilas");
        answer(resident("camille", "nord"), id, "Rue du Port");

        VisibleResults sealed = reading(r -> r.results(AGENT, id));
        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.responses()).isEqualTo(2);
        assertThat(sealed.questions()).isEmpty();
        assertThat(texts(AGENT, id, "street", null, 0, 20)).isEqualTo(FreeTexts.NONE);
        refused(() -> reading(r -> r.responsesToExport(AGENT, id)), NotAllowedException.class,
                "consultation.organise.notAllowed");

        consultations(c -> c.closeNow(AGENT, id, CLOSING));
        VisibleResults counted = reading(r -> r.results(AGENT, id));
        assertThat(counted.sealed()).isFalse();
        assertThat(counted.responses()).isEqualTo(2);
        assertThat(questions(counted)).containsExactlyElementsOf(ALL_QUESTIONS);
        assertThat(texts(AGENT, id, "street", null, 0, 20).total()).isEqualTo(2);
    }

    @Test
    void organisersReadEveryTextAndThePublicTheApprovedOnesOfQuestionsPublishedWithTexts() {
        long id = open(false);
        answer(RESIDENT_OF_NORD, id, "Rue des Lilas");
        answer(resident("camille", "nord"), id, "Rue du Port");
        answer(resident("dominique", "nord"), id, "Place des Lilas");

        FreeTexts firstPage = texts(AGENT, id, "street", null, 0, 2);
        assertThat(shown(firstPage)).containsExactly("Rue des Lilas", "Rue du Port");
        assertThat(firstPage.total()).isEqualTo(3);
        assertThat(shown(texts(AGENT, id, "street", null, 2, 2))).containsExactly("Place des Lilas");
        FreeTexts lilas = texts(AGENT, id, "street", "LILAS", 0, 20);
        assertThat(shown(lilas)).containsExactly("Rue des Lilas", "Place des Lilas");
        assertThat(lilas.total()).isEqualTo(2);
        assertThat(lilas.answers()).noneMatch(TextAnswer::approved);
        refused(() -> texts(VISITOR, id, "street", null, 0, 20), NotAllowedException.class,
                "consultation.results.notPublished");

        TextAnswer port = firstPage.answers().get(1);
        db().inTransaction(em -> {
            new ResponseService(em, SealsForTests.SEAL).approveText(AGENT, id, port.responseId(), port.position(), true);
            return null;
        });
        consultations(c -> c.choosePublication(AGENT, id, "street", Publication.FIGURES_AND_TEXTS));
        closeAndPublish(id);

        FreeTexts published = texts(VISITOR, id, "street", null, 0, 20);
        assertThat(shown(published)).containsExactly("Rue du Port");
        assertThat(published.total()).isEqualTo(1);
        assertThat(texts(AGENT, id, "street", null, 0, 20).total()).isEqualTo(3);
        assertThat(texts(VISITOR, id, "idea", null, 0, 20)).isEqualTo(FreeTexts.NONE);
        assertThat(texts(AGENT, id, "idea", null, 0, 20).total()).isEqualTo(3);
        assertThat(texts(AGENT, id, "cycles", null, 0, 20)).isEqualTo(FreeTexts.NONE);
        assertThat(texts(AGENT, id, "nothing", null, 0, 20)).isEqualTo(FreeTexts.NONE);
    }

    @Test
    void aPublishedTextIsReportedHiddenByTheThresholdAndShownAgainByAModerator() {
        long id = open(false);
        answer(RESIDENT_OF_NORD, id, "Rue des Lilas, appelez Paul au 06 12 34 56 78");
        answer(resident("camille", "nord"), id, "Rue du Port");
        List<TextAnswer> all = texts(AGENT, id, "street", null, 0, 20).answers();
        for (TextAnswer text : all) {
            db().inTransaction(em -> {
                new ResponseService(em, SealsForTests.SEAL).approveText(AGENT, id, text.responseId(), text.position(), true);
                return null;
            });
        }
        long draftItem = db().inTransaction(em -> new ConsultationTextModeration(em).itemFor(all.get(0).responseId(),
                all.get(0).position()));
        ItemRef ref = new ItemRef(ItemKind.CONSULTATION_TEXT, draftItem);
        // not published yet: the public cannot read it, so cannot report it either
        refused(() -> moderation(m -> m.report(resident("eve", "sud"), ref, ReportReason.PERSONAL_DATA, null, CLOSING)),
                NotFoundException.class, "moderation.item.notFound");
        consultations(c -> c.choosePublication(AGENT, id, "street", Publication.FIGURES_AND_TEXTS));
        closeAndPublish(id);

        refused(() -> moderation(m -> m.report(RESIDENT_OF_NORD, ref, ReportReason.SPAM, null, CLOSING)),
                NotAllowedException.class, "moderation.report.own");
        for (String reporter : List.of("eve", "fanny", "gaston")) {
            moderation(m -> m.report(resident(reporter, "sud"), ref, ReportReason.PERSONAL_DATA, null, CLOSING));
        }
        assertThat(shown(texts(VISITOR, id, "street", null, 0, 20))).containsExactly("Rue du Port");
        ModerationCase held = moderation(m -> m.queue(ConsultationPersistenceContract.AGENT_OF_NORD,
                ModerationService.QueueFilter.AWAITING)).get(0);
        assertThat(held.getItem()).isEqualTo(ref);
        assertThat(held.getExcerpt()).contains("06 12 34 56 78");
        refused(() -> moderation(m -> m.hide(AGENT_OF_SUD, held.getId(), "Données personnelles", CLOSING)),
                NotAllowedException.class, "moderation.case.otherDistrict");

        moderation(m -> m.restore(MODERATOR, held.getId(), "Vérifié", CLOSING));
        assertThat(shown(texts(VISITOR, id, "street", null, 0, 20))).hasSize(2);
        moderation(m -> m.hide(MODERATOR, held.getId(), "Données personnelles", CLOSING));
        assertThat(shown(texts(VISITOR, id, "street", null, 0, 20))).containsExactly("Rue du Port");
        // the respondent is told of the decision about their text, as any author
        List<String> told = db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event) from"
                + " org.agora.notification.Notification n where n.event like 'moderation.%' order by n.id", String.class)
                .getResultList());
        assertThat(told).containsExactly(RESIDENT_OF_NORD.username() + " moderation.restored",
                RESIDENT_OF_NORD.username() + " moderation.hidden");
    }

    @Test
    void aPreModeratedConsultationHoldsCommentsUntilApprovedAndCountsItsRejections() {
        long id = open(false);
        refused(() -> consultations(c -> c.preModerate(AGENT_OF_SUD, id, true)), NotAllowedException.class,
                "consultation.organise.notAllowed");
        refused(() -> consultations(c -> c.preModerate(RESIDENT_OF_NORD, id, true)), NotAllowedException.class,
                "consultation.organise.notAllowed");
        assertThat(consultations(c -> c.preModerate(AGENT, id, true)).isPreModerated()).isTrue();

        org.agora.comment.CommentTarget target = org.agora.comment.CommentTarget.consultation(id);
        org.agora.comment.Comment kind = db().inTransaction(em -> Services.on(em).comments()
                .post(RESIDENT_OF_NORD, "Claire", target, "<p>Merci pour cette consultation</p>", OPENED));
        org.agora.comment.Comment rude = db().inTransaction(em -> Services.on(em).comments()
                .post(resident("camille", "nord"), "Camille", target, "<p>Consultation bidon</p>", OPENED));
        org.agora.comment.Comment staff = db().inTransaction(em -> Services.on(em).comments()
                .post(AGENT, "Mairie Nord", target, "<p>Réponse de la mairie</p>", OPENED));
        assertThat(kind.getVisibility().isVisible()).isFalse();
        assertThat(staff.getVisibility().isVisible()).as("staff speak for the city: not held").isTrue();

        List<ModerationCase> held = moderation(m -> m.queue(AGENT, ModerationService.QueueFilter.AWAITING));
        assertThat(held).hasSize(2).allSatisfy(c -> assertThat(c.getSpace()).contains("CONSULTATION:" + id));
        long kindCase = held.stream().filter(c -> c.getItem().id() == kind.getId()).findFirst().orElseThrow().getId();
        long rudeCase = held.stream().filter(c -> c.getItem().id() == rude.getId()).findFirst().orElseThrow().getId();
        moderation(m -> m.keep(AGENT, kindCase, null, OPENED));
        moderation(m -> m.hide(AGENT, rudeCase, "Propos irrespectueux", OPENED));
        Map<String, Long> rejections = moderation(m -> m.rejections("CONSULTATION:" + id));
        assertThat(rejections).containsExactly(Map.entry("Propos irrespectueux", 1L));
    }

    @Test
    void aTextOfAnAnonymousConsultationIsReportedToo() {
        long id = open(true);
        answer(RESIDENT_OF_NORD, id, "Appelez le 06 12 34 56 78");
        consultations(c -> c.choosePublication(AGENT, id, "street", Publication.FIGURES_AND_TEXTS));
        closeAndPublish(id);
        TextAnswer text = texts(AGENT, id, "street", null, 0, 20).answers().get(0);
        db().inTransaction(em -> {
            new ResponseService(em, SealsForTests.SEAL).approveText(AGENT, id, text.responseId(), text.position(), true);
            return null;
        });
        assertThat(text.responseId()).as("an anonymous response's random id").isGreaterThan(1L << 61);
        long item = db().inTransaction(em -> new ConsultationTextModeration(em).itemFor(text.responseId(),
                text.position()));
        long again = db().inTransaction(em -> new ConsultationTextModeration(em).itemFor(text.responseId(),
                text.position()));
        assertThat(again).isEqualTo(item);
        ModerationCase held = moderation(m -> {
            m.report(resident("eve", "sud"), new ItemRef(ItemKind.CONSULTATION_TEXT, item), ReportReason.PERSONAL_DATA,
                    null, CLOSING);
            return m.queue(AGENT, ModerationService.QueueFilter.AWAITING).get(0);
        });
        assertThat(held.getExcerpt()).isEqualTo("Appelez le 06 12 34 56 78");
        assertThat(held.getAuthor()).as("nobody").isEmpty();
        assertThatThrownBy(() -> db().inTransaction(em -> new ConsultationTextModeration(em).itemFor(text.responseId(),
                999))).isInstanceOf(NotFoundException.class);
    }

    private <T> T moderation(Function<ModerationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).sealedWith(SealsForTests.SEAL).moderation(3)));
    }

    @Test
    void organisersAloneExportTheResponsesWithTheRespondentsAndTheirDistricts() {
        long id = open(false);
        answer(RESIDENT_OF_NORD, id, "Rue des Lilas");
        answer(resident("camille", "nord"), id, "Rue du Port");

        for (Actor organiser : List.of(AGENT, OFFICE)) {
            List<SubmittedResponse> exported = new ArrayList<>();
            ResponsesExport export = reading(r -> {
                ResponsesExport read = r.responsesToExport(organiser, id);
                read.responses().forEach(exported::add);
                return read;
            });
            assertThat(export.anonymous()).isFalse();
            assertThat(export.questionnaire().questions()).hasSize(ALL_QUESTIONS.size());
            assertThat(exported).extracting(SubmittedResponse::respondent)
                    .containsExactly(Optional.of("resident"), Optional.of("camille"));
            assertThat(exported).extracting(SubmittedResponse::district)
                    .containsOnly(Optional.of(new DistrictCode("nord")));
        }
        for (Actor other : List.of(AGENT_OF_SUD, RESIDENT_OF_NORD, VISITOR)) {
            refused(() -> reading(r -> r.responsesToExport(other, id)), NotAllowedException.class,
                    "consultation.organise.notAllowed");
        }
    }

    private static Actor resident(String username, String district) {
        return ResponsePersistenceContract.resident(username, district);
    }
}
