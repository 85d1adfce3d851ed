package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.shared.PreModeration;
import org.agora.shared.Role;
import org.agora.shared.Where;
import org.agora.territory.TerritoryService;

/**
 * Use cases of organising a consultation: create it in a scope the organiser serves, build its questionnaire
 * while nobody can answer, schedule it, and let the scheduler open and close it on time. One transaction each.
 */
@ApplicationScoped
@Transactional
public class ConsultationService {

    private EntityManager em;
    private TerritoryService territory;
    private ImageService images;
    private ResponseService responses;

    protected ConsultationService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public ConsultationService(EntityManager em, TerritoryService territory, ImageService images,
                               ResponseService responses) {
        this.em = em;
        this.territory = territory;
        this.images = images;
        this.responses = responses;
    }

    public Consultation create(Actor actor, ConsultationDraft draft) {
        ConsultationScope scope = scope(draft.districtCode());
        if (!ConsultationPermissions.canOrganise(actor, scope)) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        if (draft.themeId() != null) {
            territory.getTheme(draft.themeId());
        }
        Consultation consultation = new Consultation(draft, scope, actor.username());
        em.persist(consultation);
        em.flush();
        return consultation;
    }

    private ConsultationScope scope(String districtCode) {
        if (districtCode == null || districtCode.isBlank()) {
            return ConsultationScope.city();
        }
        DistrictCode code = territory.getDistrict(districtCode).getCode();
        return ConsultationScope.of(code);
    }

    /** Changes the description, scope or dates of a consultation still in draft. */
    public Consultation update(Actor actor, long id, ConsultationDraft draft) {
        Consultation consultation = organised(actor, id);
        ConsultationScope scope = scope(draft.districtCode());
        if (!ConsultationPermissions.canOrganise(actor, scope)) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        if (draft.themeId() != null) {
            territory.getTheme(draft.themeId());
        }
        consultation.update(draft, scope);
        em.flush();
        return consultation;
    }

    /**
     * A new draft with the same description and questionnaire, for another scope (a template one district
     * reuses). Its dates keep the same length and start a week from now, to be adjusted before scheduling.
     */
    public Consultation duplicate(Actor actor, long id, String districtCode, Instant now) {
        Consultation original = get(id);
        if (!ConsultationPermissions.canOrganise(actor, original.getScope())
                && original.getStatus() == ConsultationStatus.DRAFT) {
            throw new NotAllowedException("consultation.organise.notAllowed"); // someone else's draft stays theirs
        }
        Duration length = Duration.between(original.getPeriod().start(), original.getPeriod().end());
        Instant opens = now.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        ConsultationDraft copy = new ConsultationDraft(original.getTitle(), original.getDescription(),
                original.getThemeId(), districtCode, opens, opens.plus(length), original.isAnonymous(),
                original.isAnswersEditable());
        Consultation duplicate = create(actor, copy);
        List<Question> questions = original.getQuestionnaire().questions();
        duplicate.addQuestionsAfterClearing(questions);
        em.flush();
        return duplicate;
    }

    /** The consultations anyone may read, newest first: never drafts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consultation> published(ConsultationFilter filter) {
        return publishedMatching(filter).list(em, "c", "Consultation c", "c.opensAt desc, c.id desc", Consultation.class);
    }

    /** One page of the consultations anyone may read, newest first, with how many match in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Consultation> published(ConsultationFilter filter, PageRequest request) {
        return publishedMatching(filter).page(em, "c", "Consultation c", "c.opensAt desc, c.id desc",
                Consultation.class, request);
    }

    private static Where publishedMatching(ConsultationFilter filter) {
        return Where.of("c.status <> :draft").with("draft", ConsultationStatus.DRAFT)
                .and("c.districtCode = :district", "district", filter.districtCode())
                .and("c.themeId = :theme", "theme", filter.themeId())
                .and("c.status = :status", "status", filter.status());
    }

    /** The consultations this person organises: all for the office, those of their districts for an agent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consultation> organisedBy(Actor actor) {
        if (actor.has(Role.OFFICE_ADMIN)) {
            return em.createQuery("select c from Consultation c order by c.opensAt desc, c.id desc", Consultation.class)
                    .getResultList();
        }
        List<String> districts = actor.has(Role.DISTRICT_AGENT)
                ? actor.agentDistricts().stream().map(DistrictCode::value).toList() : List.of();
        if (districts.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Consultation c where c.districtCode in :districts"
                        + " order by c.opensAt desc, c.id desc", Consultation.class)
                .setParameter("districts", districts).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Consultation get(long id) {
        return Optional.ofNullable(em.find(Consultation.class, id))
                .orElseThrow(() -> new NotFoundException("consultation.notFound", id));
    }

    /** Replaces the questions of a draft or scheduled consultation; checked as a whole before anything changes. */
    public Consultation replaceQuestions(Actor actor, long id, List<Question> questions) {
        Consultation consultation = organised(actor, id);
        consultation.replaceQuestions(questions);
        em.flush(); // the old questions go first: the new ones may reuse their codes
        consultation.addQuestionsAfterClearing(questions);
        em.flush();
        return consultation;
    }

    public Consultation schedule(Actor actor, long id, Instant now) {
        Consultation consultation = organised(actor, id);
        if (consultation.getPeriod().hasStarted(now)) {
            throw new InvalidInputException("opensAt", "consultation.schedule.inThePast");
        }
        consultation.moveTo(ConsultationStatus.SCHEDULED);
        return consultation;
    }

    public Consultation choosePublication(Actor actor, long id, String questionCode, Publication publication) {
        Consultation consultation = organised(actor, id);
        consultation.choosePublication(questionCode, publication);
        return consultation;
    }

    /**
     * Turns pre-moderation on or off (its organisers): while on, residents' new comments wait for a moderator's
     * approval, and the page says so with how many contributions were refused and why.
     */
    public Consultation preModerate(Actor actor, long id, Boolean on) {
        Consultation consultation = organised(actor, id);
        PreModeration.require(on);
        consultation.setPreModerated(on);
        return consultation;
    }

    /** Gives the consultation a cover image: the upload is checked (a real PNG or JPEG, not too large) and stored. */
    public Consultation changeCover(Actor actor, long id, String fileName, byte[] bytes) {
        Consultation consultation = organised(actor, id);
        StoredImage image = images.store(actor.username(), fileName, bytes);
        Long former = consultation.getCoverImageId();
        consultation.changeCover(image.getId());
        images.removeIfUnused(former);
        return consultation;
    }

    public Consultation removeCover(Actor actor, long id) {
        Consultation consultation = organised(actor, id);
        Long former = consultation.getCoverImageId();
        consultation.changeCover(null);
        images.removeIfUnused(former);
        return consultation;
    }

    public Consultation openNow(Actor actor, long id, Instant now) {
        Consultation consultation = organised(actor, id);
        consultation.openNow(now);
        return consultation;
    }

    public Consultation closeNow(Actor actor, long id, Instant now) {
        Consultation consultation = organised(actor, id);
        consultation.closeNow(now);
        countSealedResponses(consultation);
        return consultation;
    }

    /**
     * An anonymous consultation's sealed responses are counted in the transaction that closes it. The update of
     * its row goes first: it waits for submits under way (they lock that row) and makes later ones see it closed.
     */
    private void countSealedResponses(Consultation consultation) {
        if (consultation.isAnonymous()) {
            em.flush();
            responses.countSealed(consultation, consultation.getPeriod().end());
        }
    }

    public Consultation backToDraft(Actor actor, long id) {
        Consultation consultation = organised(actor, id);
        consultation.moveTo(ConsultationStatus.DRAFT);
        return consultation;
    }

    public Consultation publishResults(Actor actor, long id) {
        Consultation consultation = organised(actor, id);
        consultation.moveTo(ConsultationStatus.RESULTS_PUBLISHED);
        return consultation;
    }

    /**
     * Opens and closes what is due at this instant, including what a stopped server missed; returns how many
     * consultations changed. Safe to run on several instances: each change is versioned.
     */
    public int applySchedule(Instant now) {
        List<Consultation> waiting = em.createQuery(
                "select c from Consultation c where c.status in :statuses", Consultation.class)
                .setParameter("statuses", List.of(ConsultationStatus.SCHEDULED, ConsultationStatus.OPEN))
                .getResultList();
        int changed = 0;
        for (Consultation consultation : waiting) {
            List<ConsultationStatus> steps = ConsultationSchedule.due(consultation.getStatus(), consultation.getPeriod(), now);
            steps.forEach(consultation::moveTo);
            if (steps.contains(ConsultationStatus.CLOSED)) {
                countSealedResponses(consultation);
            }
            changed += steps.isEmpty() ? 0 : 1;
        }
        return changed;
    }

    private Consultation organised(Actor actor, long id) {
        Consultation consultation = get(id);
        if (!ConsultationPermissions.canOrganise(actor, consultation.getScope())) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        return consultation;
    }
}
