package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.territory.TerritoryService;

/**
 * Use cases of organising a consultation: create it in a scope the organiser serves, build its questionnaire
 * while nobody can answer, schedule it, and let the scheduler open and close it on time. One transaction each.
 */
@ApplicationScoped
@Transactional
public class ConsultationService {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected ConsultationService() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public ConsultationService(EntityManager em) {
        this.em = em;
    }

    public Consultation create(Actor actor, ConsultationDraft draft) {
        ConsultationScope scope = scope(draft.districtCode());
        if (!ConsultationPermissions.canOrganise(actor, scope)) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        if (draft.themeId() != null) {
            new TerritoryService(em).getTheme(draft.themeId());
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
        DistrictCode code = new TerritoryService(em).getDistrict(districtCode).getCode();
        return ConsultationScope.of(code);
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
