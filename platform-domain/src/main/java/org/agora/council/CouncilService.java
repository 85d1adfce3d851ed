package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.PreModeration;
import org.agora.territory.Neighbourhood;

/**
 * Use cases of the councils and their members, one transaction each: staff create and edit councils, residents
 * join, ask to join and leave, animators answer requests and remove members; members see each other.
 * {@link CouncilPermissions} decides who may.
 */
@ApplicationScoped
@Transactional
public class CouncilService {

    private EntityManager em;
    private ImageService images;

    protected CouncilService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public CouncilService(EntityManager em, ImageService images) {
        this.em = em;
        this.images = images;
    }

    /** Creates the council of a neighbourhood; refused for another district's, or when it already has one. */
    public Council create(Actor actor, long neighbourhoodId, CouncilDraft draft, Instant now) {
        Neighbourhood neighbourhood = Optional.ofNullable(em.find(Neighbourhood.class, neighbourhoodId))
                .orElseThrow(() -> new NotFoundException("territory.neighbourhood.notFound", neighbourhoodId));
        if (!CouncilPermissions.canRunCouncilsOf(actor, neighbourhood.getDistrict().getCode())) {
            throw new NotAllowedException("council.notAllowed");
        }
        if (findOfNeighbourhood(neighbourhoodId).isPresent()) {
            throw new ConflictException("neighbourhood", "council.duplicate", neighbourhood.getName());
        }
        Council council = new Council(neighbourhood, draft, actor.username(), now);
        em.persist(council);
        Constraints.flush(em, () -> new ConflictException("neighbourhood", "council.duplicate", neighbourhood.getName()));
        return council;
    }

    public Council update(Actor actor, long councilId, CouncilDraft draft) {
        Council council = edited(actor, councilId);
        council.change(draft);
        Constraints.flush(em, () -> new ConflictException(null, "council.changedMeanwhile"));
        return council;
    }

    /** Gives the council a cover image: the upload is checked (a real PNG or JPEG, not too large) and stored. */
    public Council changeCover(Actor actor, long councilId, String fileName, byte[] bytes) {
        Council council = edited(actor, councilId);
        StoredImage image = images.store(actor.username(), fileName, bytes);
        Long former = council.getCoverImageId().orElse(null);
        council.changeCover(image.getId());
        images.removeIfUnused(former);
        return council;
    }

    public Council removeCover(Actor actor, long councilId) {
        Council council = edited(actor, councilId);
        Long former = council.getCoverImageId().orElse(null);
        council.changeCover(null);
        images.removeIfUnused(former);
        return council;
    }

    private Council edited(Actor actor, long councilId) {
        Council council = get(councilId);
        if (!CouncilPermissions.canEdit(actor, council)) {
            throw new NotAllowedException("council.notAllowed");
        }
        return council;
    }

    /**
     * The council's leaders turn pre-moderation on or off: from then on, members' new ideas and comments on its posts
     * and ideas wait for a moderator's approval before anyone else sees them (leaders' ideas are not held).
     */
    public Council preModerate(Actor actor, long councilId, Boolean on) {
        Council council = led(actor, councilId);
        PreModeration.require(on);
        council.setPreModerated(on);
        Constraints.flush(em, () -> new ConflictException(null, "council.changedMeanwhile"));
        return council;
    }

    private Council led(Actor actor, long councilId) {
        Council council = get(councilId);
        if (!CouncilPermissions.canLead(actor, council)) {
            throw new NotAllowedException("council.notLeader");
        }
        return council;
    }

    // --- reading ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Council> find(long id) {
        return Optional.ofNullable(em.find(Council.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Council get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("council.notFound", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Council> findOfNeighbourhood(long neighbourhoodId) {
        return em.createQuery("select c from Council c where c.neighbourhood.id = :n", Council.class)
                .setParameter("n", neighbourhoodId).getResultStream().findFirst();
    }

    /** Every council, by district then neighbourhood: the public directory. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Council> directory() {
        return em.createQuery("select c from Council c order by c.neighbourhood.district.name, c.neighbourhood.name",
                Council.class).getResultList();
    }

    /** The councils this person leads as an animator or as staff of their district, as the directory orders them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Council> led(Actor actor) {
        return directory().stream().filter(c -> CouncilPermissions.canLead(actor, c)).toList();
    }

    /** The councils this person is a member of, or asks to join. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> memberships(Actor actor) {
        if (!actor.isSignedIn()) {
            return List.of();
        }
        return em.createQuery("select m from Membership m where m.username = :u and m.status in :s"
                        + " order by m.askedAt", Membership.class)
                .setParameter("u", actor.username())
                .setParameter("s", List.of(MembershipStatus.MEMBER, MembershipStatus.REQUESTED)).getResultList();
    }

    /** This person's membership of the council, whatever its status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Membership> membership(Actor actor, long councilId) {
        if (!actor.isSignedIn()) {
            return Optional.empty();
        }
        return em.createQuery("select m from Membership m where m.councilId = :c and m.username = :u", Membership.class)
                .setParameter("c", councilId).setParameter("u", actor.username()).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isMember(Actor actor, long councilId) {
        return membership(actor, councilId).filter(Membership::isMember).isPresent();
    }

    /** Whether this person sees the council's members-only content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seesMembersOnly(Actor actor, Council council) {
        return CouncilPermissions.canSeeMembersOnly(actor, council, isMember(actor, council.getId()));
    }

    /** The members, by display name; for members and leaders only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> members(Actor actor, long councilId) {
        Council council = get(councilId);
        if (!seesMembersOnly(actor, council)) {
            throw new NotAllowedException("council.membersOnly");
        }
        return withStatus(councilId, MembershipStatus.MEMBER, "m.displayName, m.username");
    }

    /** The requests waiting for an answer, oldest first; for leaders only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> requests(Actor actor, long councilId) {
        led(actor, councilId);
        return withStatus(councilId, MembershipStatus.REQUESTED, "m.askedAt, m.id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long memberCount(long councilId) {
        return em.createQuery("select count(m) from Membership m where m.councilId = :c and m.status = :s", Long.class)
                .setParameter("c", councilId).setParameter("s", MembershipStatus.MEMBER).getSingleResult();
    }

    private List<Membership> withStatus(long councilId, MembershipStatus status, String order) {
        return em.createQuery("select m from Membership m where m.councilId = :c and m.status = :s order by " + order,
                Membership.class).setParameter("c", councilId).setParameter("s", status).getResultList();
    }

    // --- membership ---

    /**
     * Joins the council, or asks to when it needs approval (or when an animator removed the person before);
     * {@code displayName} is how the other members will see them. A double click gives one membership.
     */
    public Membership join(Actor actor, long councilId, String displayName, Instant now) {
        Council council = get(councilId);
        CouncilPermissions.whyNotJoin(actor).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        Optional<Membership> existing = membership(actor, councilId);
        Membership membership;
        if (existing.isPresent()) {
            membership = existing.get();
            membership.rejoin(council, displayName, now);
        } else {
            membership = Membership.join(council, actor.username(), displayName, now);
            em.persist(membership);
        }
        Constraints.flush(em, () -> new ConflictException(null, "council.membership.changedMeanwhile"));
        return membership;
    }

    /** Leaves the council, or withdraws one's request. */
    public Membership leave(Actor actor, long councilId, Instant now) {
        Membership membership = membership(actor, councilId)
                .orElseThrow(() -> new ConflictException(null, "council.membership.notMember"));
        membership.leave(now);
        Constraints.flush(em, () -> new ConflictException(null, "council.membership.changedMeanwhile"));
        return membership;
    }

    public Membership approve(Actor leader, long councilId, String username, Instant now) {
        Membership membership = someone(leader, councilId, username);
        membership.approve(leader.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "council.membership.changedMeanwhile"));
        return membership;
    }

    public Membership refuse(Actor leader, long councilId, String username, Instant now) {
        Membership membership = someone(leader, councilId, username);
        membership.refuse(leader.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "council.membership.changedMeanwhile"));
        return membership;
    }

    public Membership remove(Actor leader, long councilId, String username, Instant now) {
        Membership membership = someone(leader, councilId, username);
        membership.remove(leader.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "council.membership.changedMeanwhile"));
        return membership;
    }

    private Membership someone(Actor leader, long councilId, String username) {
        led(leader, councilId);
        return em.createQuery("select m from Membership m where m.councilId = :c and m.username = :u", Membership.class)
                .setParameter("c", councilId).setParameter("u", username).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("council.membership.notFound", username));
    }
}
