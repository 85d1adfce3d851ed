package org.agora.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.ProjectDraft;
import org.agora.comment.CommentTarget;
import org.agora.consultation.Answer;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.council.CouncilDraft;
import org.agora.council.MeetingDraft;
import org.agora.kpi.KpiReport.ConsultationLine;
import org.agora.kpi.KpiReport.EnvelopeLine;
import org.agora.kpi.Participant.Capability;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationCase;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPIs of March 2027 on a small data set made through the capabilities' services, each figure worked out by hand
 * in the comments; run on H2 and PostgreSQL by the subclasses.
 *
 * <p>The people, all on the register: alice (Nord, born 1990), bruno (Nord, 1990), chloe (Nord, 2000), enlisted on
 * 1 March; david (Sud, 1950) and emma (Sud, no birth year), enlisted on 9 March; gaston (Nord, 1980), enlisted in
 * February, who does nothing. What they do in March:
 * <ul>
 *   <li>consultation of Nord (two questions): alice answers both (3 March), chloe the first only (10 March), bruno
 *       saves a draft (4 March) and never sends it; emma answers an anonymous city-wide consultation (6 March), counted
 *       when it closes (21 March);</li>
 *   <li>budget call (submission 1-11 March, review 11-16, vote 17-26): alice proposes P1 and chloe P2 in Nord, david
 *       P3 in Sud; bruno and chloe support P1, bruno P2, emma P3; P1 feasible and on the ballot, P2 not feasible;
 *       alice votes online, bruno at the desk, chloe on paper; P1 wins and is delivered;</li>
 *   <li>bruno comments on P1 (5 March); alice reports it at 08:00 on 6 March, david at 10:00, a moderator hides it at
 *       11:00 (three hours after the first report);</li>
 *   <li>the council of Les Aubiers (Nord, led by alice): bruno joins (3 March); a meeting on 13 March, chloe registers
 *       (7 March), seven people attend.</li>
 * </ul>
 */
abstract class KpiPersistenceContract extends DatabaseTest {

    static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z"); // a Monday: ISO week 2027-W09
    static final LocalDate FIRST = LocalDate.of(2027, 3, 1);
    static final LocalDate LAST = LocalDate.of(2027, 3, 31);
    static final Instant AFTER = day(40);
    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(SUD));
    static final Actor ALICE = resident("alice", NORD, 1990);
    static final Actor BRUNO = resident("bruno", NORD, 1990);
    static final Actor CHLOE = resident("chloe", NORD, 2000);
    static final Actor DAVID = resident("david", SUD, 1950);
    static final Actor EMMA = resident("emma", SUD, null);
    static final Actor GASTON = resident("gaston", NORD, 1980);

    private long consultation;
    private long anonymous;
    private long davidId;
    private long chloeId;
    private long p3;
    private long nordEnvelope;
    private long sudEnvelope;

    static Actor resident(String username, DistrictCode district, Integer birthYear) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(district), Set.of(), Optional.ofNullable(birthYear));
    }

    static Instant day(int n) {
        return MARCH.plusSeconds(86_400L * n);
    }

    private <T> T with(Function<Services, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em)));
    }

    private long enlist(Actor person, Instant at) {
        return with(s -> s.register().enlisted(person, Optional.of(person.username()), at)).getId();
    }

    @BeforeEach
    void marchInBelrive() {
        enlist(GASTON, Instant.parse("2027-02-15T10:00:00Z"));
        long aliceId = enlist(ALICE, day(0));
        long brunoId = enlist(BRUNO, day(0));
        chloeId = enlist(CHLOE, day(0));
        davidId = enlist(DAVID, day(8));
        enlist(EMMA, day(8));

        // the consultation
        consultation = with(s -> s.consultations().create(AGENT_OF_NORD, new ConsultationDraft("Vélo à Nord",
                "Vos trajets.", null, "nord", day(1), day(20), false, false))).getId();
        List<Question> questions = List.of(
                new Question.SingleChoice(Question.Common.of("cycles", "Faites-vous du vélo ?", false),
                        List.of(new Option("yes", "Oui"), new Option("no", "Non"))),
                new Question.FreeText(Question.Common.of("idea", "Une idée ?", false), false));
        with(s -> s.consultations().replaceQuestions(AGENT_OF_NORD, consultation, questions));
        with(s -> s.consultations().schedule(AGENT_OF_NORD, consultation, day(0)));
        with(s -> s.consultations().applySchedule(day(1)));
        with(s -> s.responses().submit(ALICE, consultation, Map.of("cycles", new Answer.Choices(Set.of("yes")),
                "idea", new Answer.Text("Des arceaux")), day(2)));
        with(s -> s.responses().saveDraft(BRUNO, consultation, Map.of("cycles", new Answer.Choices(Set.of("no"))),
                day(3)));
        with(s -> s.responses().submit(CHLOE, consultation, Map.of("cycles", new Answer.Choices(Set.of("no"))),
                day(9)));

        // an anonymous city-wide consultation: emma answers (6 March), it closes on 21 March and is counted
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        org.agora.consultation.ResponseSeal seal = org.agora.consultation.ResponseSeal.fromBase64(
                java.util.Base64.getEncoder().encodeToString(key));
        anonymous = db().inTransaction(em -> Services.on(em).sealedWith(seal).consultations().create(OFFICE,
                new ConsultationDraft("Sondage anonyme", "Sans nom.", null, null, day(1), day(25), true, false))).getId();
        db().inTransaction(em -> Services.on(em).sealedWith(seal).consultations().replaceQuestions(OFFICE, anonymous,
                questions));
        db().inTransaction(em -> Services.on(em).sealedWith(seal).consultations().schedule(OFFICE, anonymous, day(0)));
        db().inTransaction(em -> Services.on(em).sealedWith(seal).consultations().applySchedule(day(1)));
        db().inTransaction(em -> Services.on(em).sealedWith(seal).responses().submit(EMMA, anonymous,
                Map.of("cycles", new Answer.Choices(Set.of("yes"))), day(5)));
        db().inTransaction(em -> Services.on(em).sealedWith(seal).consultations().closeNow(OFFICE, anonymous, day(20)));

        // the budget call
        PhasePlan phases = new PhasePlan(new Period(day(0), day(10)), new Period(day(10), day(15)),
                new Period(day(16), day(25)), day(26), day(40));
        long call = with(s -> s.budget().createCall(OFFICE, new BudgetCallDraft("Budget 2027", 2027, 200_000,
                List.of(new EnvelopeDraft("nord", 100_000), new EnvelopeDraft("sud", 100_000)), phases,
                new VotingRule.Knapsack(), TallyRule.GREEDY, null))).getId();
        nordEnvelope = with(s -> s.budget().getCall(call).findEnvelope(Optional.of(NORD)).orElseThrow().getId());
        sudEnvelope = with(s -> s.budget().getCall(call).findEnvelope(Optional.of(SUD)).orElseThrow().getId());
        long p1 = project(ALICE, nordEnvelope, "Un jardin partagé", day(2));
        long p2 = project(CHLOE, nordEnvelope, "Une piscine", day(3));
        project(DAVID, sudEnvelope, "Des bancs", day(2)); // P3
        p3 = with(s -> s.projects().mine(DAVID).get(0).getId());
        support(BRUNO, p1);
        support(CHLOE, p1);
        support(BRUNO, p2);
        support(EMMA, p3);
        with(s -> s.reviews().markFeasible(AGENT_OF_NORD, p1, null, null, day(11)));
        with(s -> s.reviews().markNotFeasible(AGENT_OF_NORD, p2, "Trop cher", day(11)));
        with(s -> s.reviews().putOnBallot(AGENT_OF_NORD, p1, true, day(12)));
        Ballot forGarden = new Ballot.Approval(Set.of(new ProjectId(String.valueOf(p1))));
        with(s -> {
            s.voting().cast(ALICE, nordEnvelope, forGarden, day(17));
            return null;
        });
        with(s -> {
            s.voting().castAtDesk(AGENT_OF_NORD, brunoId, nordEnvelope, forGarden, day(18));
            return null;
        });
        with(s -> {
            s.voting().markPaperVoter(AGENT_OF_NORD, chloeId, nordEnvelope, day(18));
            return null;
        });

        // the count: P1 wins (the only project on the ballot); its follow-up starts and it is delivered in April
        with(s -> s.followUps().start(AGENT_OF_NORD, nordEnvelope, day(27)));
        with(s -> s.followUps().changeStatus(AGENT_OF_NORD, p1, org.agora.budget.followup.FollowUpStatus.DELIVERED,
                100, null, day(32)));

        // a comment, reported twice, hidden
        long comment = with(s -> s.comments().post(BRUNO, "bruno", CommentTarget.budgetProject(p1), "Bonne idée", day(4)))
                .getId();
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment);
        moderation(m -> m.report(ALICE, item, ReportReason.SPAM, null, day(5)));
        moderation(m -> m.report(DAVID, item, ReportReason.OFFENSIVE, null, day(5).plusSeconds(7_200)));
        ModerationCase reported = moderation(m -> m.queue(MODERATOR, ModerationService.QueueFilter.AWAITING)).get(0);
        moderation(m -> m.hide(MODERATOR, reported.getId(), "Hors sujet", day(5).plusSeconds(10_800)));

        // the council
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        long council = with(s -> s.councils().create(AGENT_OF_NORD, aubiers, new CouncilDraft("Conseil des Aubiers",
                "<p>Bienvenue</p>", "conseil@belrive.example", false, List.of("alice")), day(0))).getId();
        with(s -> s.councils().join(BRUNO, council, "bruno", day(2)));
        long meeting = with(s -> s.meetings().schedule(ALICE, council, new MeetingDraft("Réunion de mars", day(12), 90,
                "Salle des fêtes", null, "Ordre du jour", false, null), day(1))).getId();
        with(s -> s.meetings().register(CHLOE, meeting, "chloe", day(6)));
        with(s -> s.meetings().publishMinutes(ALICE, meeting, "Compte rendu", null, null, 7, day(13)));
        assertThat(aliceId).isPositive();
    }

    private long project(Actor author, long envelope, String title, Instant at) {
        return with(s -> s.projects().submit(author, new ProjectDraft(title, "Pour le quartier.", envelope,
                "Place du Marché", (BigDecimal) null, null, 20_000L, null), at)).getId();
    }

    private void support(Actor supporter, long project) {
        with(s -> {
            s.projects().support(supporter, project, day(3));
            return null;
        });
    }

    private <T> T moderation(Function<ModerationService, T> work) {
        return with(s -> work.apply(s.moderation(3)));
    }

    private KpiReport figures(Actor actor, KpiQuery query) {
        return figures(actor, query, KpiService.DEFAULT_MASK_THRESHOLD);
    }

    private KpiReport figures(Actor actor, KpiQuery query, int threshold) {
        return db().inTransaction(em -> new KpiService(em, threshold).figures(actor, query, AFTER));
    }

    @Test
    void theCityInMarchCountsFiveParticipants() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        assertThat(report.definition().version()).isEqualTo(1);
        // six accounts on the register by the end of March (gaston since February); five of them new in March
        assertThat(report.participation().registeredResidents()).isEqualTo(6);
        assertThat(report.participation().newRegistrations()).extracting(KpiReport.WeekCount::week, KpiReport.WeekCount::count)
                .containsExactly(tuple("2027-W09", 3L), tuple("2027-W10", 2L), tuple("2027-W11", 0L), tuple("2027-W12", 0L),
                        tuple("2027-W13", 0L));
        // alice, bruno, chloe, david, emma: gaston did nothing, bruno's draft alone would not count
        assertThat(report.participation().participants()).isEqualTo(5);
        assertThat(report.participation().byCapability()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Capability.CONSULTATION, 2L,     // alice, chloe
                Capability.BUDGET_PROJECT, 5L,   // alice, chloe, david propose; bruno, chloe, emma support
                Capability.BUDGET_VOTE, 3L,      // alice online, bruno at the desk, chloe on paper
                Capability.COMMENT, 1L,          // bruno
                Capability.COUNCIL, 2L));        // bruno joined, chloe registered
        // dated acts only: W09 alice, chloe, david, bruno; W10 chloe's response
        assertThat(report.weeklyParticipants()).extracting(KpiReport.WeekCount::count).containsExactly(4L, 1L, 0L, 0L, 0L);
        assertThat(report.weeklyParticipants().get(0).monday()).isEqualTo(FIRST);
    }

    @Test
    void consultationResponsesCompletionAndAnswersPerQuestion() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        ConsultationLine line = report.consultations().stream().filter(c -> c.id() == consultation).findFirst().orElseThrow();
        assertThat(line.responses()).isEqualTo(2);          // alice, chloe
        assertThat(line.started()).isEqualTo(3L);           // and bruno's draft
        assertThat(line.completionRate()).isEqualByComparingTo("66.67");
        assertThat(line.questions()).extracting(KpiReport.QuestionLine::code, KpiReport.QuestionLine::answers)
                .containsExactly(tuple("cycles", 2L), tuple("idea", 1L));
        assertThat(line.district()).contains("nord");
    }

    @Test
    void anAnonymousResponseCountsAsAResponseButMakesNoParticipant() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        ConsultationLine line = report.consultations().stream().filter(c -> c.id() == anonymous).findFirst().orElseThrow();
        assertThat(line.anonymous()).isTrue();
        assertThat(line.responses()).isEqualTo(1);
        assertThat(line.district()).isEmpty();
        // no draft on the server for an anonymous consultation: no figure rather than an invented one
        assertThat(line.started()).isNull();
        assertThat(line.completionRate()).isNull();
        assertThat(line.questions()).extracting(KpiReport.QuestionLine::answers).containsExactly(1L, 0L);
        // emma took part through her support of P3 only; the consultations' participants are alice and chloe
        assertThat(report.participation().byCapability()).containsEntry(Capability.CONSULTATION, 2L);
    }

    @Test
    void envelopesCountProjectsSupportsBallotsPerChannelAndTurnout() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        EnvelopeLine nord = report.envelopes().stream().filter(e -> e.district().equals(Optional.of("nord")))
                .findFirst().orElseThrow();
        assertThat(List.of(nord.submitted(), nord.feasible(), nord.onBallot(), nord.selected(), nord.supports()))
                .containsExactly(2L, 1L, 1L, 1L, 3L);
        assertThat(List.of(nord.online(), nord.desk(), nord.paper(), nord.ballots())).containsExactly(1L, 1L, 1L, 3L);
        // three ballots: of the four accounts of Nord, of its 61,500 inhabitants
        assertThat(nord.registered()).isEqualTo(4);
        assertThat(nord.turnoutOfRegistered()).isEqualByComparingTo("75.00");
        assertThat(nord.population()).isEqualTo(61_500);
        assertThat(nord.turnoutOfPopulation()).isEqualByComparingTo("0.00");
        assertThat(nord.delivered()).isEqualTo(1);

        EnvelopeLine sud = report.envelopes().stream().filter(e -> e.district().equals(Optional.of("sud")))
                .findFirst().orElseThrow();
        assertThat(List.of(sud.submitted(), sud.feasible(), sud.supports(), sud.ballots(), sud.registered()))
                .containsExactly(1L, 0L, 1L, 0L, 2L);
        assertThat(sud.turnoutOfRegistered()).isEqualByComparingTo("0.00");
    }

    @Test
    void moderationAndCouncils() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        assertThat(report.moderation().comments()).isEqualTo(1);
        assertThat(report.moderation().reports()).isEqualTo(2);
        assertThat(report.moderation().hidden()).isEqualTo(1);
        assertThat(report.moderation().decided()).isEqualTo(1);
        assertThat(report.moderation().medianDelay()).contains(Duration.ofHours(3));

        assertThat(report.councils().councils()).isEqualTo(1);
        assertThat(report.councils().members()).isEqualTo(1);       // bruno; alice leads
        assertThat(report.councils().meetingsHeld()).isEqualTo(1);
        assertThat(report.councils().registrations()).isEqualTo(1); // chloe
        assertThat(report.councils().attendance()).isEqualTo(7);
    }

    @Test
    void perThousandInhabitantsAndTheMaskedBreakdown() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));

        // Nord: 3 participants for 61,500 inhabitants; Sud: 2 for 57,900
        assertThat(report.districts()).filteredOn(d -> d.code().equals("nord")).singleElement()
                .satisfies(d -> assertThat(d.perThousand()).isEqualByComparingTo("0.05"))
                .satisfies(d -> assertThat(d.participants()).isEqualTo(3));
        assertThat(report.districts()).filteredOn(d -> d.code().equals("sud")).singleElement()
                .satisfies(d -> assertThat(d.perThousand()).isEqualByComparingTo("0.03"));

        // every cell is under 5: all masked; the five participants in all are shown
        MaskedTable masked = report.ageByDistrict();
        for (int i = 0; i < masked.rows().size(); i++) {
            for (int j = 0; j < masked.columns().size(); j++) {
                assertThat(masked.cell(i, j)).isNull();
            }
        }
        assertThat(masked.total()).isEqualTo(5);

        // at a threshold of 1 only the zeros are masked: alice and bruno 35-49 in Nord, chloe 25-34, david 65+,
        // emma unknown in Sud
        MaskedTable open = figures(ANALYST, KpiQuery.city(FIRST, LAST), 1).ageByDistrict();
        int nord = open.columns().indexOf("nord");
        int sud = open.columns().indexOf("sud");
        assertThat(open.cell(AgeBand.FROM_35_TO_49.ordinal(), nord)).isEqualTo(2);
        assertThat(open.cell(AgeBand.FROM_25_TO_34.ordinal(), nord)).isEqualTo(1);
        assertThat(open.cell(AgeBand.FROM_65.ordinal(), sud)).isEqualTo(1);
        assertThat(open.cell(AgeBand.UNKNOWN.ordinal(), sud)).isEqualTo(1);
        assertThat(open.columnTotal(nord)).isEqualTo(3);
        assertThat(open.total()).isEqualTo(5);
    }

    @Test
    void aDistrictCountsItsResidentsAndItsOwnSpaces() {
        KpiReport report = figures(AGENT_OF_NORD, KpiQuery.city(FIRST, LAST).inDistrict(NORD));

        assertThat(report.participation().registeredResidents()).isEqualTo(4); // alice, bruno, chloe, gaston
        assertThat(report.participation().participants()).isEqualTo(3);        // alice, bruno, chloe
        assertThat(report.participation().byCapability()).containsEntry(Capability.BUDGET_PROJECT, 3L);
        assertThat(report.envelopes()).extracting(EnvelopeLine::district).containsExactly(Optional.of("nord"));
        assertThat(report.districts()).extracting(KpiReport.DistrictRate::code).containsExactly("nord");
        assertThat(report.moderation().reports()).isEqualTo(2); // the comment on a project of Nord

        KpiReport sud = figures(AGENT_OF_SUD, KpiQuery.city(FIRST, LAST).inDistrict(SUD));
        assertThat(sud.consultations()).isEmpty();
        assertThat(sud.councils().councils()).isZero();
        assertThat(sud.moderation().comments()).isZero();
        assertThat(sud.participation().participants()).isEqualTo(2); // david, emma
    }

    @Test
    void someoneNotOnTheRegisterCountsInTheDistrictTheirResponseRecorded() {
        Actor hugo = resident("hugo", NORD, 1985); // answers through the API, never signed in to a page
        with(s -> s.responses().submit(hugo, consultation, Map.of("cycles", new Answer.Choices(Set.of("yes"))), day(10)));

        KpiReport nord = figures(AGENT_OF_NORD, KpiQuery.city(FIRST, LAST).inDistrict(NORD));
        assertThat(nord.participation().participants()).isEqualTo(4);         // alice, bruno, chloe, hugo
        assertThat(nord.participation().registeredResidents()).isEqualTo(4);  // not an account of the register
        assertThat(nord.ageByDistrict().total()).isNull();                     // 4: under 5, masked
    }

    @Test
    void anAgentOfAnotherDistrictAResidentAndAModeratorAreRefused() {
        KpiQuery nord = KpiQuery.city(FIRST, LAST).inDistrict(NORD);
        assertThatThrownBy(() -> figures(AGENT_OF_SUD, nord)).isInstanceOf(NotAllowedException.class)
                .hasFieldOrPropertyWithValue("messageKey", "kpi.notYourDistrict");
        assertThatThrownBy(() -> figures(AGENT_OF_NORD, KpiQuery.city(FIRST, LAST)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> figures(ALICE, nord)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> figures(MODERATOR, nord)).isInstanceOf(NotAllowedException.class);
        assertThat(figures(OFFICE, nord).participation().participants()).isEqualTo(3);
    }

    @Test
    void aThemeNarrowsConsultationsAndProjects() {
        long mobility = db().inTransaction(em -> em.createQuery("select t.id from Theme t order by t.id", Long.class)
                .setMaxResults(1).getSingleResult());
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST).onTheme(mobility));
        // nothing in the data set has a theme
        assertThat(report.participation().participants()).isZero();
        assertThat(report.consultations()).isEmpty();
        assertThat(report.envelopes()).allSatisfy(e -> assertThat(e.submitted()).isZero());
    }

    @Test
    void noFigureNamesAnyone() {
        KpiReport report = figures(ANALYST, KpiQuery.city(FIRST, LAST));
        String all = report.toString();
        for (String name : List.of("alice", "bruno", "chloe", "david", "emma", "gaston", "Des arceaux")) {
            assertThat(all).doesNotContain(name);
        }
    }

    /**
     * The funnel (issue 15): the audience the instances stored for March, by hand, beside the participants counted
     * above. 1 March: all pages 40 views, 12 visitors, 3 signed in; budget pages 20/8/2 (the project page 15/7/2, the
     * list 5/4/0), consultation pages 10/5/1, council pages 4/2/1; pages about Nord 30/9/2, budget 18/6/1. 9 March: the
     * project page 25/10/4. 1 April, outside the period: 1,000 views.
     */
    @Test
    void theFunnelPutsTheAudienceBesideTheParticipants() {
        LocalDate first = LocalDate.of(2027, 3, 1);
        LocalDate ninth = LocalDate.of(2027, 3, 9);
        String all = org.agora.audience.AudienceCount.ALL;
        db().inTransaction(em -> new org.agora.audience.AudienceCounts(em).add(List.of(
                audience(first, all, all, all, 40, 12, 3),
                audience(first, all, "BUDGET", all, 20, 8, 2),
                audience(first, all, "CONSULTATION", all, 10, 5, 1),
                audience(first, all, "COUNCIL", all, 4, 2, 1),
                audience(first, "/budget/project.xhtml", "BUDGET", all, 15, 7, 2),
                audience(first, "/budget/projects.xhtml", "BUDGET", all, 5, 4, 0),
                audience(first, "/consultations/view.xhtml", "CONSULTATION", all, 10, 5, 1),
                audience(first, "/councils/view.xhtml", "COUNCIL", all, 4, 2, 1),
                audience(ninth, all, all, all, 25, 10, 4),
                audience(ninth, all, "BUDGET", all, 25, 10, 4),
                audience(ninth, "/budget/project.xhtml", "BUDGET", all, 25, 10, 4),
                audience(first, all, all, "nord", 30, 9, 2),
                audience(first, all, "BUDGET", "nord", 18, 6, 1),
                audience(LocalDate.of(2027, 4, 1), all, all, all, 1000, 500, 50))));

        KpiReport.Audience city = figures(ANALYST, KpiQuery.city(FIRST, LAST)).audience();

        // all pages: 65 views, 22 visitors (a visitor counts once a day), 7 signed in; the five participants
        assertThat(city.total()).contains(new KpiReport.FunnelLine(Optional.empty(), 65, 22, 7, 5L));
        Map<String, KpiReport.FunnelLine> lines = new java.util.HashMap<>();
        city.funnel().forEach(f -> lines.put(f.capability().map(Enum::name).orElse("*"), f));
        assertThat(lines).hasSize(1 + org.agora.audience.PageCapability.values().length);
        // consultation pages lead to responses (alice, chloe); budget pages to proposals, supports and ballots (alice,
        // bruno, chloe, david, emma); council pages to joining and registering (bruno, chloe); the home page to nothing
        assertThat(lines.get("CONSULTATION")).isEqualTo(line("CONSULTATION", 10, 5, 1, 2L));
        assertThat(lines.get("BUDGET")).isEqualTo(line("BUDGET", 45, 18, 6, 5L));
        assertThat(lines.get("COUNCIL")).isEqualTo(line("COUNCIL", 4, 2, 1, 2L));
        assertThat(lines.get("HOME")).isEqualTo(line("HOME", 0, 0, 0, null));
        assertThat(city.pages()).extracting(KpiReport.PageLine::page, KpiReport.PageLine::views,
                KpiReport.PageLine::visitors).containsExactly(tuple("/budget/project.xhtml", 40L, 17L),
                tuple("/consultations/view.xhtml", 10L, 5L), tuple("/budget/projects.xhtml", 5L, 4L),
                tuple("/councils/view.xhtml", 4L, 2L));
        assertThat(city.weeks()).extracting(KpiReport.WeekVisits::week, KpiReport.WeekVisits::views,
                KpiReport.WeekVisits::visitors, KpiReport.WeekVisits::signedInVisitors).containsExactly(
                tuple("2027-W09", 40L, 12L, 3L), tuple("2027-W10", 25L, 10L, 4L), tuple("2027-W11", 0L, 0L, 0L),
                tuple("2027-W12", 0L, 0L, 0L), tuple("2027-W13", 0L, 0L, 0L));

        // Nord: the pages about Nord, beside Nord's residents who took part (alice, bruno, chloe)
        KpiReport.Audience nord = figures(AGENT_OF_NORD, KpiQuery.city(FIRST, LAST).inDistrict(NORD)).audience();
        assertThat(nord.total()).contains(new KpiReport.FunnelLine(Optional.empty(), 30, 9, 2, 3L));
        assertThat(nord.funnel()).filteredOn(f -> f.capability().map(c -> c.name().equals("BUDGET")).orElse(false))
                .containsExactly(line("BUDGET", 18, 6, 1, 3L));
        assertThat(nord.pages()).isEmpty();
    }

    private static org.agora.audience.AudienceCount audience(LocalDate day, String page, String capability,
                                                             String district, long views, long visitors, long signedIn) {
        return new org.agora.audience.AudienceCount(day, page, capability, district, views, visitors, signedIn);
    }

    private static KpiReport.FunnelLine line(String capability, long views, long visitors, long signedIn, Long participants) {
        return new KpiReport.FunnelLine(Optional.of(org.agora.audience.PageCapability.valueOf(capability)), views, visitors,
                signedIn, participants);
    }

    // --- the kept participation (V33): the same figures as the sources, before and after a refresh ---

    private static final List<KpiQuery> QUERIES = List.of(KpiQuery.city(FIRST, LAST),
            KpiQuery.city(FIRST, LAST).inDistrict(NORD), KpiQuery.city(FIRST, LAST).inDistrict(SUD),
            KpiQuery.city(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 9)),
            KpiQuery.city(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 20)).inDistrict(NORD),
            KpiQuery.city(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30)));

    private KpiReport fromSources(KpiQuery query) {
        return fromSources(query, 1);
    }

    private KpiReport fromSources(KpiQuery query, int threshold) {
        return db().inTransaction(em -> KpiService.fromSourcesOnly(em, threshold).figures(OFFICE, query, AFTER));
    }

    private long refresh() {
        return db().inTransaction(em -> new KeptParticipation(em.unwrap(java.sql.Connection.class)).refresh(AFTER, "test"));
    }

    private long pendingChanges() {
        return db().inTransaction(em -> number(em.createNativeQuery("select count(*) from kpi_changes").getSingleResult()));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private void assertKeptEqualsSources() {
        for (KpiQuery query : QUERIES) {
            assertThat(figures(OFFICE, query, 1)).as("kept figures of %s", query).usingRecursiveComparison()
                    .isEqualTo(fromSources(query));
            // and with small counts masked (the default threshold): the same cells masked
            assertThat(figures(OFFICE, query, KpiService.DEFAULT_MASK_THRESHOLD)).as("kept figures of %s, masked", query)
                    .usingRecursiveComparison().isEqualTo(fromSources(query, KpiService.DEFAULT_MASK_THRESHOLD));
        }
    }

    /** The kept ballots (V34) per envelope and channel, as "envelope:channel=n", and the same counted from the marks. */
    private List<List<String>> keptAndCountedBallots() {
        return db().inTransaction(em -> List.of(
                strings(em.createNativeQuery("select concat(envelope_id, ':', channel, '=', n) from kpi_call_ballots"
                        + " order by envelope_id, channel").getResultList()),
                strings(em.createNativeQuery("select concat(envelope_id, ':', channel, '=', count(*)) from vote_marks"
                        + " group by envelope_id, channel order by envelope_id, channel").getResultList())));
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @Test
    void theKeptBallotsPerEnvelopeAndChannelFollowTheVoteMarks() {
        refresh();
        List<List<String>> ballots = keptAndCountedBallots();
        assertThat(ballots.get(0)).isEqualTo(ballots.get(1)).containsExactly(
                nordEnvelope + ":DESK=1", nordEnvelope + ":ONLINE=1", nordEnvelope + ":PAPER=1");

        // after the kept rows, by plain SQL: bruno's desk ballot recorded as paper, chloe's paper mark struck off
        db().inTransaction(em -> em.createNativeQuery("update vote_marks set channel = 'PAPER' where channel = 'DESK'")
                .executeUpdate());
        db().inTransaction(em -> em.createNativeQuery("delete from vote_marks where resident_id = ?1")
                .setParameter(1, chloeId).executeUpdate());
        assertThat(keptAndCountedBallots().get(0)).as("not refreshed yet").isEqualTo(ballots.get(0));
        EnvelopeLine nord = figures(ANALYST, KpiQuery.city(FIRST, LAST)).envelopes().stream()
                .filter(e -> e.district().equals(Optional.of("nord"))).findFirst().orElseThrow();
        assertThat(List.of(nord.online(), nord.desk(), nord.paper(), nord.ballots())).containsExactly(1L, 0L, 1L, 2L);
        assertKeptEqualsSources();

        assertThat(refresh()).isPositive();
        ballots = keptAndCountedBallots();
        assertThat(ballots.get(0)).isEqualTo(ballots.get(1)).containsExactly(nordEnvelope + ":ONLINE=1",
                nordEnvelope + ":PAPER=1");
        assertKeptEqualsSources();
    }

    @Test
    void theKeptFiguresAreTheSourcesFiguresForEveryScopeAndPeriod() {
        assertThat(refresh()).isGreaterThanOrEqualTo(0);
        assertThat(pendingChanges()).isZero();
        assertKeptEqualsSources();
    }

    @Test
    void actsAfterTheKeptRowsAreCountedAtOnceAndTheRefreshKeepsThem() {
        actsAfterTheKeptRows(0L + KeptParticipation.PATCH_LIMIT);
    }

    @Test
    void aBulkOfChangesReadsCallsAndTheRegisterWholeWithTheSameFigures() {
        actsAfterTheKeptRows(0); // every changed call and the register read again whole, as after a bulk load
    }

    private void actsAfterTheKeptRows(long patchLimit) {
        refresh();
        assertThat(figures(ANALYST, KpiQuery.city(FIRST, LAST)).participation().participants()).isEqualTo(5);

        // after the kept rows: hugo (not on the register) answers, gaston comments and registers for nothing, emma
        // withdraws her support, chloe's paper vote mark is struck off, david moves to Nord
        Actor hugo = resident("hugo", NORD, 1985);
        with(s -> s.responses().submit(hugo, consultation, Map.of("cycles", new Answer.Choices(Set.of("yes"))), day(10)));
        with(s -> s.comments().post(GASTON, "gaston", CommentTarget.consultation(consultation), "Et les trottoirs ?",
                day(11)));
        db().inTransaction(em -> em.createNativeQuery("delete from project_supports where supporter = 'emma'")
                .executeUpdate());
        db().inTransaction(em -> em.createNativeQuery("delete from vote_marks where resident_id = ?1")
                .setParameter(1, chloeId).executeUpdate());
        with(s -> {
            s.register().move(OFFICE, davidId, NORD, "Déménagement", day(12));
            return null;
        });
        assertThat(pendingChanges()).isPositive();

        // read at once, before any refresh: alice, bruno, chloe, david, emma (her consultation? no: her support is
        // gone, she did nothing else), gaston, hugo
        KpiReport march = figures(ANALYST, KpiQuery.city(FIRST, LAST), 1);
        assertThat(march.participation().participants()).isEqualTo(6); // alice, bruno, chloe, david, gaston, hugo
        assertThat(march.participation().byCapability()).containsEntry(Capability.CONSULTATION, 3L)
                .containsEntry(Capability.BUDGET_VOTE, 2L).containsEntry(Capability.COMMENT, 2L)
                .containsEntry(Capability.BUDGET_PROJECT, 4L);
        assertThat(march.moderation().comments()).isEqualTo(2);
        ConsultationLine line = march.consultations().stream().filter(c -> c.id() == consultation).findFirst().orElseThrow();
        assertThat(line.responses()).isEqualTo(3);
        assertThat(line.questions()).extracting(KpiReport.QuestionLine::answers).containsExactly(3L, 1L);
        assertThat(figures(AGENT_OF_NORD, KpiQuery.city(FIRST, LAST).inDistrict(NORD)).participation().participants())
                .isEqualTo(6); // alice, bruno, chloe, gaston, hugo and david, who moved
        assertKeptEqualsSources();

        // the refresh applies them all, once; the figures stay the same
        assertThat((long) db().inTransaction(em -> new KeptParticipation(em.unwrap(java.sql.Connection.class),
                (int) patchLimit).refresh(AFTER, "test"))).isPositive();
        assertThat(pendingChanges()).isZero();
        assertThat(refresh()).isZero();
        assertKeptEqualsSources();
    }

    @Test
    void oneInstanceRefreshesAtATimeTheOthersSkip() throws Exception {
        refresh();
        with(s -> s.comments().post(GASTON, "gaston", CommentTarget.consultation(consultation), "Une autre idée",
                day(11)));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> db().inTransaction(em -> {
            em.createNativeQuery("select id from kpi_refresh where id = 1 for update").getResultList();
            locked.countDown();
            try {
                done.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        other.start();
        assertThat(locked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(refresh()).isEqualTo(-1);
            assertThat(pendingChanges()).isPositive();
        } finally {
            done.countDown();
            other.join();
        }
        assertThat(refresh()).isPositive();
        assertThat(pendingChanges()).isZero();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
