package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectService;
import org.agora.web.security.CurrentUser;

/** The projects a resident wrote (or co-wrote after a merge), where each stands and what the review said. */
@Named
@RequestScoped
public class MyProjectsPage {

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    private List<BudgetProject> mine;

    public List<BudgetProject> getProjects() {
        if (mine == null) {
            mine = projects.mine(currentUser.actor());
        }
        return mine;
    }
}
