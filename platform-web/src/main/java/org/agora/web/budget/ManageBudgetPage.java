package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.web.security.CurrentUser;

/** Staff's entry to the budget: each call with the envelopes this person manages; the office also edits calls. */
@Named
@RequestScoped
public class ManageBudgetPage {

    @Inject
    BudgetService budget;

    @Inject
    CurrentUser currentUser;

    @Inject
    BudgetLabels labels;

    private List<BudgetCall> calls;

    public List<BudgetCall> getCalls() {
        if (calls == null) {
            calls = budget.calls();
        }
        return calls;
    }

    public List<Envelope> managed(BudgetCall call) {
        return call.getEnvelopes().stream()
                .filter(e -> BudgetPermissions.canManageEnvelope(currentUser.actor(), e.getDistrict()))
                .sorted(Comparator.comparing(Envelope::isCityWide).reversed().thenComparing(labels::envelope))
                .toList();
    }

    public boolean isOffice() {
        return BudgetPermissions.canManageCalls(currentUser.actor());
    }
}
