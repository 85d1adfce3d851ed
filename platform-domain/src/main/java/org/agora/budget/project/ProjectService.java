package org.agora.budget.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;
import org.agora.moderation.ModerationHolds;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.shared.Where;
import org.agora.territory.TerritoryService;

/**
 * Residents' projects: submitting and editing them with their pictures during the submission phase, supporting
 * them, and finding them (public). One transaction per use case; {@link BudgetPermissions} decides who may.
 */
@ApplicationScoped
@Transactional
public class ProjectService {

    private EntityManager em;
    private TerritoryService territory;
    private ImageService images;
    private ModerationHolds holds;

    protected ProjectService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public ProjectService(EntityManager em, TerritoryService territory, ImageService images, ModerationHolds holds) {
        this.em = em;
        this.territory = territory;
        this.images = images;
        this.holds = holds;
    }

    /** A resident's proposal; in a pre-moderated call it waits, hidden, for a moderator's approval. */
    public BudgetProject submit(Actor author, ProjectDraft draft, Instant now) {
        Envelope envelope = envelopeOf(draft);
        ProjectPermissions.whyNotSubmit(author, envelope, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        requireTheme(draft);
        BudgetProject project = BudgetProject.submitted(envelope, draft, author.username(), now);
        boolean held = envelope.getCall().isPreModerated();
        if (held) {
            project.show(Visibility.PENDING_REVIEW);
        }
        em.persist(project);
        em.flush();
        if (held) {
            holds.hold(ProjectModeration.item(project), now);
            em.flush();
        }
        return project;
    }

    /** The authors change their project, possibly to another envelope of the same call they may submit to. */
    public BudgetProject edit(Actor author, long projectId, ProjectDraft draft, Instant now) {
        BudgetProject project = editable(author, projectId, now);
        Envelope envelope = envelopeOf(draft);
        if (!envelope.getCall().getId().equals(project.getEnvelope().getCall().getId())) {
            throw new InvalidInputException("envelope", "budget.project.otherCall");
        }
        ProjectPermissions.whyNotSubmit(author, envelope, now).ifPresent(reason -> {
            throw new InvalidInputException("envelope", reason);
        });
        requireTheme(draft);
        project.edit(envelope, draft);
        Constraints.flush(em, () -> new ConflictException(null, "budget.project.changedMeanwhile"));
        return project;
    }

    /**
     * Checks the picture (type by content, size) and adds it; at most three, refused with the reason, nothing stored.
     * The author says that the people one can recognise on it agreed to its publication (image rights), or that
     * nobody can be recognised: without that, the picture is refused.
     */
    public BudgetProject addImage(Actor author, long projectId, String fileName, byte[] bytes, boolean peopleAgreed,
                                  Instant now) {
        BudgetProject project = editable(author, projectId, now);
        if (project.getImageIds().size() >= BudgetProject.MAX_IMAGES) {
            throw new InvalidInputException("file", "budget.project.tooManyImages", BudgetProject.MAX_IMAGES);
        }
        org.agora.media.ImageFile.read(fileName, bytes); // a file that is no picture is refused as such first
        if (!peopleAgreed) {
            throw new InvalidInputException("peopleAgreed", "media.image.peopleAgreed");
        }
        StoredImage image = images.store(author.username(), fileName, bytes);
        project.addImage(image.getId());
        em.flush();
        return project;
    }

    public BudgetProject removeImage(Actor author, long projectId, long imageId, Instant now) {
        BudgetProject project = editable(author, projectId, now);
        if (project.removeImage(imageId)) {
            em.flush();
            images.removeIfUnused(imageId); // its address answers 404 from now on
        }
        return project;
    }

    private BudgetProject editable(Actor author, long projectId, Instant now) {
        BudgetProject project = get(projectId);
        ProjectPermissions.whyNotEdit(author, project, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        return project;
    }

    /** Supports the project once; a second support (even simultaneous) changes nothing. */
    public void support(Actor supporter, long projectId, Instant now) {
        BudgetProject project = get(projectId);
        ProjectPermissions.whyNotSupport(supporter, project, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        if (!hasSupported(supporter, projectId)) {
            Constraints.insert(em, () -> new ConflictException(null, "budget.support.already"),
                    "insert into project_supports (project_id, supporter) values (?, ?)", projectId, supporter.username());
        }
    }

    public void withdrawSupport(Actor supporter, long projectId, Instant now) {
        BudgetProject project = get(projectId);
        ProjectPermissions.whyNotSupport(supporter, project, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        em.createNativeQuery("delete from project_supports where project_id = ? and supporter = ?")
                .setParameter(1, projectId).setParameter(2, supporter.username()).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasSupported(Actor actor, long projectId) {
        return actor.isSignedIn() && !em.createNativeQuery(
                        "select 1 from project_supports where project_id = ? and supporter = ?")
                .setParameter(1, projectId).setParameter(2, actor.username()).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long supports(long projectId) {
        return ((Number) em.createNativeQuery("select count(*) from project_supports where project_id = ?")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    /** The number of supports of each project of a call that has any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> supportsOfCall(long callId) {
        List<?> rows = em.createNativeQuery("select s.project_id, count(*) from project_supports s"
                        + " join budget_projects p on p.id = s.project_id join envelopes e on e.id = p.envelope_id"
                        + " where e.call_id = ? group by s.project_id")
                .setParameter(1, callId).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetProject get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("budget.project.notFound", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BudgetProject> find(long id) {
        return Optional.ofNullable(em.find(BudgetProject.class, id));
    }

    /**
     * A call's projects matching the filter, by title, all of them (a call holds tens to a few hundred); never a
     * merged, rejected or hidden one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetProject> search(ProjectFilter filter) {
        return matching(filter).list(em, "p", "BudgetProject p", "p.title, p.id", BudgetProject.class);
    }

    /** One page of a call's projects matching the filter, by title, with how many match in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BudgetProject> search(ProjectFilter filter, PageRequest request) {
        return matching(filter).page(em, "p", "BudgetProject p", "p.title, p.id", BudgetProject.class, request);
    }

    /** How many projects of the call each envelope holds (merged duplicates left out), by envelope id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> countsByEnvelope(long callId) {
        Map<Long, Long> counts = new HashMap<>();
        matching(ProjectFilter.allOf(callId)).query(em, "select p.envelope.id, count(p) from BudgetProject p",
                        " group by p.envelope.id", Object[].class).getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * Where every project matching the filter stands on the map, for all pages at once: id, title and point only,
     * read without loading the projects.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectPoint> points(ProjectFilter filter) {
        return matching(filter).and(true, "p.latitude is not null")
                .query(em, "select p.id, p.title, p.latitude, p.longitude from BudgetProject p",
                        " order by p.title, p.id", Object[].class).getResultList().stream()
                .map(row -> new ProjectPoint(((Number) row[0]).longValue(), (String) row[1],
                        new MapPoint((BigDecimal) row[2], (BigDecimal) row[3])))
                .toList();
    }

    /** The condition of a filter on projects {@code p}; merged duplicates, rejected and hidden projects never match. */
    private static Where matching(ProjectFilter filter) {
        String words = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT)
                .replace("%", "").replace("_", "");
        return Where.of("p.envelope.call.id = :call and p.status <> :merged and p.status <> :rejected"
                        + " and p.hiddenState is null")
                .with("call", filter.callId()).with("merged", ProjectStatus.MERGED)
                .with("rejected", ProjectStatus.REJECTED)
                .and("p.envelope.id = :envelope", "envelope", filter.envelopeId())
                .and("p.themeId = :theme", "theme", filter.themeId())
                .and("p.status = :status", "status", filter.status())
                .and(filter.onBallotOnly(), "p.onBallot = true")
                .and("(lower(p.title) like :text or lower(p.description) like :text or lower(p.address) like :text)",
                        "text", words.isEmpty() ? null : "%" + words + "%");
    }

    /** The projects this person wrote or co-wrote (after a merge), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetProject> mine(Actor actor) {
        if (!actor.isSignedIn()) {
            return List.of();
        }
        return em.createQuery("select p from BudgetProject p where :me member of p.authors order by p.id desc",
                BudgetProject.class).setParameter("me", actor.username()).getResultList();
    }

    private Envelope envelopeOf(ProjectDraft draft) {
        if (draft.envelopeId() == null) {
            throw new InvalidInputException("envelope", "validation.required");
        }
        return Optional.ofNullable(em.find(Envelope.class, draft.envelopeId()))
                .orElseThrow(() -> new InvalidInputException("envelope", "budget.envelope.notFound", draft.envelopeId()));
    }

    private void requireTheme(ProjectDraft draft) {
        if (draft.themeId() != null && territory.themes().stream()
                .noneMatch(t -> t.getId().equals(draft.themeId()))) {
            throw new InvalidInputException("theme", "budget.project.unknownTheme");
        }
    }
}
