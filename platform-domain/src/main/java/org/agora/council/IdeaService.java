package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.moderation.ModerationHolds;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * A council's ideas board, one transaction per change: members post ideas and support the others' ideas, once
 * each (the primary key of {@code council_idea_supports} says so, even for two clicks on two instances at once),
 * and may take their support back while the idea is open; leaders close an idea with an answer. Anyone reads the
 * board, by supports or newest first.
 */
@ApplicationScoped
@Transactional
public class IdeaService {

    /** How the board is sorted: most supported first (then newest), or newest first. */
    public enum Order {
        SUPPORTS,
        NEWEST
    }

    /** One idea on the board: its supports, and whether the person reading supports it. */
    public record IdeaLine(Idea idea, long supports, boolean supportedByMe) {
    }

    private EntityManager em;
    private CouncilService councils;
    private ModerationHolds holds;

    protected IdeaService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public IdeaService(EntityManager em, CouncilService councils, ModerationHolds holds) {
        this.em = em;
        this.councils = councils;
        this.holds = holds;
    }

    /** Posts an idea under the name the member is known by in the council. */
    public Idea post(Actor actor, long councilId, String title, String text, Instant now) {
        Council council = councils.get(councilId);
        Optional<Membership> membership = councils.membership(actor, councilId).filter(Membership::isMember);
        CouncilContentPermissions.whyNotPostIdea(actor, council, membership.isPresent()).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        String authorName = membership.map(Membership::getDisplayName)
                .orElseGet(() -> Membership.displayName(null, actor.username()));
        Idea idea = new Idea(council, title, text, actor.username(), authorName, now);
        boolean held = council.isPreModerated() && !CouncilPermissions.canLead(actor, council);
        if (held) {
            idea.show(Visibility.PENDING_REVIEW);
        }
        em.persist(idea);
        em.flush();
        if (held) {
            holds.hold(IdeaModeration.item(idea, council), now);
            em.flush();
        }
        return idea;
    }

    /** Supports the idea once; a second support, even at the same moment elsewhere, is refused and changes nothing. */
    public void support(Actor actor, long ideaId, Instant now) {
        Idea idea = supportable(actor, ideaId);
        if (hasSupported(actor, ideaId)) {
            throw new ConflictException(null, "council.idea.alreadySupported");
        }
        Constraints.insert(em, () -> new ConflictException(null, "council.idea.alreadySupported"),
                "insert into council_idea_supports (idea_id, supporter, supported_at) values (?, ?, ?)",
                idea.getId(), actor.username(), now.atOffset(ZoneOffset.UTC));
    }

    /** Takes one's support back while the idea is open; nothing happens when there was none. */
    public void withdrawSupport(Actor actor, long ideaId) {
        Idea idea = supportable(actor, ideaId);
        em.createNativeQuery("delete from council_idea_supports where idea_id = ? and supporter = ?")
                .setParameter(1, idea.getId()).setParameter(2, actor.username()).executeUpdate();
    }

    private Idea supportable(Actor actor, long ideaId) {
        Idea idea = get(ideaId);
        boolean member = councils.isMember(actor, idea.getCouncilId());
        CouncilContentPermissions.whyNotSupport(actor, idea, member).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        return idea;
    }

    /** Closes the idea with the council's public answer. */
    public Idea close(Actor actor, long ideaId, String answer, Instant now) {
        Idea idea = get(ideaId);
        if (!CouncilContentPermissions.canCloseIdea(actor, councils.get(idea.getCouncilId()))) {
            throw new NotAllowedException("council.notLeader");
        }
        idea.close(answer, actor.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "council.idea.changedMeanwhile"));
        return idea;
    }

    // --- reading ---

    /** The council's ideas in the order asked, with their supports; ties go to the newest; none moderation hides. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IdeaLine> board(Actor actor, long councilId, Order order) {
        councils.get(councilId);
        List<Idea> ideas = em.createQuery("select i from Idea i where i.councilId = :c and i.hiddenState is null", Idea.class)
                .setParameter("c", councilId).getResultList();
        Map<Long, Long> supports = supportsOfCouncil(councilId);
        Set<Long> mine = supportedBy(actor, councilId);
        Comparator<IdeaLine> newest = Comparator.comparing((IdeaLine line) -> line.idea().getPostedAt())
                .thenComparing(line -> line.idea().getId()).reversed();
        Comparator<IdeaLine> sorting = order == Order.NEWEST ? newest
                : Comparator.comparingLong(IdeaLine::supports).reversed().thenComparing(newest);
        return ideas.stream()
                .map(idea -> new IdeaLine(idea, supports.getOrDefault(idea.getId(), 0L), mine.contains(idea.getId())))
                .sorted(sorting).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Idea> find(long ideaId) {
        return Optional.ofNullable(em.find(Idea.class, ideaId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Idea get(long ideaId) {
        return find(ideaId).orElseThrow(() -> new NotFoundException("council.idea.notFound", ideaId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long supports(long ideaId) {
        return ((Number) em.createNativeQuery("select count(*) from council_idea_supports where idea_id = ?")
                .setParameter(1, ideaId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasSupported(Actor actor, long ideaId) {
        return actor.isSignedIn() && !em.createNativeQuery(
                        "select 1 from council_idea_supports where idea_id = ? and supporter = ?")
                .setParameter(1, ideaId).setParameter(2, actor.username()).getResultList().isEmpty();
    }

    private Map<Long, Long> supportsOfCouncil(long councilId) {
        List<?> rows = em.createNativeQuery("select s.idea_id, count(*) from council_idea_supports s"
                        + " join council_ideas i on i.id = s.idea_id where i.council_id = ? group by s.idea_id")
                .setParameter(1, councilId).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    private Set<Long> supportedBy(Actor actor, long councilId) {
        if (!actor.isSignedIn()) {
            return Set.of();
        }
        List<?> rows = em.createNativeQuery("select s.idea_id from council_idea_supports s"
                        + " join council_ideas i on i.id = s.idea_id where i.council_id = ? and s.supporter = ?")
                .setParameter(1, councilId).setParameter(2, actor.username()).getResultList();
        Set<Long> ids = new HashSet<>();
        for (Object row : rows) {
            ids.add(((Number) row).longValue());
        }
        return ids;
    }
}
