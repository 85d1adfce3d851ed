package org.agora.web.budget;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectPermissions;
import org.agora.budget.project.ProjectService;
import org.agora.comment.CommentTarget;
import org.agora.web.audience.PageAudience;
import org.agora.web.comment.CommentsSection;
import org.agora.web.moderation.HiddenNotice;
import org.agora.web.moderation.ReportForm;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * One project for anyone ({@code ?id=}): what it is, where, what it costs, its pictures and supports, where it stands
 * in the review (with the public reason), the project it was merged into; residents of its envelope support it or
 * withdraw their support during the submission phase, its authors edit it until it is reviewed; its comments below.
 */
@Named
@ViewScoped
public class ProjectPage implements Serializable {

    @Inject
    ProjectService projects;

    @Inject
    org.agora.budget.followup.FollowUpService followUps;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommentsSection comments;

    @Inject
    ReportForm report;

    private Long id;
    private transient BudgetProject project;
    private long supports;
    private String hiddenNotice;
    private boolean supported;

    public void load() {
        Optional<BudgetProject> found = id == null ? Optional.empty() : projects.find(id);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        project = found.get();
        PageAudience.about(project.getEnvelope().getDistrict());
        hiddenNotice = HiddenNotice.of(project.getVisibility(),
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale());
        supports = projects.supports(id);
        supported = projects.hasSupported(currentUser.actor(), id);
        comments.show(CommentTarget.budgetProject(id));
        report.show(org.agora.moderation.ItemKind.BUDGET_PROJECT, id);
    }

    public String support() {
        FacesActions.runInPlace("support", () -> {
            projects.support(currentUser.actor(), id, Instant.now());
            FacesFeedback.done("budget.support.done");
        });
        return thisPage();
    }

    public String withdraw() {
        FacesActions.runInPlace("support", () -> {
            projects.withdrawSupport(currentUser.actor(), id, Instant.now());
            FacesFeedback.done("budget.support.withdrawn");
        });
        return thisPage();
    }

    private String thisPage() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/budget/project?faces-redirect=true&id=" + id;
    }

    /** The project shown; read again after the view was restored elsewhere (it is not kept serialized). */
    /** What shows in place of a project moderation hides; null when it is shown. */
    public String getHiddenNotice() {
        return hiddenNotice;
    }

    /** The page's title: the project's, or the notice in place of a hidden one. */
    public String getTitle() {
        BudgetProject shown = getProject();
        return shown == null ? null : hiddenNotice != null ? hiddenNotice : shown.getTitle();
    }

    public BudgetProject getProject() {
        if (project == null && id != null) {
            project = projects.find(id).orElse(null);
        }
        return project;
    }

    public long getSupports() {
        return supports;
    }

    public boolean isSupported() {
        return supported;
    }

    /** Why the visitor may not support it now; null when they may. */
    public String getWhyNotSupport() {
        return ProjectPermissions.whyNotSupport(currentUser.actor(), getProject(), Instant.now())
                .map(key -> Texts.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key))
                .orElse(null);
    }

    public boolean isMaySupport() {
        return ProjectPermissions.whyNotSupport(currentUser.actor(), getProject(), Instant.now()).isEmpty();
    }

    /** Whether the project won and its implementation is followed up publicly. */
    public boolean isFollowedUp() {
        return followUps.find(id, Instant.now()).isPresent();
    }

    public boolean isMayEdit() {
        return ProjectPermissions.whyNotEdit(currentUser.actor(), getProject(), Instant.now()).isEmpty();
    }

    public boolean isAuthor() {
        return getProject().isAuthor(currentUser.actor().username());
    }

    public boolean isManager() {
        return BudgetPermissions.canManageEnvelope(currentUser.actor(), getProject().getEnvelope().getDistrict());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
