package org.agora.budget;

import java.util.List;

/** What the office typed to create or change a call; checked by {@link BudgetCall} and {@link BudgetService}. */
public record BudgetCallDraft(String name, int year, long total, List<EnvelopeDraft> envelopes, PhasePlan phases,
                              VotingRule votingRule, TallyRule tallyRule, Integer minimumAge) {

    public BudgetCallDraft {
        envelopes = envelopes == null ? List.of() : List.copyOf(envelopes);
    }
}
