package org.agora.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.consultation.ConsultationDraft;
import org.agora.council.CouncilDraft;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.AuditLog;
import org.agora.notification.Mail;
import org.agora.notification.NotificationKind;
import org.agora.notification.Notifications;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Newsletters against a real database, on H2 and PostgreSQL (subclasses): the recipients are the opted-in accounts
 * that match the audience by district (the register's), followed theme and participation (vote marks, answered
 * consultations, council members), counted by the query the sending uses; sending is once, the copies queued in
 * batches, one per person even when queued twice or by two instances at once (the outbox's key); agents stay in their
 * districts; a draft is never public.
 */
abstract class NewsletterPersistenceContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(SUD));

    static Actor resident(String username) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.empty(), Set.of());
    }

    private long themeA;
    private long themeB;

    /**
     * On the register: anna, ben, carl, dora in Nord, eve and fred in Sud; gus opted in without being on the register.
     * Opted in: anna, carl, dora, eve, gus (ben and fred did not: the newsletter is off by default).
     */
    @BeforeEach
    void residents() throws Exception {
        String[][] people = {{"anna", "nord"}, {"ben", "nord"}, {"carl", "nord"}, {"dora", "nord"}, {"eve", "sud"},
                {"fred", "sud"}};
        for (int i = 0; i < people.length; i++) {
            db().sql("insert into residents (id, account, district_code, enlisted_at) values (" + (i + 1) + ", '"
                    + people[i][0] + "', '" + people[i][1] + "', TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+00')");
        }
        List<Long> themes = db().inTransaction(em -> em.createQuery("select t.id from org.agora.territory.Theme t order by t.id",
                Long.class).setMaxResults(2).getResultList());
        themeA = themes.get(0);
        themeB = themes.get(1);
        optIn("anna", "fr", Set.of(themeA));
        optIn("carl", "fr", Set.of(themeB));
        optIn("dora", "en", Set.of());
        optIn("eve", "en", Set.of(themeA, themeB));
        optIn("gus", "fr", Set.of(themeA));
        // ben follows a theme and chose his language, but never opted in
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(resident("ben"), Map.of(), "fr",
                Optional.of(Set.of(themeA))));
    }

    private void optIn(String person, String language, Set<Long> themes) {
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(resident(person),
                Map.of(NotificationKind.NEWSLETTER, new NotificationKind.Choice(true, true)), language, Optional.of(themes)));
    }

    private <T> T newsletters(Function<NewsletterService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).newsletters()));
    }

    private static NewsletterText text(String subject) {
        return NewsletterText.of(subject, "<p>Bonjour <img src=x onerror=alert(1)></p>", subject + " (en)", "<p>Hello</p>");
    }

    private long draft(Actor author, Audience audience) {
        return newsletters(n -> n.create(author, text("Lettre"), audience, NOW)).getId();
    }

    private long count(Audience audience) {
        long id = draft(OFFICE, audience);
        return newsletters(n -> n.countRecipients(OFFICE, id));
    }

    private static Audience audience(Set<DistrictCode> districts, Set<Long> themes, Audience.Filter participation) {
        return new Audience(districts, themes, Optional.ofNullable(participation));
    }

    private NotificationKind.Choice newsletterChoice(String person) {
        return db().inTransaction(em -> Services.on(em).notificationCentre().preferences(resident(person))
                .choice(NotificationKind.NEWSLETTER));
    }

    private List<Newsletter> list(Actor actor) {
        return newsletters(n -> n.list(actor));
    }

    private Optional<Newsletter> published(long id) {
        return newsletters(n -> n.published(id));
    }

    private List<Newsletter> archive() {
        return newsletters(n -> n.archive(1).items());
    }

    private boolean queueBatch(int size) {
        return newsletters(n -> n.queueNextBatch(NOW, size));
    }

    private List<String> queued(long newsletter) {
        return db().inTransaction(em -> em.createQuery("select m.recipient from Mail m where m.newsletterId = :n"
                + " order by m.recipient", String.class).setParameter("n", newsletter).getResultList());
    }

    private List<Mail> allMails() {
        return db().inTransaction(em -> em.createQuery("select m from Mail m order by m.id", Mail.class).getResultList());
    }

    private void queueEverything(int batch) {
        while (newsletters(n -> n.queueNextBatch(NOW, batch))) {
            // one batch, one transaction
        }
    }

    // --- who receives it ---

    @Test
    void onlyResidentsWhoOptedInAreCountedAndTheInAppChoiceIsNeverKept() {
        assertThat(count(Audience.WHOLE_CITY)).isEqualTo(5);
        assertThat(newsletterChoice("anna")).isEqualTo(new NotificationKind.Choice(false, true));
        assertThat(newsletterChoice("ben")).isEqualTo(new NotificationKind.Choice(false, false));
    }

    @Test
    void districtsAreTheRegistersAndSomeoneNotOnItMatchesNoDistrict() {
        assertThat(count(audience(Set.of(NORD), Set.of(), null))).isEqualTo(3); // anna, carl, dora
        assertThat(count(audience(Set.of(NORD, SUD), Set.of(), null))).isEqualTo(4); // and eve; not gus
    }

    @Test
    void themesAndDistrictsCombineWithAnd() {
        assertThat(count(audience(Set.of(), Set.of(themeA), null))).isEqualTo(3); // anna, eve, gus (not ben)
        assertThat(count(audience(Set.of(), Set.of(themeA, themeB), null))).isEqualTo(4); // and carl
        assertThat(count(audience(Set.of(NORD), Set.of(themeA), null))).isEqualTo(1); // anna
        assertThat(count(audience(Set.of(SUD), Set.of(themeB), null))).isEqualTo(1); // eve
    }

    @Test
    void participationIsReadFromWhoVotedAnsweredOrIsAMember() throws Exception {
        // a budget call in which anna and eve voted (on the register of who voted, never what they chose)
        long call = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE,
                BudgetCallPersistenceContract.approvalCall())).getId();
        long nordEnvelope = db().inTransaction(em -> Services.on(em).budget().getCall(call)
                .findEnvelope(Optional.of(NORD)).orElseThrow().getId());
        long sudEnvelope = db().inTransaction(em -> Services.on(em).budget().getCall(call)
                .findEnvelope(Optional.of(SUD)).orElseThrow().getId());
        db().sql("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) values (" + call
                + ", 'DISTRICT', 1, " + nordEnvelope + ", 'ONLINE')");
        db().sql("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) values (" + call
                + ", 'DISTRICT', 5, " + sudEnvelope + ", 'PAPER')");
        db().sql("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) values (" + call
                + ", 'DISTRICT', 2, " + nordEnvelope + ", 'DESK')"); // ben voted, but did not opt in
        Audience.Filter voted = new Audience.Filter(Participation.VOTED_IN_CALL, call);
        assertThat(count(audience(Set.of(), Set.of(), voted))).isEqualTo(2);
        assertThat(count(audience(Set.of(NORD), Set.of(), voted))).isEqualTo(1);

        // a consultation that carl and gus answered
        long consultation = db().inTransaction(em -> Services.on(em).consultations().create(OFFICE,
                new ConsultationDraft("Le vélo", "<p>Votre avis</p>", null, null, NOW.plusSeconds(3600),
                        NOW.plusSeconds(7200), false, true))).getId();
        db().sql("insert into consultation_participations (consultation_id, respondent) values (" + consultation + ", 'carl')");
        db().sql("insert into consultation_participations (consultation_id, respondent) values (" + consultation + ", 'gus')");
        Audience.Filter answered = new Audience.Filter(Participation.ANSWERED_CONSULTATION, consultation);
        assertThat(count(audience(Set.of(), Set.of(), answered))).isEqualTo(2);
        assertThat(count(audience(Set.of(), Set.of(themeA), answered))).isEqualTo(1); // gus

        // a council that dora joined and anna left
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        long council = db().inTransaction(em -> Services.on(em).councils().create(OFFICE, aubiers,
                new CouncilDraft("Conseil des Aubiers", "<p>Bienvenue</p>", null, false, List.of()), NOW)).getId();
        for (String member : List.of("dora", "anna")) {
            db().inTransaction(em -> Services.on(em).councils().join(resident(member), council, member, NOW));
        }
        db().inTransaction(em -> {
            Services.on(em).councils().leave(resident("anna"), council, NOW);
            return null;
        });
        assertThat(count(audience(Set.of(), Set.of(), new Audience.Filter(Participation.COUNCIL_MEMBER, council)))).isEqualTo(1);
    }

    @Test
    void unknownDistrictsThemesOrTargetsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> draft(OFFICE, audience(Set.of(new DistrictCode("atlantide")), Set.of(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("newsletter.audience.districtUnknown");
        assertThatThrownBy(() -> draft(OFFICE, audience(Set.of(), Set.of(987654L), null)))
                .hasMessageContaining("newsletter.audience.themeUnknown");
        assertThatThrownBy(() -> draft(OFFICE, audience(Set.of(), Set.of(), new Audience.Filter(Participation.VOTED_IN_CALL, 987654L))))
                .hasMessageContaining("newsletter.audience.participationUnknown");
        assertThat(list(OFFICE)).isEmpty();
    }

    // --- sending ---

    @Test
    void sendingQueuesInBatchesTheVeryPeopleTheCountAnnouncedEachInTheAuditLog() {
        long id = draft(OFFICE, audience(Set.of(NORD, SUD), Set.of(), null));
        long announced = newsletters(n -> n.countRecipients(OFFICE, id));
        newsletters(n -> n.send(OFFICE, id, NOW));
        assertThat(queued(id)).isEmpty(); // sending only marks it: the batches come after, one transaction each

        assertThat(queueBatch(2)).isTrue();
        assertThat(queued(id)).containsExactly("anna", "carl");
        queueEverything(2);
        assertThat(queued(id)).hasSize((int) announced).containsExactly("anna", "carl", "dora", "eve");
        Newsletter sent = newsletters(n -> n.get(OFFICE, id));
        assertThat(sent.isFullyQueued()).isTrue();
        assertThat(sent.getQueuedCount()).isEqualTo(4);
        assertThat(allMails()).allSatisfy(m -> {
            assertThat(m.getKind()).isEqualTo(NotificationKind.NEWSLETTER);
            assertThat(m.getEvent()).isEqualTo(Notifications.NEWSLETTER_EVENT);
            assertThat(m.notice().link()).isEqualTo("/newsletters/view.xhtml?id=" + id);
        });
        List<AuditEntry> audit = db().inTransaction(em -> new AuditLog(em).read(OFFICE, AuditLog.Filter.ALL));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.NEWSLETTER_SENT);
            assertThat(e.getActor()).isEqualTo("officeadmin");
            assertThat(e.getSubject()).isEqualTo(String.valueOf(id));
        });
    }

    @Test
    void aSecondSendIsRefusedAndNobodyGetsTwoCopiesWhoeverQueuesThem() throws Exception {
        long id = draft(OFFICE, Audience.WHOLE_CITY);
        newsletters(n -> n.send(OFFICE, id, NOW));
        assertThatThrownBy(() -> newsletters(n -> n.send(OFFICE, id, NOW.plusSeconds(1))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("newsletter.alreadySent");
        assertThatThrownBy(() -> newsletters(n -> n.edit(OFFICE, id, text("Autre"), Audience.WHOLE_CITY, NOW)))
                .isInstanceOf(ConflictException.class);

        // two instances queue at once, batch after batch
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> queueEverything(1));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> queueEverything(1));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        queueEverything(500); // a later round finds nothing left
        assertThat(queued(id)).containsExactly("anna", "carl", "dora", "eve", "gus");

        // the outbox's key itself refuses a second copy, whoever would queue it
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Services.on(em).notifications().queueNewsletter(id, List.of("anna"), "/x", NOW);
            em.flush();
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(queued(id)).containsExactly("anna", "carl", "dora", "eve", "gus");
    }

    @Test
    void someoneWhoUnsubscribedIsNoLongerCounted() {
        String token = Services.TEST_LINKS.sign("anna", NotificationKind.NEWSLETTER);
        db().inTransaction(em -> Services.on(em).notificationCentre().unsubscribe(token));
        assertThat(count(audience(Set.of(NORD), Set.of(), null))).isEqualTo(2);
    }

    @Test
    void aTestSendGoesToItsAuthorOnlyAndTheDraftStaysPrivate() {
        long id = draft(AGENT_OF_NORD, audience(Set.of(NORD), Set.of(), null));
        newsletters(n -> n.testSend(AGENT_OF_NORD, id, NOW));
        assertThat(allMails()).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("agent");
            assertThat(m.getEvent()).isEqualTo(Notifications.NEWSLETTER_TEST_EVENT);
            assertThat(m.getNewsletterId()).isEmpty();
        });
        newsletters(n -> n.testSend(AGENT_OF_NORD, id, NOW)); // a second test is fine
        assertThat(published(id)).isEmpty();
        assertThat(archive()).isEmpty();
        assertThat(newsletters(n -> n.get(AGENT_OF_NORD, id)).getStatus()).isEqualTo(NewsletterStatus.DRAFT);

        newsletters(n -> n.send(AGENT_OF_NORD, id, NOW));
        assertThat(published(id)).isPresent();
        assertThat(archive()).extracting(Newsletter::getId).containsExactly(id);
        // the body as stored is sanitized
        assertThat(published(id).orElseThrow().getText().bodyFr()).doesNotContain("onerror").doesNotContain("<img");
    }

    // --- agents stay in their districts ---

    @Test
    void anAgentOfAnotherDistrictIsRefusedEverythingAndNothingIsQueued() {
        assertThatThrownBy(() -> draft(AGENT_OF_SUD, audience(Set.of(NORD), Set.of(), null)))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("newsletter.otherDistrict");
        assertThatThrownBy(() -> draft(AGENT_OF_NORD, Audience.WHOLE_CITY))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("newsletter.cityWideForOffice");
        long nord = draft(AGENT_OF_NORD, audience(Set.of(NORD), Set.of(), null));
        long city = draft(OFFICE, Audience.WHOLE_CITY);
        for (long id : new long[]{nord, city}) {
            assertThatThrownBy(() -> newsletters(n -> n.send(AGENT_OF_SUD, id, NOW))).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> newsletters(n -> n.countRecipients(AGENT_OF_SUD, id))).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> newsletters(n -> n.testSend(AGENT_OF_SUD, id, NOW))).isInstanceOf(NotAllowedException.class);
        }
        assertThatThrownBy(() -> newsletters(n -> n.send(AGENT_OF_NORD, city, NOW))).isInstanceOf(NotAllowedException.class);
        // nor may an agent widen their own draft to another district
        assertThatThrownBy(() -> newsletters(n -> n.edit(AGENT_OF_NORD, nord, text("Lettre"), audience(Set.of(NORD, SUD), Set.of(), null), NOW)))
                .isInstanceOf(NotAllowedException.class);
        queueEverything(500);
        assertThat(allMails()).isEmpty();
        assertThat(list(AGENT_OF_SUD)).isEmpty();
        assertThat(list(AGENT_OF_NORD)).extracting(Newsletter::getId).containsExactly(nord);
        assertThat(list(OFFICE)).hasSize(2);
        assertThatThrownBy(() -> newsletters(n -> n.list(resident("anna")))).isInstanceOf(NotAllowedException.class);
    }
}
