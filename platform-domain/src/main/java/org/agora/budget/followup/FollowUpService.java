package org.agora.budget.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.vote.TallyService;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The implementation follow-up of the winning projects, so residents see what became of their vote. Once an
 * envelope's results are public its managers start the follow-up, which takes the winners from the tally (final by
 * then) once and for all; the first change of a winner's status starts it too. They then move each winner through
 * its statuses and progress and post dated updates with an optional photo. Everyone reads it. One transaction per
 * use case; {@link BudgetPermissions} decides who may.
 */
@ApplicationScoped
@Transactional
public class FollowUpService {

    /** The input field of an update's photo, in the refusals. */
    public static final String PHOTO = "photo";

    private EntityManager em;
    private ImageService images;
    private TallyService tallies;

    protected FollowUpService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public FollowUpService(EntityManager em, ImageService images, TallyService tallies) {
        this.em = em;
        this.images = images;
        this.tallies = tallies;
    }

    /** Starts following up the envelope's winners (nothing happens if it has started already); its follow-ups. */
    public List<ProjectFollowUp> start(Actor manager, long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        require(BudgetPermissions.whyNotFollowUp(manager, envelope, now));
        if (!isStarted(envelopeId)) {
            open(manager, envelope, now);
        }
        return ofEnvelope(envelopeId);
    }

    /** Sets a winner's status and progress (and the reason of an abandon); refused with the reason, nothing changed. */
    public ProjectFollowUp changeStatus(Actor manager, long projectId, FollowUpStatus status, Integer progress,
                                        String reason, Instant now) {
        ProjectFollowUp followUp = managed(manager, projectId, now);
        followUp.change(status, progress, reason, manager.username(), now);
        Constraints.flush(em, () -> new ConflictException(null, "budget.followup.changedMeanwhile"));
        return followUp;
    }

    /**
     * Posts a dated update on a winner, with a photo when {@code photo} is given (checked by its content and size).
     * A refused text or photo is reported with its reason, and nothing is stored: neither the update nor the image.
     */
    public FollowUpUpdate postUpdate(Actor manager, long projectId, String text, String photoName, byte[] photo,
                                     Instant now) {
        ProjectFollowUp followUp = managed(manager, projectId, now);
        FollowUpUpdate update = followUp.post(manager.username(), text, now);
        if (photo != null) {
            update.illustrate(storedPhoto(manager, photoName, photo).getId());
        }
        em.persist(update);
        em.flush();
        return update;
    }

    private StoredImage storedPhoto(Actor manager, String fileName, byte[] bytes) {
        try {
            return images.store(manager.username(), fileName, bytes);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(PHOTO, refused.messageKey(), refused.arguments());
        }
    }

    /** The winner's follow-up, for a manager who may change it now; the envelope's starts if it has not yet. */
    private ProjectFollowUp managed(Actor manager, long projectId, Instant now) {
        BudgetProject project = Optional.ofNullable(em.find(BudgetProject.class, projectId))
                .orElseThrow(() -> new NotFoundException("budget.project.notFound", projectId));
        Envelope envelope = project.getEnvelope();
        require(BudgetPermissions.whyNotFollowUp(manager, envelope, now));
        if (!isStarted(envelope.getId())) {
            open(manager, envelope, now);
        }
        return Optional.ofNullable(em.find(ProjectFollowUp.class, projectId))
                .orElseThrow(() -> new ConflictException(null, "budget.followup.notWinner"));
    }

    /** Marks the envelope as followed up, then copies its winners from the tally: the mark's key refuses a second copy. */
    private void open(Actor manager, Envelope envelope, Instant now) {
        Tally tally = tallies.tally(manager, envelope.getId(), now);
        em.persist(new EnvelopeFollowUp(envelope, manager.username(), now));
        // before the winners, whose rows refer to the mark
        Constraints.flush(em, () -> new ConflictException(null, "budget.followup.changedMeanwhile"));
        for (ProjectId winner : tally.winners()) {
            BudgetProject project = em.find(BudgetProject.class, Long.valueOf(winner.value()));
            em.persist(ProjectFollowUp.started(project, manager.username(), now));
        }
        Constraints.flush(em, () -> new ConflictException(null, "budget.followup.changedMeanwhile"));
    }

    private static void require(Optional<String> whyNot) {
        whyNot.ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
    }

    /** The follow-up of a project, when it is a followed winner and its results are public. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectFollowUp> find(long projectId, Instant now) {
        return Optional.ofNullable(em.find(ProjectFollowUp.class, projectId))
                .filter(f -> BudgetPermissions.canReadFollowUp(f.getProject().getEnvelope().getCall(), now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectFollowUp get(long projectId, Instant now) {
        return find(projectId, now).orElseThrow(() -> new NotFoundException("budget.followup.notFound", projectId));
    }

    /** The updates of a followed project, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUpUpdate> updates(long projectId, Instant now) {
        get(projectId, now);
        return em.createQuery("select u from FollowUpUpdate u where u.projectId = :p order by u.postedAt desc, u.id desc",
                FollowUpUpdate.class).setParameter("p", projectId).getResultList();
    }

    /** The followed winners of a call, envelope by envelope and by title; none before its results are public. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectFollowUp> ofCall(long callId, Instant now) {
        BudgetCall call = Optional.ofNullable(em.find(BudgetCall.class, callId))
                .orElseThrow(() -> new NotFoundException("budget.call.notFound", callId));
        if (!BudgetPermissions.canReadFollowUp(call, now)) {
            return List.of();
        }
        return em.createQuery("select f from ProjectFollowUp f where f.project.envelope.call.id = :c"
                        + " order by f.envelopeId, f.project.title, f.projectId", ProjectFollowUp.class)
                .setParameter("c", callId).getResultList();
    }

    /** The envelopes of the call whose follow-up has started. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> startedEnvelopes(long callId) {
        List<?> rows = em.createNativeQuery("select f.envelope_id from envelope_followups f"
                + " join envelopes e on e.id = f.envelope_id where e.call_id = ?").setParameter(1, callId).getResultList();
        Set<Long> started = new HashSet<>();
        rows.forEach(row -> started.add(((Number) row).longValue()));
        return started;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isStarted(long envelopeId) {
        return em.find(EnvelopeFollowUp.class, envelopeId) != null;
    }

    private List<ProjectFollowUp> ofEnvelope(long envelopeId) {
        return em.createQuery("select f from ProjectFollowUp f where f.envelopeId = :e order by f.project.title, f.projectId",
                ProjectFollowUp.class).setParameter("e", envelopeId).getResultList();
    }
}
