package org.agora.budget.call;

import java.util.List;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;

/** What the office typed to create or change a call; checked by {@link BudgetCall} and {@link BudgetService}. */
public record BudgetCallDraft(String name, int year, long total, List<EnvelopeDraft> envelopes, PhasePlan phases,
                              VotingRule votingRule, TallyRule tallyRule, Integer minimumAge) {

    public BudgetCallDraft {
        envelopes = envelopes == null ? List.of() : List.copyOf(envelopes);
    }
}
