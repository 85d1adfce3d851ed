package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.Actor;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vote's announcements to the people on the register of a call's districts, on H2 and PostgreSQL (subclasses):
 * the vote open, closing soon (only to those who have not voted), the results; each told once, in batches.
 */
abstract class VoteAnnouncementsPersistenceContract extends DatabaseTest {

    static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    private long callId;

    static Instant day(double n) {
        return MARCH.plusSeconds((long) (86_400L * n));
    }

    /** A call with Nord's envelope only, its vote from day 70 to 85, results on day 86; three accounts in Nord, one in Sud. */
    @BeforeEach
    void callAndRegister() throws Exception {
        PhasePlan phases = new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(85)), day(86), day(120));
        callId = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE, new BudgetCallDraft("Budget 2027", 2027,
                150_000, List.of(new EnvelopeDraft("nord", 150_000)), phases, new VotingRule.Knapsack(), TallyRule.GREEDY,
                null))).getId();
        String[][] people = {{"n1", "nord"}, {"s1", "sud"}, {"n2", "nord"}, {"n3", "nord"}};
        for (int i = 0; i < people.length; i++) {
            db().sql("insert into residents (id, account, district_code, enlisted_at) values (" + (i + 1) + ", '"
                    + people[i][0] + "', '" + people[i][1] + "', TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+00')");
        }
        long envelope = db().inTransaction(em -> Services.on(em).budget().getCall(callId).getEnvelopes().get(0).getId());
        db().sql("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) values (" + callId
                + ", 'DISTRICT', 3, " + envelope + ", 'ONLINE')");
    }

    private void announceAll(Instant now) {
        while (db().inTransaction(em -> new VoteAnnouncements(em, Services.on(em).campaigns()).announceNextBatch(now, 2))) {
            // batch after batch
        }
    }

    private List<String> told() {
        return db().inTransaction(em -> em.createQuery("select concat(n.event, ' ', n.recipient) from"
                + " org.agora.notification.Notification n order by n.event, n.recipient", String.class).getResultList());
    }

    @Test
    void theCallsDistrictsAreToldTheVoteOpensClosesSoonAndItsResultsEachOnce() {
        announceAll(day(69));
        assertThat(told()).isEmpty();
        announceAll(day(70.1));
        announceAll(day(70.2));
        assertThat(told()).containsExactly("vote.opened n1", "vote.opened n2", "vote.opened n3");
        announceAll(day(83.5));
        assertThat(told()).filteredOn(t -> t.startsWith("vote.closingSoon")).containsExactly("vote.closingSoon n1", "vote.closingSoon n3");
        announceAll(day(86.5));
        announceAll(day(87));
        assertThat(told()).filteredOn(t -> t.startsWith("vote.results")).containsExactly("vote.results n1", "vote.results n2",
                "vote.results n3");
        assertThat(told()).hasSize(8);
        var link = db().inTransaction(em -> Services.on(em).notificationCentre()
                .list(new Actor("n1", Set.of(Role.RESIDENT), Optional.empty(), Set.of()), 0, 1).get(0).getLink());
        assertThat(link).contains("/budget/call.xhtml?id=" + callId);
    }

    @Test
    void momentsAreDueDuringTwoDaysAfterThem() {
        PhasePlan phases = new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(85)), day(86), day(120));
        assertThat(VoteAnnouncements.due(phases, day(69.9))).isEmpty();
        assertThat(VoteAnnouncements.due(phases, day(70))).containsExactly(VoteAnnouncements.OPENED);
        assertThat(VoteAnnouncements.due(phases, day(72.5))).isEmpty();
        assertThat(VoteAnnouncements.due(phases, day(83))).containsExactly(VoteAnnouncements.CLOSING);
        assertThat(VoteAnnouncements.due(phases, day(85))).isEmpty();
        assertThat(VoteAnnouncements.due(phases, day(86))).containsExactly(VoteAnnouncements.RESULTS);
        assertThat(VoteAnnouncements.due(phases, day(88.5))).isEmpty();
        // a vote shorter than the reminder's lead: the reminder comes with the opening
        PhasePlan shortVote = new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(71)), day(72), day(120));
        assertThat(VoteAnnouncements.due(shortVote, day(70))).containsExactly(VoteAnnouncements.OPENED, VoteAnnouncements.CLOSING);
        assertThat(Duration.between(day(83), day(85))).isEqualTo(VoteAnnouncements.SOON);
    }
}
