package org.agora.budget;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetService;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectFilter;
import org.agora.budget.project.ProjectService;
import org.agora.comment.Comment;
import org.agora.comment.CommentService;
import org.agora.comment.CommentTarget;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.shared.DemoData;
import org.agora.shared.DemoTexts;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * The demo's moderation queue, on the demo budget's projects (the moderation capability knows no project): a spam
 * comment on the shared garden reported by the demo resident, and the benches proposal reported by the resident of
 * Sud as done already. Both are in Nord, so the Nord agent and the moderator find them in their queue. Texts in
 * demo/moderation.properties. Loaded once, after the budget.
 */
@ApplicationScoped
public class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class.getName());

    private BudgetService budget;
    private ProjectService projects;
    private CommentService comments;
    private ModerationService moderation;

    protected DemoReports() {
        // for CDI
    }

    @Inject
    public DemoReports(BudgetService budget, ProjectService projects, CommentService comments,
                       ModerationService moderation) {
        this.budget = budget;
        this.projects = projects;
        this.comments = comments;
        this.moderation = moderation;
    }

    void onDemoStart(@Observes @Priority(DemoData.MODERATION) DemoData start) {
        if (seedIfEmpty(start.now())) {
            LOG.info("Demo reports loaded");
        }
    }

    /** Reports the demo items if nothing was ever reported and the demo call is there; returns whether it did. */
    public boolean seedIfEmpty(Instant now) {
        if (moderation.anyCase()) {
            return false;
        }
        DemoTexts budgetTexts = DemoTexts.of("budget");
        DemoTexts texts = DemoTexts.of("moderation");
        Optional<BudgetCall> call = budget.calls().stream()
                .filter(c -> c.getName().equals(budgetTexts.get("call.name"))).findFirst();
        if (call.isEmpty()) {
            return false;
        }
        Optional<BudgetProject> garden = project(call.get(), budgetTexts.get("garden.title"));
        Optional<BudgetProject> benches = project(call.get(), budgetTexts.get("benches.title"));
        if (garden.isEmpty() || benches.isEmpty()) {
            return false;
        }
        Actor spammer = resident("spammer.demo", "est");
        Actor resident = resident("resident", "nord");
        Actor residentOfSud = resident("resident.sud", "sud");
        Comment spam = comments.post(spammer, texts.get("spam.author"), CommentTarget.budgetProject(garden.get().getId()),
                texts.get("spam.comment"), now);
        moderation.report(resident, new ItemRef(ItemKind.COMMENT, spam.getId()), ReportReason.SPAM,
                texts.get("spam.details"), now);
        moderation.report(residentOfSud, new ItemRef(ItemKind.BUDGET_PROJECT, benches.get().getId()),
                ReportReason.OTHER, texts.get("duplicate.details"), now);
        return true;
    }

    private Optional<BudgetProject> project(BudgetCall call, String title) {
        return projects.search(ProjectFilter.allOf(call.getId())).stream().filter(p -> p.getTitle().equals(title))
                .findFirst();
    }

    private static Actor resident(String username, String district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of());
    }
}
