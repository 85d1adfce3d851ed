package org.agora.budget.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** Participatory-budget calls against a real database; run on H2 and on PostgreSQL by the subclasses. */
public abstract class BudgetCallPersistenceContract extends DatabaseTest {

    public static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    public static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("nord")));

    /** 1,000,000 in all: 150,000 for each of the five districts and 250,000 for the whole city. */
    public static List<EnvelopeDraft> envelopes() {
        List<EnvelopeDraft> envelopes = new ArrayList<>();
        for (String code : List.of("centre", "nord", "sud", "est", "ouest")) {
            envelopes.add(new EnvelopeDraft(code, 150_000));
        }
        envelopes.add(new EnvelopeDraft("", 250_000));
        return envelopes;
    }

    public static BudgetCallDraft draft(List<EnvelopeDraft> envelopes, VotingRule votingRule, TallyRule tallyRule) {
        return new BudgetCallDraft("Budget participatif 2027", 2027, 1_000_000, envelopes, PhasePlanTest.plan(),
                votingRule, tallyRule, 16);
    }

    public static BudgetCallDraft approvalCall() {
        return draft(envelopes(), new VotingRule.Approval(1, 5), TallyRule.EQUAL_SHARES);
    }

    private <T> T budget(Function<BudgetService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).budget()));
    }

    private BudgetCall call(long id) {
        return budget(b -> {
            BudgetCall call = b.getCall(id);
            call.getEnvelopes().size(); // read while the transaction is open
            return call;
        });
    }

    @Test
    void aCallKeepsItsEnvelopesPhasesAndRules() {
        long id = budget(b -> b.createCall(OFFICE, approvalCall())).getId();

        BudgetCall stored = call(id);
        assertThat(stored.getName()).isEqualTo("Budget participatif 2027");
        assertThat(stored.getTotal()).isEqualTo(Money.of(1_000_000));
        assertThat(stored.getEnvelopes()).hasSize(6);
        assertThat(stored.findEnvelope(Optional.of(new DistrictCode("nord")))).map(Envelope::getAmount)
                .contains(Money.of(150_000));
        assertThat(stored.findEnvelope(Optional.empty())).map(Envelope::getAmount).contains(Money.of(250_000));
        assertThat(stored.getPhases()).isEqualTo(PhasePlanTest.plan());
        assertThat(stored.getVotingRule()).isEqualTo(new VotingRule.Approval(1, 5));
        assertThat(stored.getTallyRule()).isEqualTo(TallyRule.EQUAL_SHARES);
        assertThat(stored.getMinimumAge()).contains(16);
    }

    @Test
    void everyBallotRuleComesBackAsItWasSet() {
        for (VotingRule rule : List.of(new VotingRule.Knapsack(), new VotingRule.Cumulative(7, 3), new VotingRule.Ordinal(3))) {
            BudgetCallDraft base = draft(envelopes(), rule, TallyRule.GREEDY);
            BudgetCallDraft named = new BudgetCallDraft("Budget " + rule.getClass().getSimpleName(), 2027, base.total(),
                    base.envelopes(), base.phases(), rule, TallyRule.GREEDY, null);
            long id = budget(b -> b.createCall(OFFICE, named)).getId();

            assertThat(call(id).getVotingRule()).isEqualTo(rule);
        }
    }

    @Test
    void envelopesMustAddUpToTheTotal() {
        List<EnvelopeDraft> short100 = new ArrayList<>(envelopes());
        short100.set(0, new EnvelopeDraft("centre", 149_900));

        assertThatThrownBy(() -> budget(b -> b.createCall(OFFICE,
                draft(short100, new VotingRule.Approval(1, 5), TallyRule.GREEDY))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("budget.call.envelopesSum");
                    assertThat(e.arguments()).containsExactly(999_900L, 1_000_000L);
                });
        assertThat(budget(BudgetService::calls)).isEmpty();
    }

    @Test
    void aDistrictHasOneEnvelopeAndMustExist() {
        List<EnvelopeDraft> twice = new ArrayList<>(envelopes());
        twice.set(5, new EnvelopeDraft("nord", 250_000));
        assertThatThrownBy(() -> budget(b -> b.createCall(OFFICE, draft(twice, new VotingRule.Knapsack(), TallyRule.GREEDY))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.call.envelopeTwice");

        List<EnvelopeDraft> unknown = new ArrayList<>(envelopes());
        unknown.set(5, new EnvelopeDraft("lune", 250_000));
        assertThatThrownBy(() -> budget(b -> b.createCall(OFFICE, draft(unknown, new VotingRule.Knapsack(), TallyRule.GREEDY))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void equalSharesCountsApprovalBallotsOnly() {
        assertThatThrownBy(() -> budget(b -> b.createCall(OFFICE,
                draft(envelopes(), new VotingRule.Cumulative(7, 3), TallyRule.EQUAL_SHARES))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("budget.call.equalSharesNeedsApprovals");
    }

    @Test
    void onlyTheOfficeCreatesACall() {
        assertThatThrownBy(() -> budget(b -> b.createCall(AGENT_OF_NORD, approvalCall())))
                .isInstanceOf(NotAllowedException.class);
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_NORD, Optional.of(new DistrictCode("nord")))).isTrue();
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_NORD, Optional.of(new DistrictCode("sud")))).isFalse();
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_NORD, Optional.empty())).isFalse();
    }

    @Test
    void theRulesAreLockedOnceTheVoteOpens() {
        long id = budget(b -> b.createCall(OFFICE, approvalCall())).getId();
        BudgetCallDraft greedy = draft(envelopes(), new VotingRule.Approval(1, 5), TallyRule.GREEDY);
        Instant beforeVote = PhasePlanTest.day(69);
        Instant voteOpen = PhasePlanTest.day(70);

        budget(b -> b.updateCall(OFFICE, id, greedy, beforeVote));
        assertThat(call(id).getTallyRule()).isEqualTo(TallyRule.GREEDY);

        BudgetCallDraft back = approvalCall();
        assertThatThrownBy(() -> budget(b -> b.updateCall(OFFICE, id, back, voteOpen)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.call.rulesLocked");
        assertThat(call(id).getTallyRule()).isEqualTo(TallyRule.GREEDY);
    }

    @Test
    void twoCallsOfOneYearHaveDifferentNames() {
        budget(b -> b.createCall(OFFICE, approvalCall()));
        BudgetCallDraft same = approvalCall();
        BudgetCallDraft shouted = new BudgetCallDraft("BUDGET PARTICIPATIF 2027", 2027, same.total(), same.envelopes(),
                same.phases(), same.votingRule(), same.tallyRule(), null);

        assertThatThrownBy(() -> budget(b -> b.createCall(OFFICE, shouted)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.call.nameTaken");
    }
}
