package org.agora.budget.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.BudgetPhase;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.VotingPersistenceContract;
import org.agora.budget.vote.VotingService;
import org.agora.media.TestImages;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Demo;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Residents' projects from submission to the ballot against a real database; run on H2 and PostgreSQL by the
 * subclasses: submission and its refusals (nothing stored), editing, pictures, supports, review, merge, selection.
 */
abstract class ProjectPersistenceContract extends DatabaseTest {

    static final Instant DURING_SUBMISSION = PhasePlanTest.day(5);
    static final Instant DURING_REVIEW = PhasePlanTest.day(40);
    static final Instant DURING_VOTE = PhasePlanTest.day(75);
    static final Actor AUTHOR = VotingPersistenceContract.resident("resident", "nord");
    static final Actor NEIGHBOUR = VotingPersistenceContract.resident("voisine", "nord");
    static final Actor OF_SUD = VotingPersistenceContract.resident("resident.sud", "sud");
    static final Actor AGENT = BudgetCallPersistenceContract.AGENT_OF_NORD;

    private long nord;
    private long sud;

    @BeforeEach
    void knapsackCall() {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(BudgetCallPersistenceContract.OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(), new VotingRule.Knapsack(),
                        TallyRule.GREEDY)));
        nord = envelope(call, "nord");
        sud = envelope(call, "sud");
    }

    private long envelope(BudgetCall call, String district) {
        return db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode(district))).orElseThrow().getId());
    }

    static ProjectDraft draft(long envelope, String title, long cost) {
        return new ProjectDraft(title, "Des arbres et des bancs pour la place.", envelope, "Place du Marché",
                new BigDecimal("45.7640"), new BigDecimal("4.8357"), cost, null);
    }

    private <T> T projects(Function<ProjectService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).projects()));
    }

    private <T> T review(Function<ReviewService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).reviews()));
    }

    private BudgetProject submit(String title, long cost) {
        return projects(p -> p.submit(AUTHOR, draft(nord, title, cost), DURING_SUBMISSION));
    }

    private List<BudgetProject> search(ProjectFilter filter) {
        return db().inTransaction(em -> Services.on(em).projects().search(filter));
    }

    private List<BudgetProject> mine(Actor actor) {
        return db().inTransaction(em -> Services.on(em).projects().mine(actor));
    }

    private long supports(long project) {
        return db().inTransaction(em -> Services.on(em).projects().supports(project));
    }

    private boolean hasSupported(Actor actor, long project) {
        return db().inTransaction(em -> Services.on(em).projects().hasSupported(actor, project));
    }

    private List<BudgetProject> ballot(long envelope) {
        return db().inTransaction(em -> Services.on(em).voting().ballot(envelope));
    }

    private Tally tally(long envelope, Instant now) {
        return db().inTransaction(em -> Services.on(em).tally().tally(Actor.anonymous(), envelope, now));
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void theDemoBudgetIsLoadedOnceWithItsProjectsAndARealPastElection() {
        db().inTransaction(em -> {
            em.createNativeQuery("delete from envelopes").executeUpdate(); // the call of @BeforeEach, so none is left
            em.createNativeQuery("delete from budget_calls").executeUpdate();
            return null;
        });
        Instant now = Instant.now();
        boolean first = db().inTransaction(em -> Demo.budget(em).seedIfEmpty(now));
        boolean second = db().inTransaction(em -> Demo.budget(em).seedIfEmpty(now));
        assertThat(first).isTrue();
        assertThat(second).isFalse();

        List<BudgetCall> calls = db().inTransaction(em -> {
            List<BudgetCall> all = Services.on(em).budget().calls();
            all.forEach(c -> c.getEnvelopes().size()); // read while the transaction is open
            return all;
        });
        assertThat(calls).hasSize(2);
        BudgetCall belrive = calls.stream().filter(c -> c.getName().startsWith("Budget participatif")).findFirst().orElseThrow();
        assertThat(belrive.getPhases().at(now)).contains(BudgetPhase.SUBMISSION);
        assertThat(search(ProjectFilter.allOf(belrive.getId()))).hasSize(4);
        BudgetCall toulouse = calls.stream().filter(c -> c.getName().startsWith("Toulouse")).findFirst().orElseThrow();
        long envelope = toulouse.getEnvelopes().get(0).getId();
        Tally tally = tally(envelope, now);
        assertThat(tally.winners()).isNotEmpty();
    }

    @Test
    void aResidentSubmitsAProjectThatWaitsForReview() {
        BudgetProject project = submit("Une place ombragée", 30_000);

        BudgetProject stored = projects(p -> p.get(project.getId()));
        assertThat(stored.getStatus()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(stored.getAuthors()).containsExactly("resident");
        assertThat(stored.getCost().amount()).isEqualTo(30_000);
        assertThat(stored.getPoint()).contains(new MapPoint(new BigDecimal("45.764"), new BigDecimal("4.8357")));
        assertThat(stored.isOnBallot()).isFalse();
        assertThat(search((new ProjectFilter(stored.getEnvelope().getCall().getId(), nord, null, null,
                false, "ombrag")))).extracting(BudgetProject::getId).containsExactly(project.getId());
        assertThat(mine(AUTHOR)).extracting(BudgetProject::getId).containsExactly(project.getId());
    }

    @Test
    void badProjectsAreRefusedWithTheirReasonAndNothingIsStored() {
        assertRefused(draft(nord, " ", 1000), "title", "validation.required");
        assertRefused(draft(nord, "Un projet", -5), "estimatedCost", "budget.project.costPositive");
        assertRefused(draft(nord, "Un projet", 10_000_000_000L), "estimatedCost", "budget.project.costOverEnvelope");
        assertRefused(draft(nord, "Un projet", 150_001), "estimatedCost", "budget.project.costOverEnvelope");
        assertRefused(new ProjectDraft("Un projet", "Texte", nord, " ", null, null, 1000L, null),
                "address", "budget.project.addressRequired");
        assertRefused(new ProjectDraft("Un projet", "Texte", nord, "Rue", new BigDecimal("91"), BigDecimal.ONE, 1000L, null),
                "latitude", "budget.project.latitudeRange");
        assertRefused(new ProjectDraft("Un projet", "Texte", nord, "Rue", BigDecimal.ONE, null, 1000L, null),
                "longitude", "budget.project.pointIncomplete");
        assertRefused(new ProjectDraft("Un projet", "Texte", nord, "Rue", null, null, 1000L, 987_654L),
                "theme", "budget.project.unknownTheme");
        assertRefused(new ProjectDraft("Un projet", "Texte", 987_654L, "Rue", null, null, 1000L, null),
                "envelope", "budget.envelope.notFound");
        assertThatThrownBy(() -> projects(p -> p.submit(AUTHOR, draft(sud, "Ailleurs", 1000), DURING_SUBMISSION)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThatThrownBy(() -> projects(p -> p.submit(AUTHOR, draft(nord, "Trop tard", 1000), DURING_REVIEW)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.submissionClosed");
        assertThatThrownBy(() -> projects(p -> p.submit(AGENT, draft(nord, "Agent", 1000), DURING_SUBMISSION)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.residentsOnly");
        assertThat(count("select count(*) from budget_projects")).isZero();
    }

    private void assertRefused(ProjectDraft draft, String field, String key) {
        assertThatThrownBy(() -> projects(p -> p.submit(AUTHOR, draft, DURING_SUBMISSION)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).contains(field);
                });
    }

    @Test
    void onlyItsAuthorsEditAProjectAndOnlyBeforeItsReview() {
        BudgetProject project = submit("Une place", 30_000);
        long id = project.getId();

        projects(p -> p.edit(AUTHOR, id, draft(nord, "Une place ombragée", 35_000), DURING_SUBMISSION));
        assertThat(projects(p -> p.get(id)).getTitle()).isEqualTo("Une place ombragée");
        assertThatThrownBy(() -> projects(p -> p.edit(NEIGHBOUR, id, draft(nord, "Volé", 1), DURING_SUBMISSION)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.authorsOnly");
        assertThatThrownBy(() -> projects(p -> p.edit(AUTHOR, id, draft(nord, "Une place", 0), DURING_SUBMISSION)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(projects(p -> p.get(id)).getCost().amount()).isEqualTo(35_000);

        review(r -> r.markFeasible(AGENT, id, null, null, DURING_SUBMISSION));
        assertThatThrownBy(() -> projects(p -> p.edit(AUTHOR, id, draft(nord, "Encore", 1000), DURING_SUBMISSION)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.alreadyReviewed");
    }

    @Test
    void upToThreePicturesCheckedByTheirContent() {
        long id = submit("Une place", 30_000).getId();

        projects(p -> p.addImage(AUTHOR, id, "place.png", TestImages.png(40, 30), true, DURING_SUBMISSION));
        assertThatThrownBy(() -> projects(p -> p.addImage(AUTHOR, id, "plan.png", TestImages.pdf(), true, DURING_SUBMISSION)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> projects(p -> p.addImage(AUTHOR, id, "big.png",
                new byte[org.agora.media.ImageFile.MAX_BYTES + 1], true, DURING_SUBMISSION)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> projects(p -> p.addImage(AUTHOR, id, "people.jpg", TestImages.jpeg(40, 30), false,
                DURING_SUBMISSION))).as("image rights not confirmed")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.image.peopleAgreed");
                    assertThat(e.field()).contains("peopleAgreed");
                });
        assertThat(count("select count(*) from images")).as("nothing stored").isEqualTo(1);
        projects(p -> p.addImage(AUTHOR, id, "b.jpg", TestImages.jpeg(40, 30), true, DURING_SUBMISSION));
        projects(p -> p.addImage(AUTHOR, id, "c.jpg", TestImages.jpeg(40, 30), true, DURING_SUBMISSION));
        assertThatThrownBy(() -> projects(p -> p.addImage(AUTHOR, id, "d.jpg", TestImages.jpeg(40, 30), true, DURING_SUBMISSION)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.project.tooManyImages"));

        assertThat(projects(p -> p.get(id)).getImageIds()).hasSize(3);
        assertThat(count("select count(*) from images")).isEqualTo(3);
        long first = projects(p -> p.get(id)).getImageIds().get(0);
        projects(p -> p.removeImage(AUTHOR, id, first, DURING_SUBMISSION));
        assertThat(projects(p -> p.get(id)).getImageIds()).hasSize(2).doesNotContain(first);
    }

    @Test
    void residentsOfTheEnvelopeSupportOnceAndMayWithdraw() {
        long id = submit("Une place", 30_000).getId();

        projects(p -> { p.support(NEIGHBOUR, id, DURING_SUBMISSION); return null; });
        projects(p -> { p.support(NEIGHBOUR, id, DURING_SUBMISSION); return null; });
        projects(p -> { p.support(AUTHOR, id, DURING_SUBMISSION); return null; });
        assertThat(supports(id)).isEqualTo(2);
        assertThat(hasSupported(NEIGHBOUR, id)).isTrue();
        assertThatThrownBy(() -> projects(p -> { p.support(OF_SUD, id, DURING_SUBMISSION); return null; }))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThatThrownBy(() -> projects(p -> { p.support(Actor.anonymous(), id, DURING_SUBMISSION); return null; }))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.signInFirst");

        projects(p -> { p.withdrawSupport(NEIGHBOUR, id, DURING_SUBMISSION); return null; });
        assertThat(supports(id)).isEqualTo(1);
        assertThatThrownBy(() -> projects(p -> { p.support(NEIGHBOUR, id, DURING_REVIEW); return null; }))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.project.submissionClosed");
    }

    @Test
    void staffReviewFeasibilityWithARevisedCostOrAPublicReason() {
        long garden = submit("Un jardin", 30_000).getId();
        long pool = submit("Une piscine", 140_000).getId();

        review(r -> r.markFeasible(AGENT, garden, 42_000L, "Avec un point d'eau.", DURING_REVIEW));
        assertThatThrownBy(() -> review(r -> r.markNotFeasible(AGENT, pool, " ", DURING_REVIEW)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("reason"));
        review(r -> r.markNotFeasible(AGENT, pool, "Le terrain n'appartient pas à la ville.", DURING_REVIEW));
        assertThatThrownBy(() -> review(r -> r.markFeasible(AGENT, garden, 200_000L, null, DURING_REVIEW)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.project.costOverEnvelope"));

        BudgetProject feasible = projects(p -> p.get(garden));
        assertThat(feasible.getStatus()).isEqualTo(ProjectStatus.FEASIBLE);
        assertThat(feasible.getCost().amount()).isEqualTo(42_000);
        assertThat(feasible.getEstimatedCost()).contains(Money.of(30_000));
        assertThat(projects(p -> p.get(pool)).getReviewReason()).contains("Le terrain n'appartient pas à la ville.");

        Actor agentOfSud = new Actor("agent.sud", java.util.Set.of(org.agora.shared.Role.DISTRICT_AGENT),
                Optional.empty(), java.util.Set.of(new DistrictCode("sud")));
        assertThatThrownBy(() -> review(r -> r.markFeasible(agentOfSud, garden, null, null, DURING_REVIEW)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> review(r -> r.markFeasible(AUTHOR, garden, null, null, DURING_REVIEW)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aDuplicateIsMergedWithItsAuthorsAndSupports() {
        long original = submit("Un jardin partagé", 30_000).getId();
        long duplicate = projects(p -> p.submit(NEIGHBOUR, draft(nord, "Jardin collectif", 25_000), DURING_SUBMISSION)).getId();
        Actor third = VotingPersistenceContract.resident("troisieme", "nord");
        projects(p -> { p.support(third, duplicate, DURING_SUBMISSION); return null; });
        projects(p -> { p.support(third, original, DURING_SUBMISSION); return null; });
        projects(p -> { p.support(AUTHOR, duplicate, DURING_SUBMISSION); return null; });

        assertThatThrownBy(() -> review(r -> r.merge(AGENT, duplicate, duplicate, DURING_REVIEW)))
                .isInstanceOf(InvalidInputException.class);
        review(r -> r.merge(AGENT, duplicate, original, DURING_REVIEW));

        BudgetProject kept = projects(p -> p.get(original));
        assertThat(kept.getAuthors()).containsExactlyInAnyOrder("resident", "voisine");
        assertThat(supports(original)).isEqualTo(2); // "troisieme" once, "resident"
        BudgetProject merged = projects(p -> p.get(duplicate));
        assertThat(merged.getStatus()).isEqualTo(ProjectStatus.MERGED);
        assertThat(merged.getMergedInto().map(BudgetProject::getId)).contains(original);
        assertThat(mine(NEIGHBOUR)).extracting(BudgetProject::getId).contains(original, duplicate);
        assertThat(search((ProjectFilter.allOf(kept.getEnvelope().getCall().getId()))))
                .extracting(BudgetProject::getId).containsExactly(original);
        assertThatThrownBy(() -> review(r -> r.putOnBallot(AGENT, duplicate, true, DURING_REVIEW)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyFeasibleProjectsGoOnTheBallotAndItLocksWhenTheVoteOpens() {
        long garden = submit("Un jardin", 30_000).getId();
        long benches = submit("Des bancs", 10_000).getId();

        assertThatThrownBy(() -> review(r -> r.putOnBallot(AGENT, garden, true, DURING_REVIEW)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.review.onlyFeasibleOnBallot"));
        review(r -> r.markFeasible(AGENT, garden, null, null, DURING_REVIEW));
        review(r -> r.putOnBallot(AGENT, garden, true, DURING_REVIEW));
        review(r -> r.markFeasible(AGENT, benches, null, null, DURING_REVIEW));

        List<BudgetProject> ballot = ballot(nord);
        assertThat(ballot).extracting(BudgetProject::getId).containsExactly(garden);
        assertThatThrownBy(() -> review(r -> r.putOnBallot(AGENT, benches, true, DURING_VOTE)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.call.rulesLocked"));
        assertThatThrownBy(() -> review(r -> r.markNotFeasible(AGENT, garden, "Trop tard", DURING_VOTE)))
                .isInstanceOf(ConflictException.class);
        assertThat(ballot(nord)).hasSize(1);
    }

    @Test
    void aCallsProjectsAreReadAPageAtATimeWithTheirTotalAndEveryPointForTheMap() {
        for (String letter : List.of("E", "B", "D", "A", "C")) {
            submit("Projet " + letter, 10_000);
        }
        BudgetProject withoutPoint = projects(p -> p.submit(NEIGHBOUR, new ProjectDraft("Projet F", "Sans point sur la carte.", nord,
                "Tout le quartier", null, null, 10_000L, null), DURING_SUBMISSION));
        BudgetProject ofSud = projects(p -> p.submit(OF_SUD, draft(sud, "Projet G au Sud", 10_000), DURING_SUBMISSION));
        long call = ofSud.getEnvelope().getCall().getId();
        ProjectFilter ofNord = new ProjectFilter(call, nord, null, null, false, null);

        Page<BudgetProject> first = projects(p -> p.search(ofNord, new PageRequest(1, 2)));
        assertThat(first.items()).extracting(BudgetProject::getTitle).containsExactly("Projet A", "Projet B");
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        Page<BudgetProject> last = projects(p -> p.search(ofNord, new PageRequest(3, 2)));
        assertThat(last.items()).extracting(BudgetProject::getTitle).containsExactly("Projet E", "Projet F");
        assertThat(last.hasNext()).isFalse();
        assertThat(last.firstPosition()).isEqualTo(5);
        Page<BudgetProject> beyond = projects(p -> p.search(ofNord, new PageRequest(9, 2)));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(6);
        assertThat(projects(p -> p.search(new ProjectFilter(call, null, null, null, false, "projet c"),
                new PageRequest(1, 2))).total()).isEqualTo(1);

        List<ProjectPoint> points = projects(p -> p.points(ProjectFilter.allOf(call)));
        assertThat(points).extracting(ProjectPoint::title)
                .containsExactly("Projet A", "Projet B", "Projet C", "Projet D", "Projet E", "Projet G au Sud")
                .doesNotContain(withoutPoint.getTitle());
        Map<Long, Long> counts = projects(p -> p.countsByEnvelope(call));
        assertThat(counts).containsOnly(Map.entry(nord, 6L), Map.entry(sud, 1L));
    }

    // --- notifications (issue 14): what the review tells the authors ---

    @Test
    void theAuthorsAreToldTheReviewInTheAppAndByMail() {
        long garden = submit("Un jardin", 30_000).getId();
        long pool = submit("Une piscine", 140_000).getId();
        long duplicate = projects(p -> p.submit(NEIGHBOUR, draft(nord, "Jardin collectif", 25_000), DURING_SUBMISSION)).getId();
        review(r -> r.markFeasible(AGENT, garden, 42_000L, null, DURING_REVIEW));
        review(r -> r.markNotFeasible(AGENT, pool, "Le terrain n'appartient pas à la ville.", DURING_REVIEW));
        review(r -> r.merge(AGENT, duplicate, garden, DURING_REVIEW));

        List<String> told = db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event, ' ', n.link)"
                + " from org.agora.notification.Notification n order by n.id", String.class).getResultList());
        assertThat(told).containsExactly("resident project.feasible /budget/project.xhtml?id=" + garden,
                "resident project.notFeasible /budget/project.xhtml?id=" + pool,
                "voisine project.merged /budget/project.xhtml?id=" + garden);
        long mails = db().inTransaction(em -> em.createQuery("select count(m) from org.agora.notification.Mail m", Long.class)
                .getSingleResult());
        assertThat(mails).isEqualTo(3);
        String text = db().inTransaction(em -> new org.agora.notification.NotificationTexts().inApp(java.util.Locale.ENGLISH,
                "project.notFeasible", org.agora.testing.Services.on(em).notificationCentre()
                        .list(AUTHOR, 0, 10).get(0).getArguments()));
        assertThat(text).isEqualTo("Your project \"Une piscine\" was not accepted: Le terrain n'appartient pas à la ville.");
    }
}
