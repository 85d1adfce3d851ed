package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectFilter;
import org.agora.budget.project.ProjectPoint;
import org.agora.budget.project.ProjectService;
import org.agora.budget.project.ProjectStatus;
import org.agora.comment.CommentService;
import org.agora.comment.CommentTarget;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.agora.web.platform.Pages;

/**
 * A call's projects for anyone ({@code ?call=}), filtered by envelope, theme, status and words, all in the address
 * (a plain GET form), a page at a time ({@code ?page=}, read from the database as such), with their supports, and a
 * map of every matching project that has a point.
 */
@Named
@RequestScoped
public class ProjectsPage {

    /** The statuses one can filter on; ON_BALLOT is "feasible and on the ballot". */
    public static final List<String> STATUSES = List.of("SUBMITTED", "FEASIBLE", "NOT_FEASIBLE", "ON_BALLOT");

    /** How many projects a page shows. */
    static final int PAGE_SIZE = 24;

    @Inject
    BudgetService budget;

    @Inject
    ProjectService projects;

    @Inject
    TerritoryService territory;

    @Inject
    BudgetLabels labels;

    @Inject
    CommentService comments;

    private Long call;
    private Long envelope;
    private Long theme;
    private String status;
    private String q;
    private Integer page;

    private BudgetCall budgetCall;
    private Page<BudgetProject> results;
    private List<ProjectPoint> points;
    private Map<Long, Long> supports;
    private Map<Long, Long> commentCounts;

    public void load() {
        try {
            budgetCall = budget.getCall(call == null ? -1 : call);
        } catch (NotFoundException e) {
            Pages.notFound();
            return;
        }
        boolean onBallot = "ON_BALLOT".equals(status);
        ProjectStatus wanted = onBallot || status == null || !STATUSES.contains(status) ? null : ProjectStatus.valueOf(status);
        ProjectFilter filter = new ProjectFilter(budgetCall.getId(), envelope, theme, wanted, onBallot, q);
        results = projects.search(filter, PageRequest.of(page, PAGE_SIZE));
        points = projects.points(filter);
        supports = projects.supportsOfCall(budgetCall.getId());
        commentCounts = comments.counts(CommentTarget.Kind.BUDGET_PROJECT,
                results.items().stream().map(BudgetProject::getId).toList());
    }

    public long supportsOf(BudgetProject project) {
        return supports.getOrDefault(project.getId(), 0L);
    }

    public long commentsOf(BudgetProject project) {
        return commentCounts.getOrDefault(project.getId(), 0L);
    }

    /** The matching projects with a point, on every page, for the map: [{id, title, lat, lng}], read by its script. */
    public String getMapPoints() {
        JsonArrayBuilder json = Json.createArrayBuilder();
        points.forEach(p -> json.add(Json.createObjectBuilder().add("id", p.id()).add("title", p.title())
                .add("lat", p.point().latitude()).add("lng", p.point().longitude())));
        return json.build().toString();
    }

    public boolean isAnyPoint() {
        return !points.isEmpty();
    }

    public BudgetCall getBudgetCall() {
        return budgetCall;
    }

    public List<Envelope> getEnvelopes() {
        return budgetCall.getEnvelopes();
    }

    public List<Theme> getThemes() {
        return territory.themes();
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public String statusLabel(String value) {
        return "ON_BALLOT".equals(value) ? labels.onBallot() : labels.status(ProjectStatus.valueOf(value));
    }

    public List<BudgetProject> getList() {
        return results.items();
    }

    /** This page of the matching projects, with how many match in all. */
    public Page<BudgetProject> getResults() {
        return results;
    }

    public Long getCall() {
        return call;
    }

    public void setCall(Long call) {
        this.call = call;
    }

    public Long getEnvelope() {
        return envelope;
    }

    public void setEnvelope(Long envelope) {
        this.envelope = envelope;
    }

    public Long getTheme() {
        return theme;
    }

    public void setTheme(Long theme) {
        this.theme = theme;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
