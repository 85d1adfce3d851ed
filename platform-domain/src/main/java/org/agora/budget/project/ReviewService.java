package org.agora.budget.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditLog;
import org.agora.moderation.ItemKind;
import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;
import org.agora.notification.Notifications;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Staff reviewing an envelope's projects until the vote opens: feasible (with a revised cost) or not feasible
 * (with a public reason), duplicates merged into one project (their authors and supports carried over), and the
 * feasible projects put on the ballot or taken off it. The authors read the outcome on their projects' pages and are
 * told it (notifications). Each decision is appended to the audit log in its transaction.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    private EntityManager em;
    private Notifications notifications;
    private AuditLog audit;

    protected ReviewService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public ReviewService(EntityManager em, Notifications notifications, AuditLog audit) {
        this.em = em;
        this.notifications = notifications;
        this.audit = audit;
    }

    public BudgetProject markFeasible(Actor staff, long projectId, Long revisedCost, String note, Instant now) {
        BudgetProject project = reviewable(staff, projectId, now);
        String before = state(project);
        project.markFeasible(revisedCost, note);
        BudgetProject saved = audited(staff, now, AuditAction.REVIEW_FEASIBLE, project, note, before);
        notifications.tellAll(ReviewNotices.feasible(saved, staff), now);
        return saved;
    }

    public BudgetProject markNotFeasible(Actor staff, long projectId, String reason, Instant now) {
        BudgetProject project = reviewable(staff, projectId, now);
        String before = state(project);
        project.markNotFeasible(reason);
        BudgetProject saved = audited(staff, now, AuditAction.REVIEW_NOT_FEASIBLE, project, reason, before);
        notifications.tellAll(ReviewNotices.notFeasible(saved, staff), now);
        return saved;
    }

    /** Merges the duplicate into the target: the duplicate's authors and supporters now back the target. */
    public BudgetProject merge(Actor staff, long duplicateId, long targetId, Instant now) {
        BudgetProject duplicate = reviewable(staff, duplicateId, now);
        BudgetProject target = project(targetId);
        List<Notice> told = ReviewNotices.merged(duplicate, target, staff);
        String before = state(duplicate);
        duplicate.mergeInto(target);
        em.createNativeQuery("insert into project_supports (project_id, supporter) select ?, s.supporter"
                        + " from project_supports s where s.project_id = ? and not exists (select 1 from project_supports t"
                        + " where t.project_id = ? and t.supporter = s.supporter)")
                .setParameter(1, targetId).setParameter(2, duplicateId).setParameter(3, targetId).executeUpdate();
        em.createNativeQuery("delete from project_supports where project_id = ?").setParameter(1, duplicateId)
                .executeUpdate();
        audited(staff, now, AuditAction.REVIEW_MERGE, duplicate, "→ " + targetId, before);
        BudgetProject merged = saved(target);
        notifications.tellAll(told, now);
        return merged;
    }

    public BudgetProject putOnBallot(Actor staff, long projectId, boolean onBallot, Instant now) {
        BudgetProject project = reviewable(staff, projectId, now);
        if (onBallot && project.isHidden()) {
            // what moderation hides (or holds for review) goes on no ballot until a moderator shows it again
            throw new ConflictException(null, "budget.review.hiddenNotOnBallot");
        }
        String before = state(project);
        project.setOnBallot(onBallot);
        return audited(staff, now, AuditAction.REVIEW_BALLOT, project, null, before);
    }

    /** Every project of the envelope, merged duplicates included, for its managers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetProject> projects(Actor staff, long envelopeId) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        if (!BudgetPermissions.canManageEnvelope(staff, envelope.getDistrict())) {
            throw new NotAllowedException("budget.envelope.notAllowed");
        }
        return em.createQuery("select p from BudgetProject p where p.envelope.id = :e order by p.id", BudgetProject.class)
                .setParameter("e", envelopeId).getResultList();
    }

    private BudgetProject reviewable(Actor staff, long projectId, Instant now) {
        BudgetProject project = project(projectId);
        ProjectPermissions.whyNotReview(staff, project.getEnvelope(), now).ifPresent(reason -> {
            throw reason.equals("budget.call.rulesLocked")
                    ? new ConflictException(null, reason) : new NotAllowedException(reason);
        });
        return project;
    }

    private BudgetProject project(long id) {
        return Optional.ofNullable(em.find(BudgetProject.class, id))
                .orElseThrow(() -> new NotFoundException("budget.project.notFound", id));
    }

    /** The decision saved, and appended to the audit log in the same transaction. */
    private BudgetProject audited(Actor staff, Instant now, AuditAction action, BudgetProject project, String reason,
                                  String before) {
        audit.append(staff, now, action, ItemKind.BUDGET_PROJECT.name(), String.valueOf(project.getId()),
                project.getEnvelope().getDistrict(), reason, before, state(project));
        return saved(project);
    }

    private static String state(BudgetProject project) {
        return project.getStatus().name() + (project.isOnBallot() ? " ON_BALLOT" : "") + " " + project.getCost();
    }

    private BudgetProject saved(BudgetProject project) {
        Constraints.flush(em, () -> new ConflictException(null, "budget.project.changedMeanwhile"));
        return project;
    }

    // --- notifications (issue 14): what the review tells the authors. Kept inside ReviewService, one nested class,
    // so that the budget package's split moves it with the service (no file of its own to place).

    /** The authors (not the reviewer) are told their project's outcome; a merge tells the duplicate's authors. */
    static final class ReviewNotices {

        private ReviewNotices() {
        }

        static List<Notice> feasible(BudgetProject project, Actor staff) {
            return tell(project, staff, "project.feasible", project.getTitle(), project.getCost().amount());
        }

        static List<Notice> notFeasible(BudgetProject project, Actor staff) {
            return tell(project, staff, "project.notFeasible", project.getTitle(), project.getReviewReason().orElse(""));
        }

        static List<Notice> merged(BudgetProject duplicate, BudgetProject target, Actor staff) {
            return duplicate.getAuthors().stream().filter(a -> !a.equals(staff.username()))
                    .map(a -> Notice.of(a, NotificationKind.PROJECT_REVIEWED, "project.merged",
                            "/budget/project.xhtml?id=" + target.getId(), duplicate.getTitle(), target.getTitle()))
                    .toList();
        }

        private static List<Notice> tell(BudgetProject project, Actor staff, String event, Object... values) {
            return project.getAuthors().stream().filter(a -> !a.equals(staff.username()))
                    .map(a -> Notice.of(a, NotificationKind.PROJECT_REVIEWED, event,
                            "/budget/project.xhtml?id=" + project.getId(), values))
                    .toList();
        }
    }
}
