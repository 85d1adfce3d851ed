package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetService;

/** The participatory-budget calls, newest first, for anyone. */
@Named
@RequestScoped
public class BudgetCallsPage {

    @Inject
    BudgetService budget;

    private List<BudgetCall> calls;

    public List<BudgetCall> getCalls() {
        if (calls == null) {
            calls = budget.calls();
        }
        return calls;
    }
}
