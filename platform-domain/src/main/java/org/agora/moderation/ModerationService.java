package org.agora.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The use cases of moderation: report an item, the queue, the decisions on a case (keep, hide, restore, reject), and
 * what a reporter knows of their reports. One transaction per change, each decision appended to the {@link AuditLog}
 * in it. The owners of the items ({@link ModerationTargets}) say what an item is and apply its visibility; a decision
 * the author should hear of is announced as a {@link ModerationDecided} CDI event.
 */
@ApplicationScoped
@Transactional
public class ModerationService {

    /** The queue's filters; each part optional. */
    public record QueueFilter(Optional<ItemKind> kind, Optional<DistrictCode> district, Optional<ReportReason> reason,
                              Optional<CaseState> state) {

        /** What waits for a decision, of every kind, district and reason. */
        public static final QueueFilter AWAITING = new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A case with its reports and the item as its owner shows it now (empty if it is gone). */
    public record CaseFile(ModerationCase moderationCase, List<Report> reports, Optional<ModeratedItem> item) {
    }

    /** A reporter's report and where its item stands. */
    public record MyReport(Report report, ItemRef item, String excerpt, CaseState state) {
    }

    /**
     * Told to whoever listens ({@link ModerationNotices}) when a moderator decided about an author's item: where the
     * item is read ({@code path}, relative to the platform) and when it was decided.
     */
    public record ModerationDecided(ItemRef item, String author, CaseState state, Optional<String> publicReason,
                                    String path, Instant at) {
    }

    public static final int QUEUE_PAGE = 200;

    private EntityManager em;
    private Iterable<ModerationTargets> owners;
    private AuditLog audit;
    private AutoHide autoHide;
    private Decisions decisions;

    /** Where decisions are announced; outside a container, nowhere. */
    public interface Decisions {
        void fire(ModerationDecided decided);
    }

    protected ModerationService() {
        // for CDI
    }

    @Inject
    public ModerationService(EntityManager em, @Any Instance<ModerationTargets> owners, AuditLog audit,
                             @ConfigProperty(name = "agora.moderation.auto-hide-reports",
                                     defaultValue = "" + AutoHide.DEFAULT_THRESHOLD) int autoHideReports,
                             jakarta.enterprise.event.Event<ModerationDecided> decided) {
        this(em, owners, audit, new AutoHide(autoHideReports), decided::fire);
    }

    /** Outside a container: the owners by hand, the rule, and where decisions go. */
    public ModerationService(EntityManager em, Iterable<ModerationTargets> owners, AuditLog audit, AutoHide autoHide,
                             Decisions decisions) {
        this.em = em;
        this.owners = owners;
        this.audit = audit;
        this.autoHide = autoHide;
        this.decisions = decisions;
    }

    /**
     * Reports an item this person may see, once: a second report of the same item by the same person is refused
     * (also when both arrive at once, by the database's key). Hides the item when the rule says so.
     */
    public Report report(Actor reporter, ItemRef ref, ReportReason reason, String details, Instant now) {
        ModeratedItem item = owner(ref.kind()).find(reporter, ref.id())
                .orElseThrow(() -> new NotFoundException("moderation.item.notFound", ref.id()));
        ModerationPermissions.whyNotReport(reporter, item).ifPresent(why -> {
            throw new NotAllowedException(why);
        });
        String text = Report.details(reason, details);
        ModerationCase moderationCase = lockedCase(ref).orElseGet(() -> newCase(item, now));
        if (hasReported(moderationCase.getId(), reporter.username())) {
            throw new ConflictException(null, "moderation.report.already");
        }
        Report report = new Report(moderationCase.getId(), reporter.username(), reason, text, now);
        em.persist(report);
        Constraints.flush(em, () -> new ConflictException(null, "moderation.report.already"));
        boolean hidable = owner(ref.kind()).whyNotHide(ref.id()).isEmpty();
        if (moderationCase.reported(autoHide, hidable, now)) {
            owner(ref.kind()).show(ref.id(), Visibility.PENDING_REVIEW);
            audit.append(system(), now, AuditAction.AUTO_HIDE, ref.kind().name(), String.valueOf(ref.id()),
                    moderationCase.getDistrict(), autoHide.threshold() + " reports", CaseState.OPEN.name(),
                    CaseState.PENDING.name());
        }
        Constraints.flush(em, () -> new ConflictException(null, "moderation.case.changedMeanwhile"));
        return report;
    }

    /** The cases this person moderates, newest first, filtered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModerationCase> queue(Actor staff, QueueFilter filter) {
        if (!ModerationPermissions.canWorkQueue(staff)) {
            throw new NotAllowedException("moderation.queue.notAllowed");
        }
        StringBuilder jpql = new StringBuilder("select c from ModerationCase c where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.state().isPresent()) {
            jpql.append(" and c.state = :state");
            parameters.put("state", filter.state().get());
        } else {
            jpql.append(" and c.state in :awaiting");
            parameters.put("awaiting", List.of(CaseState.OPEN, CaseState.PENDING));
        }
        filter.kind().ifPresent(k -> {
            jpql.append(" and c.itemKind = :kind");
            parameters.put("kind", k);
        });
        filter.district().ifPresent(d -> {
            jpql.append(" and c.districtCode = :district");
            parameters.put("district", d.value());
        });
        if (!staff.has(org.agora.shared.Role.MODERATOR) && !staff.has(org.agora.shared.Role.OFFICE_ADMIN)) {
            jpql.append(" and c.districtCode in :served");
            parameters.put("served", staff.agentDistricts().stream().map(DistrictCode::value).toList());
        }
        filter.reason().ifPresent(r -> {
            jpql.append(" and exists (select r from Report r where r.caseId = c.id and r.reason = :reason)");
            parameters.put("reason", r);
        });
        jpql.append(" order by c.openedAt desc, c.id desc");
        TypedQuery<ModerationCase> query = em.createQuery(jpql.toString(), ModerationCase.class)
                .setMaxResults(QUEUE_PAGE);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** One case with its reports and its item, for those who moderate its district; 404 to the others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseFile caseFile(Actor staff, long caseId) {
        ModerationCase moderationCase = moderated(staff, caseId);
        List<Report> reports = em.createQuery("select r from Report r where r.caseId = :c order by r.reportedAt, r.id",
                Report.class).setParameter("c", caseId).getResultList();
        return new CaseFile(moderationCase, reports, owner(moderationCase.getItem().kind())
                .item(moderationCase.getItem().id()));
    }

    /** Keeps the item: its reports are dismissed and it is shown (again, if the rule had hidden it). */
    public ModerationCase keep(Actor staff, long caseId, String note, Instant now) {
        ModerationCase c = decidable(staff, caseId);
        CaseState before = c.getState();
        c.keep(staff.username(), now);
        return decided(staff, c, before, AuditAction.KEEP, note, Report.Status.DISMISSED, now);
    }

    /** Hides the item with a public reason shown in its place. */
    public ModerationCase hide(Actor staff, long caseId, String publicReason, Instant now) {
        ModerationCase c = decidable(staff, caseId);
        owner(c.getItem().kind()).whyNotHide(c.getItem().id()).ifPresent(why -> {
            throw new ConflictException(null, why);
        });
        CaseState before = c.getState();
        c.hide(publicReason, staff.username(), now);
        return decided(staff, c, before, AuditAction.HIDE, c.getPublicReason().orElseThrow(), Report.Status.UPHELD, now);
    }

    /** Shows a hidden item again. */
    public ModerationCase restore(Actor staff, long caseId, String note, Instant now) {
        ModerationCase c = decidable(staff, caseId);
        CaseState before = c.getState();
        c.restore(staff.username(), now);
        return decided(staff, c, before, AuditAction.RESTORE, note, Report.Status.DISMISSED, now);
    }

    /** Rejects the item for good with a public reason, where its owner knows such a step (a budget proposal). */
    public ModerationCase reject(Actor staff, long caseId, String publicReason, Instant now) {
        ModerationCase c = decidable(staff, caseId);
        CaseState before = c.getState();
        c.reject(publicReason, staff.username(), now);
        owner(c.getItem().kind()).reject(c.getItem().id(), c.getPublicReason().orElseThrow());
        return decided(staff, c, before, AuditAction.REJECT, c.getPublicReason().orElseThrow(), Report.Status.UPHELD,
                now);
    }

    /** This person's reports, newest first, with where each item stands now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyReport> myReports(Actor reporter) {
        if (!reporter.isSignedIn()) {
            throw new NotAllowedException("moderation.report.signIn");
        }
        List<Object[]> rows = em.createQuery("select r, c from Report r, ModerationCase c where r.caseId = c.id"
                        + " and r.reporter = :me order by r.reportedAt desc, r.id desc", Object[].class)
                .setParameter("me", reporter.username()).setMaxResults(QUEUE_PAGE).getResultList();
        return rows.stream().map(row -> {
            ModerationCase c = (ModerationCase) row[1];
            return new MyReport((Report) row[0], c.getItem(), c.getExcerpt(), c.getState());
        }).toList();
    }

    /** How many contributions to a space moderators refused (hidden or rejected), by public reason: public figures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> rejections(String space) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        int colon = space.lastIndexOf(':');
        List<Object[]> rows = em.createQuery("select c.publicReason, count(c) from ModerationCase c where c.spaceKind = :k"
                        + " and c.spaceId = :i and c.state in :refused group by c.publicReason", Object[].class)
                .setParameter("k", space.substring(0, colon)).setParameter("i", Long.parseLong(space.substring(colon + 1)))
                .setParameter("refused", List.of(CaseState.HIDDEN, CaseState.REJECTED)).getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Whether anything was ever reported (the demo seeds its reports only then). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyCase() {
        return !em.createQuery("select c.id from ModerationCase c", Long.class).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** Where the item stands in moderation, for its author and its reporters; empty when it was never reported. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseState> stateOf(ItemRef ref) {
        return findCase(ref).map(ModerationCase::getState);
    }

    private ModerationCase decided(Actor staff, ModerationCase c, CaseState before, AuditAction action, String reason,
                                   Report.Status reportsBecome, Instant now) {
        owner(c.getItem().kind()).show(c.getItem().id(), c.visibility(), now);
        em.createQuery("update Report r set r.status = :after where r.caseId = :c and r.status = :open")
                .setParameter("after", reportsBecome).setParameter("c", c.getId())
                .setParameter("open", Report.Status.OPEN).executeUpdate();
        audit.append(staff, now, action, c.getItem().kind().name(), String.valueOf(c.getItem().id()), c.getDistrict(),
                reason, before.name(), c.getState().name());
        Constraints.flush(em, () -> new ConflictException(null, "moderation.case.changedMeanwhile"));
        // the one place that tells the author (ModerationNotices observes it)
        String path = owner(c.getItem().kind()).item(c.getItem().id()).map(ModeratedItem::path).orElse("/");
        decisions.fire(new ModerationDecided(c.getItem(), c.getAuthor(), c.getState(), c.getPublicReason(), path, now));
        return c;
    }

    private ModerationCase decidable(Actor staff, long caseId) {
        ModerationCase c = moderated(staff, caseId);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(c);
        return c;
    }

    private ModerationCase moderated(Actor staff, long caseId) {
        if (!ModerationPermissions.canWorkQueue(staff)) {
            throw new NotAllowedException("moderation.queue.notAllowed");
        }
        ModerationCase c = Optional.ofNullable(em.find(ModerationCase.class, caseId))
                .orElseThrow(() -> new NotFoundException("moderation.case.notFound", caseId));
        if (!ModerationPermissions.canModerate(staff, c.getDistrict())) {
            throw new NotAllowedException("moderation.case.otherDistrict");
        }
        return c;
    }

    private Optional<ModerationCase> findCase(ItemRef ref) {
        return em.createQuery("select c from ModerationCase c where c.itemKind = :k and c.itemId = :i",
                        ModerationCase.class)
                .setParameter("k", ref.kind()).setParameter("i", ref.id()).getResultStream().findFirst();
    }

    private Optional<ModerationCase> lockedCase(ItemRef ref) {
        return em.createQuery("select c from ModerationCase c where c.itemKind = :k and c.itemId = :i",
                        ModerationCase.class)
                .setParameter("k", ref.kind()).setParameter("i", ref.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private ModerationCase newCase(ModeratedItem item, Instant now) {
        ModerationCase c = new ModerationCase(item, now);
        em.persist(c);
        // two first reports at once: the item's unique key lets one case in, the other reporter is asked to retry
        Constraints.flush(em, () -> new ConflictException(null, "moderation.case.changedMeanwhile"));
        return c;
    }

    private boolean hasReported(long caseId, String username) {
        return !em.createQuery("select r.id from Report r where r.caseId = :c and r.reporter = :u", Long.class)
                .setParameter("c", caseId).setParameter("u", username).getResultList().isEmpty();
    }

    private ModerationTargets owner(ItemKind kind) {
        return StreamSupport.stream(owners.spliterator(), false).filter(o -> o.kind() == kind).findFirst()
                .orElseThrow(() -> new NotFoundException("moderation.item.notFound", kind));
    }

    private static Actor system() {
        return new Actor("agora", java.util.Set.of(), Optional.empty(), java.util.Set.of());
    }
}
