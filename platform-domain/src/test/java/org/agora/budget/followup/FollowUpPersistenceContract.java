package org.agora.budget.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.vote.VotingPersistenceContract;
import org.agora.budget.vote.VotingService;
import org.agora.media.ImageFile;
import org.agora.media.TestImages;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The implementation follow-up of the winning projects against a real database; run on H2 and PostgreSQL by the
 * subclasses: who starts and changes it and when, its rules (each refusal with its key, nothing stored), updates
 * with photos, and reading it without signing in.
 */
abstract class FollowUpPersistenceContract extends DatabaseTest {

    static final Instant BEFORE_VOTE = PhasePlanTest.day(60);
    static final Instant DURING_VOTE = PhasePlanTest.day(75);
    /** The vote has ended (day 85) but the results are public only from day 86. */
    static final Instant VOTE_OVER = PhasePlanTest.day(85);
    static final Instant RESULTS = PhasePlanTest.day(90);
    static final Instant IMPLEMENTATION = PhasePlanTest.day(130);
    static final Actor AGENT = BudgetCallPersistenceContract.AGENT_OF_NORD;
    static final Actor OFFICE = BudgetCallPersistenceContract.OFFICE;
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("sud")));
    static final Actor RESIDENT = VotingPersistenceContract.resident("resident", "nord");

    private long callId;
    private long nord;
    private long garden;
    private long benches;
    private long cycleLane;

    /**
     * A knapsack call counted greedily; in the north envelope (150,000) the garden (40,000, 3 votes) and the benches
     * (20,000, 2 votes) win, and the cycle lane (120,000, 2 votes) no longer fits.
     */
    @BeforeEach
    void countedElectionInNord() {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(), new VotingRule.Knapsack(),
                        TallyRule.GREEDY)));
        callId = call.getId();
        nord = db().inTransaction(em -> Services.on(em).budget().getCall(callId)
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        garden = voting(v -> v.addToBallot(AGENT, nord, "Un jardin partagé", 40_000, BEFORE_VOTE)).getId();
        benches = voting(v -> v.addToBallot(AGENT, nord, "Des bancs au square", 20_000, BEFORE_VOTE)).getId();
        cycleLane = voting(v -> v.addToBallot(AGENT, nord, "Une piste cyclable", 120_000, BEFORE_VOTE)).getId();
        cast("r1", cycleLane);
        cast("r2", cycleLane);
        cast("r3", garden, benches);
        cast("r4", garden, benches);
        cast("r5", garden);
    }

    private void cast(String voter, long... projects) {
        Set<ProjectId> chosen = new java.util.HashSet<>();
        for (long project : projects) {
            chosen.add(new ProjectId(String.valueOf(project)));
        }
        db().inTransaction(em -> {
            Services.on(em).voting().cast(VotingPersistenceContract.resident(voter, "nord"), nord,
                    new Ballot.Approval(chosen), DURING_VOTE);
            return null;
        });
    }

    private <T> T voting(Function<VotingService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).voting()));
    }

    private <T> T followUp(Function<FollowUpService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).followUps()));
    }

    private ProjectFollowUp read(long project) {
        return followUp(f -> f.get(project, IMPLEMENTATION));
    }

    private List<FollowUpUpdate> updates(long project) {
        return followUp(f -> f.updates(project, IMPLEMENTATION));
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void refused(ThrowingCallable action, String field, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).contains(field);
        });
    }

    @Test
    void theWinnersAreFollowedUpAndAnyoneReadsWhatBecameOfThem() {
        List<ProjectFollowUp> started = followUp(f -> f.start(AGENT, nord, RESULTS));

        assertThat(started).extracting(ProjectFollowUp::getProjectId).containsExactlyInAnyOrder(garden, benches);
        assertThat(started).allSatisfy(f -> {
            assertThat(f.getStatus()).isEqualTo(FollowUpStatus.STUDIED);
            assertThat(f.getProgress()).isZero();
        });

        followUp(f -> f.changeStatus(AGENT, garden, FollowUpStatus.IN_PROGRESS, 40, null, PhasePlanTest.day(95)));
        FollowUpUpdate withPhoto = followUp(f -> f.postUpdate(AGENT, garden, "  Les premiers arbres sont plantés.  ",
                "arbres.png", TestImages.png(60, 40), PhasePlanTest.day(96)));
        FollowUpUpdate plain = followUp(f -> f.postUpdate(AGENT, garden, "Les bancs du jardin sont posés.", null, null,
                PhasePlanTest.day(110)));
        followUp(f -> f.changeStatus(OFFICE, garden, FollowUpStatus.DELIVERED, null, null, PhasePlanTest.day(120)));

        ProjectFollowUp delivered = read(garden);
        assertThat(delivered.getStatus()).isEqualTo(FollowUpStatus.DELIVERED);
        assertThat(delivered.getProgress()).isEqualTo(100);
        assertThat(delivered.getChangedAt()).isEqualTo(PhasePlanTest.day(120));
        assertThat(delivered.getProject().getTitle()).isEqualTo("Un jardin partagé");
        List<FollowUpUpdate> news = updates(garden);
        assertThat(news).extracting(FollowUpUpdate::getId).containsExactly(plain.getId(), withPhoto.getId());
        assertThat(news.get(1).getText()).isEqualTo("Les premiers arbres sont plantés.");
        assertThat(news.get(1).getPostedAt()).isEqualTo(PhasePlanTest.day(96));
        assertThat(news.get(1).getAuthor()).isEqualTo("agent");
        assertThat(news.get(0).getImageId()).isEmpty();
        long photo = news.get(1).getImageId().orElseThrow();
        assertThat(count("select count(*) from images where id = " + photo + " and content_type = 'image/png'"))
                .isEqualTo(1);
        List<ProjectFollowUp> ofCall = followUp(f -> f.ofCall(callId, IMPLEMENTATION));
        assertThat(ofCall).extracting(ProjectFollowUp::getProjectId).containsExactlyInAnyOrder(garden, benches);
        Set<Long> startedEnvelopes = followUp(f -> f.startedEnvelopes(callId));
        assertThat(startedEnvelopes).containsExactly(nord);
        List<ProjectFollowUp> again = followUp(f -> f.start(AGENT, nord, IMPLEMENTATION));
        assertThat(again).hasSize(2); // once started, nothing more
        assertThat(count("select count(*) from project_followups")).isEqualTo(2);
    }

    @Test
    void theFollowUpStartsOnlyOnceTheResultsArePublic() {
        assertThatThrownBy(() -> followUp(f -> f.start(AGENT, nord, DURING_VOTE)))
                .isInstanceOfSatisfying(NotAllowedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notYet"));
        // the managers may see the count once the vote has ended, but paper ballots may still change it
        assertThatThrownBy(() -> followUp(f -> f.start(AGENT, nord, VOTE_OVER)))
                .isInstanceOfSatisfying(NotAllowedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notYet"));
        assertThatThrownBy(() -> followUp(f -> f.changeStatus(AGENT, garden, FollowUpStatus.IN_PROGRESS, 10, null,
                VOTE_OVER))).isInstanceOfSatisfying(NotAllowedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notYet"));

        assertThat(count("select count(*) from envelope_followups")).isZero();
        assertThat(count("select count(*) from project_followups")).isZero();
        List<ProjectFollowUp> beforeResults = followUp(f -> f.ofCall(callId, VOTE_OVER));
        assertThat(beforeResults).isEmpty();
    }

    @Test
    void theFirstChangeOfAWinnerStartsTheFollowUpOfItsWholeEnvelope() {
        followUp(f -> f.changeStatus(AGENT, benches, FollowUpStatus.IN_PROGRESS, 20, null, RESULTS));

        assertThat(read(benches).getProgress()).isEqualTo(20);
        assertThat(read(garden).getStatus()).isEqualTo(FollowUpStatus.STUDIED);
        boolean started = followUp(f -> f.isStarted(nord));
        assertThat(started).isTrue();
    }

    @Test
    void aProjectThatDidNotWinIsNotFollowedUp() {
        assertThatThrownBy(() -> followUp(f -> f.changeStatus(AGENT, cycleLane, FollowUpStatus.IN_PROGRESS, 10, null,
                RESULTS))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notWinner"));
        followUp(f -> f.start(AGENT, nord, RESULTS));
        assertThatThrownBy(() -> followUp(f -> f.postUpdate(AGENT, cycleLane, "Une piste ?", null, null, RESULTS)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notWinner"));

        Optional<ProjectFollowUp> found = followUp(f -> f.find(cycleLane, IMPLEMENTATION));
        assertThat(found).isEmpty();
        assertThatThrownBy(() -> read(cycleLane)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.messageKey()).isEqualTo("budget.followup.notFound"));
        assertThat(count("select count(*) from project_followups where project_id = " + cycleLane)).isZero();
        assertThat(count("select count(*) from followup_updates")).isZero();
    }

    @Test
    void onlyTheEnvelopesManagersChangeItsFollowUp() {
        followUp(f -> f.start(AGENT, nord, RESULTS));

        for (Actor outsider : List.of(AGENT_OF_SUD, RESIDENT, Actor.anonymous())) {
            assertThatThrownBy(() -> followUp(f -> f.changeStatus(outsider, garden, FollowUpStatus.IN_PROGRESS, 50,
                    null, IMPLEMENTATION))).isInstanceOfSatisfying(NotAllowedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("budget.envelope.notAllowed"));
            assertThatThrownBy(() -> followUp(f -> f.postUpdate(outsider, garden, "Pas moi", "a.png",
                    TestImages.png(10, 10), IMPLEMENTATION))).isInstanceOfSatisfying(NotAllowedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("budget.envelope.notAllowed"));
        }
        assertThatThrownBy(() -> followUp(f -> f.start(AGENT_OF_SUD, nord, RESULTS)))
                .isInstanceOf(NotAllowedException.class);

        assertThat(read(garden).getStatus()).isEqualTo(FollowUpStatus.STUDIED);
        assertThat(read(garden).getChangedAt()).isEqualTo(RESULTS);
        assertThat(count("select count(*) from followup_updates")).isZero();
        assertThat(count("select count(*) from images")).isZero();
        // the office manages every envelope
        followUp(f -> f.changeStatus(OFFICE, garden, FollowUpStatus.IN_PROGRESS, 50, null, IMPLEMENTATION));
        assertThat(read(garden).getProgress()).isEqualTo(50);
    }

    @Test
    void aStatusBreakingTheRulesIsRefusedWithItsReasonAndNothingChanges() {
        followUp(f -> f.start(AGENT, nord, RESULTS));
        followUp(f -> f.changeStatus(AGENT, garden, FollowUpStatus.IN_PROGRESS, 40, null, PhasePlanTest.day(95)));

        refused(() -> change(FollowUpStatus.ABANDONED, 40, "  "), "reason", "budget.followup.reasonRequired");
        refused(() -> change(FollowUpStatus.ABANDONED, 40, null), "reason", "budget.followup.reasonRequired");
        refused(() -> change(FollowUpStatus.ABANDONED, 40, "x".repeat(ProjectFollowUp.MAX_REASON + 1)), "reason",
                "validation.tooLong");
        refused(() -> change(FollowUpStatus.DELIVERED, 80, null), "progress", "budget.followup.deliveredIsComplete");
        refused(() -> change(FollowUpStatus.IN_PROGRESS, 101, null), "progress", "budget.followup.progressRange");
        refused(() -> change(FollowUpStatus.IN_PROGRESS, -1, null), "progress", "budget.followup.progressRange");
        refused(() -> change(null, 50, null), "status", "validation.required");

        ProjectFollowUp unchanged = read(garden);
        assertThat(unchanged.getStatus()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(unchanged.getProgress()).isEqualTo(40);
        assertThat(unchanged.getAbandonReason()).isEmpty();
        assertThat(unchanged.getChangedAt()).isEqualTo(PhasePlanTest.day(95));

        change(FollowUpStatus.ABANDONED, null, "  Le terrain est pollué : il faut d'abord le dépolluer. ");
        assertThat(read(garden).getAbandonReason()).contains("Le terrain est pollué : il faut d'abord le dépolluer.");
        assertThat(read(garden).getProgress()).isEqualTo(40);
        change(FollowUpStatus.IN_PROGRESS, 60, "ignoré hors abandon");
        assertThat(read(garden).getAbandonReason()).isEmpty();
    }

    private ProjectFollowUp change(FollowUpStatus status, Integer progress, String reason) {
        return followUp(f -> f.changeStatus(AGENT, garden, status, progress, reason, IMPLEMENTATION));
    }

    @Test
    void aRefusedUpdateOrPhotoStoresNothing() {
        followUp(f -> f.start(AGENT, nord, RESULTS));

        refused(() -> post(" \n ", "a.png", TestImages.png(20, 20)), "text", "budget.followup.textRequired");
        refused(() -> post(null, null, null), "text", "budget.followup.textRequired");
        refused(() -> post("x".repeat(FollowUpUpdate.MAX_TEXT + 1), null, null), "text", "validation.tooLong");
        refused(() -> post("Le plan du jardin", "plan.png", TestImages.pdf()), "photo", "media.image.notAnImage");
        refused(() -> post("Un gif", "a.gif", TestImages.gif(20, 20)), "photo", "media.image.notAnImage");
        refused(() -> post("Trop lourde", "big.png", TestImages.pngOfSize(ImageFile.MAX_BYTES + 1)), "photo",
                "media.image.tooLarge");
        refused(() -> post("Vide", "empty.png", new byte[0]), "photo", "media.image.empty");

        assertThat(count("select count(*) from followup_updates")).isZero();
        assertThat(count("select count(*) from images")).isZero();
        post("Une photo au bon format", "ok.jpg", TestImages.jpeg(30, 20));
        assertThat(count("select count(*) from followup_updates where image_id is not null")).isEqualTo(1);
        assertThat(count("select count(*) from images")).isEqualTo(1);
    }

    private FollowUpUpdate post(String text, String fileName, byte[] photo) {
        return followUp(f -> f.postUpdate(AGENT, garden, text, fileName, photo, IMPLEMENTATION));
    }

    @Test
    void theDatabaseItselfRefusesAnInconsistentFollowUp() {
        followUp(f -> f.start(AGENT, nord, RESULTS));
        String row = " where project_id = " + garden;
        long sud = db().inTransaction(em -> Services.on(em).budget().getCall(callId)
                .findEnvelope(Optional.of(new DistrictCode("sud"))).orElseThrow().getId());

        assertThatThrownBy(() -> db().sql("update project_followups set status = 'DELIVERED', progress = 50" + row))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql("update project_followups set status = 'ABANDONED'" + row))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql("update project_followups set progress = 101" + row))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql("update project_followups set abandon_reason = 'Pourquoi ?'" + row))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql("insert into project_followups (project_id, envelope_id, status, progress,"
                + " changed_at, changed_by) values (" + cycleLane + ", " + sud + ", 'STUDIED', 0,"
                + " CURRENT_TIMESTAMP, 'x')")).isInstanceOf(SQLException.class); // its follow-up has not started
        assertThat(read(garden).getStatus()).isEqualTo(FollowUpStatus.STUDIED);
    }

    @Test
    void simultaneousStartsCopyTheWinnersOnce() throws InterruptedException {
        int attempts = 4;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tries.add(() -> !followUp(f -> f.start(AGENT, nord, RESULTS)).isEmpty());
        }
        for (Future<Boolean> outcome : pool.invokeAll(tries)) {
            try {
                assertThat(outcome.get()).isTrue();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
            }
        }
        pool.shutdown();

        assertThat(count("select count(*) from envelope_followups")).isEqualTo(1);
        assertThat(count("select count(*) from project_followups")).isEqualTo(2);
    }
}
