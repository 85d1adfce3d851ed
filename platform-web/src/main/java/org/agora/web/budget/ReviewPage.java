package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectPermissions;
import org.agora.budget.project.ProjectService;
import org.agora.budget.project.ProjectStatus;
import org.agora.budget.project.ReviewService;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * Staff review an envelope's projects ({@code ?id=}, the office or the agents of its district; others get a 403):
 * feasible with a revised cost, not feasible with a public reason, merged into the project it duplicates, and put on
 * the ballot or taken off it, until the vote opens. A refused step says why and keeps what was typed.
 */
@Named
@ViewScoped
public class ReviewPage implements Serializable {

    @Inject
    ReviewService review;

    @Inject
    ProjectService projects;

    @Inject
    BudgetService budget;

    @Inject
    BudgetLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private EnvelopeHeading heading;
    private long amount;
    private String whyNot;
    private List<Row> rows = List.of();

    /** One project under review and what the reviewer types for it. */
    public static final class Row implements Serializable {
        private final long id;
        private final String title;
        private final String status;
        private final String statusClass;
        private final boolean onBallot;
        private final long cost;
        private final Long estimate;
        private final long supports;
        private final String mergedInto;
        private final boolean merged;
        private final ProjectStatus state;
        private Long revisedCost;
        private String reason;
        private Long mergeTarget;

        Row(BudgetProject p, long supports, BudgetLabels labels) {
            id = p.getId();
            title = p.getTitle();
            status = labels.status(p);
            statusClass = labels.statusClass(p);
            onBallot = p.isOnBallot();
            cost = p.getCost().amount();
            estimate = p.getEstimatedCost().map(m -> m.amount()).orElse(null);
            this.supports = supports;
            state = p.getStatus();
            merged = state == ProjectStatus.MERGED;
            mergedInto = p.getMergedInto().map(BudgetProject::getTitle).orElse(null);
            revisedCost = cost;
            reason = p.getReviewReason().orElse(null);
        }

        public boolean isFeasible() {
            return state == ProjectStatus.FEASIBLE;
        }

        public long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public String getStatus() {
            return status;
        }

        public String getStatusClass() {
            return statusClass;
        }

        public boolean isOnBallot() {
            return onBallot;
        }

        public long getCost() {
            return cost;
        }

        public Long getEstimate() {
            return estimate;
        }

        public long getSupports() {
            return supports;
        }

        public boolean isMerged() {
            return merged;
        }

        public String getMergedInto() {
            return mergedInto;
        }

        public Long getRevisedCost() {
            return revisedCost;
        }

        public void setRevisedCost(Long revisedCost) {
            this.revisedCost = revisedCost;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public Long getMergeTarget() {
            return mergeTarget;
        }

        public void setMergeTarget(Long mergeTarget) {
            this.mergeTarget = mergeTarget;
        }
    }

    public void load() {
        Optional<Envelope> found = id == null ? Optional.empty() : budget.findEnvelope(id);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Envelope envelope = found.get();
        if (!BudgetPermissions.canManageEnvelope(currentUser.actor(), envelope.getDistrict())) {
            Pages.forbidden();
            return;
        }
        heading = EnvelopeHeading.of(envelope, labels);
        amount = envelope.getAmount().amount();
        whyNot = ProjectPermissions.whyNotReview(currentUser.actor(), envelope, Instant.now()).orElse(null);
        Map<Long, Long> supports = projects.supportsOfCall(heading.getCallId());
        rows = review.projects(currentUser.actor(), id).stream()
                .map(p -> new Row(p, supports.getOrDefault(p.getId(), 0L), labels)).toList();
    }

    public String feasible(Row row) {
        return step(() -> review.markFeasible(currentUser.actor(), row.id, row.revisedCost, row.reason, Instant.now()),
                "budget.review.markedFeasible");
    }

    public String notFeasible(Row row) {
        return step(() -> review.markNotFeasible(currentUser.actor(), row.id, row.reason, Instant.now()),
                "budget.review.markedNotFeasible");
    }

    public String merge(Row row) {
        return step(() -> {
            if (row.mergeTarget == null) {
                throw new InvalidInputException("target", "budget.review.mergeTargetRequired");
            }
            return review.merge(currentUser.actor(), row.id, row.mergeTarget, Instant.now());
        }, "budget.review.mergedDone");
    }

    public String putOnBallot(Row row) {
        return step(() -> review.putOnBallot(currentUser.actor(), row.id, true, Instant.now()), "budget.review.onBallot");
    }

    public String takeOffBallot(Row row) {
        return step(() -> review.putOnBallot(currentUser.actor(), row.id, false, Instant.now()), "budget.review.offBallot");
    }

    private String step(Supplier<BudgetProject> change, String doneKey) {
        return FacesActions.run("review", () -> {
            BudgetProject changed = change.get();
            FacesFeedback.done(doneKey, changed.getTitle());
            return "/budget/manage/envelope?faces-redirect=true&id=" + id;
        });
    }

    /** The projects a row may be merged into: the others of the envelope that are not merged themselves. */
    public List<Row> mergeTargets(Row row) {
        return rows.stream().filter(r -> r.id != row.id && !r.merged).toList();
    }

    public long getBallotCost() {
        return rows.stream().filter(Row::isOnBallot).mapToLong(Row::getCost).sum();
    }

    public boolean isAllowed() {
        return whyNot == null;
    }

    public String getWhyNotText() {
        return whyNot == null ? null : Texts.format(language.getCurrent(), whyNot);
    }

    public List<Row> getRows() {
        return rows;
    }

    public EnvelopeHeading getHeading() {
        return heading;
    }

    public long getAmount() {
        return amount;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
