package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotAllowedException;

/**
 * Use cases of answering a consultation: save a draft and come back to it, submit once (or again, when the
 * organiser allows editing), read one's own response. "One response per resident" is a database constraint on
 * the participation mark, so two simultaneous submits give one response and a clear refusal, whatever the
 * number of app instances.
 */
@ApplicationScoped
@Transactional
public class ResponseService {

    private static final int PAGE = 500;

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected ResponseService() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public ResponseService(EntityManager em) {
        this.em = em;
    }

    /** Why this person may not answer this consultation now, or empty when they may. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> whyNotAnswer(Actor actor, Consultation consultation, Instant now) {
        Optional<String> reason = ConsultationPermissions.whyNotAnswer(actor, consultation.getScope(),
                consultation.getStatus());
        if (reason.isPresent()) {
            return reason;
        }
        if (consultation.getPeriod().hasEnded(now)) {
            return Optional.of("consultation.answer.notOpen");
        }
        if (hasAnswered(actor, consultation.getId()) && !consultation.isAnswersEditable()) {
            return Optional.of("consultation.answer.already");
        }
        return Optional.empty();
    }

    /** Whether this person has submitted a response (also for an anonymous consultation). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasAnswered(Actor actor, long consultationId) {
        if (!actor.isSignedIn()) {
            return false;
        }
        return !em.createNativeQuery("select 1 from consultation_participations where consultation_id = ? and respondent = ?")
                .setParameter(1, consultationId).setParameter(2, actor.username())
                .getResultList().isEmpty();
    }

    /** The person's draft, or their submitted response when the consultation is not anonymous. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Response> mine(Actor actor, long consultationId) {
        if (!actor.isSignedIn()) {
            return Optional.empty();
        }
        return em.createQuery("select r from Response r where r.consultationId = :c and r.respondent = :who", Response.class)
                .setParameter("c", consultationId).setParameter("who", actor.username())
                .getResultStream().findFirst();
    }

    /**
     * Keeps unfinished answers to come back to. Each answer given must already be valid (a too long text is
     * refused now, not at the end), but required questions may still be empty.
     */
    public Response saveDraft(Actor actor, long consultationId, Map<String, Answer> answers, Instant now) {
        Consultation consultation = answerable(actor, consultationId, now);
        if (hasAnswered(actor, consultationId)) {
            throw new ConflictException(null, "consultation.answer.alreadySubmitted");
        }
        Questionnaire questionnaire = consultation.getQuestionnaire();
        List<AnswerProblem> problems = questionnaire.check(answers).stream()
                .filter(p -> !p.messageKey().equals("consultation.answer.required")).toList();
        if (!problems.isEmpty()) {
            throw new AnswersRefusedException(problems);
        }
        Map<String, Answer> kept = questionnaire.kept(answers);
        Optional<Response> existing = mine(actor, consultationId);
        Response draft;
        if (existing.isPresent()) {
            draft = existing.get();
            draft.replaceAnswers(consultation, kept, now);
        } else {
            draft = Response.draft(consultation, actor, kept, now);
            em.persist(draft);
        }
        Constraints.flush(em, () -> new ConflictException(null, "consultation.answer.savedElsewhere"));
        return draft;
    }

    /**
     * Submits the person's answers, all checked at once. A second submit is refused, unless the organiser lets
     * residents edit their answers until closing, in which case it replaces the first (never for an anonymous
     * consultation, whose responses nobody can find again).
     */
    public SubmittedResponse submit(Actor actor, long consultationId, Map<String, Answer> answers, Instant now) {
        Consultation consultation = answerable(actor, consultationId, now);
        Questionnaire questionnaire = consultation.getQuestionnaire();
        List<AnswerProblem> problems = questionnaire.check(answers);
        if (!problems.isEmpty()) {
            throw new AnswersRefusedException(problems);
        }
        Map<String, Answer> kept = questionnaire.kept(answers);
        Optional<Response> existing = mine(actor, consultationId);
        if (existing.isPresent() && existing.get().isSubmitted()) {
            if (!consultation.isAnswersEditable()) {
                throw new ConflictException(null, "consultation.answer.already");
            }
            Response edited = existing.get();
            edited.replaceAnswers(consultation, kept, now);
            edited.submit(consultation, now);
            Constraints.flush(em, () -> new ConflictException(null, "consultation.answer.savedElsewhere"));
            return edited.toSubmitted();
        }
        recordParticipation(actor, consultationId);
        Response response;
        if (existing.isPresent() && !consultation.isAnonymous()) {
            response = existing.get();
            response.replaceAnswers(consultation, kept, now);
        } else {
            existing.ifPresent(em::remove); // an anonymous response starts afresh, under a new number
            response = Response.draft(consultation, actor, kept, now);
            em.persist(response);
        }
        response.submit(consultation, now);
        Constraints.flush(em, () -> new ConflictException(null, "consultation.answer.already"));
        return response.toSubmitted();
    }

    /** The mark that this person answered; its primary key refuses a second one, even from a concurrent request. */
    private void recordParticipation(Actor actor, long consultationId) {
        Constraints.insert(em, () -> new ConflictException(null, "consultation.answer.already"),
                "insert into consultation_participations (consultation_id, respondent) values (?, ?)",
                consultationId, actor.username());
    }

    private Consultation answerable(Actor actor, long consultationId, Instant now) {
        Consultation consultation = new ConsultationService(em).get(consultationId);
        Optional<String> reason = ConsultationPermissions.whyNotAnswer(actor, consultation.getScope(),
                consultation.getStatus());
        if (reason.isPresent()) {
            throw new NotAllowedException(reason.get());
        }
        if (consultation.getPeriod().hasEnded(now)) {
            throw new NotAllowedException("consultation.answer.notOpen");
        }
        return consultation;
    }

    /** A free-text answer as organisers review it: where it is stored, what it says, whether it may be published. */
    public record TextAnswer(long responseId, int position, String text, boolean approved) {
    }

    /**
     * The free-text answers to one question of submitted responses, oldest first, a page at a time; optionally
     * only those containing a word (any case) and only those approved for publication.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TextAnswer> texts(long consultationId, String questionCode, String search, boolean approvedOnly,
                                  int first, int max) {
        jakarta.persistence.Query query = em.createNativeQuery("select a.response_id, a.position, a.text_value, a.text_approved"
                + textsFrom(search, approvedOnly) + " order by a.response_id, a.position");
        bindTexts(query, consultationId, questionCode, search);
        List<?> rows = query.setFirstResult(first).setMaxResults(max).getResultList();
        List<TextAnswer> texts = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            texts.add(new TextAnswer(((Number) columns[0]).longValue(), ((Number) columns[1]).intValue(),
                    (String) columns[2], Boolean.TRUE.equals(columns[3])));
        }
        return texts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countTexts(long consultationId, String questionCode, String search, boolean approvedOnly) {
        jakarta.persistence.Query query = em.createNativeQuery("select count(*)" + textsFrom(search, approvedOnly));
        bindTexts(query, consultationId, questionCode, search);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String textsFrom(String search, boolean approvedOnly) {
        return " from response_answers a join responses r on r.id = a.response_id"
                + " where r.consultation_id = ?1 and r.status = 'SUBMITTED' and a.question_code = ?2"
                + " and a.text_value is not null"
                + (search == null || search.isBlank() ? "" : " and lower(a.text_value) like ?3")
                + (approvedOnly ? " and a.text_approved = true" : "");
    }

    private static void bindTexts(jakarta.persistence.Query query, long consultationId, String questionCode, String search) {
        query.setParameter(1, consultationId).setParameter(2, questionCode);
        if (search != null && !search.isBlank()) {
            String escaped = search.strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.setParameter(3, "%" + escaped + "%");
        }
    }

    /** Approves a free-text answer for publication, or withdraws it (organisers of the consultation). */
    public void approveText(Actor actor, long consultationId, long responseId, int position, boolean approved) {
        Consultation consultation = new ConsultationService(em).get(consultationId);
        if (!ConsultationPermissions.canOrganise(actor, consultation.getScope())) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        int changed = em.createNativeQuery("update response_answers set text_approved = ?1 where response_id = ?2"
                        + " and position = ?3 and text_value is not null"
                        + " and response_id in (select id from responses where consultation_id = ?4)")
                .setParameter(1, approved).setParameter(2, responseId).setParameter(3, position)
                .setParameter(4, consultationId).executeUpdate();
        if (changed != 1) {
            throw new org.agora.shared.NotFoundException("consultation.results.textNotFound");
        }
    }

    /** How many responses were submitted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countSubmitted(long consultationId) {
        return em.createQuery("select count(r) from Response r where r.consultationId = :c and r.status = :s", Long.class)
                .setParameter("c", consultationId).setParameter("s", ResponseStatus.SUBMITTED)
                .getSingleResult();
    }

    /**
     * The submitted responses in submission order, read a page at a time as the caller goes, so results and
     * exports of a large consultation stay in bounded memory. Whoever calls decides who may see them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Iterable<SubmittedResponse> submitted(long consultationId) {
        return () -> new Pages(consultationId);
    }

    private final class Pages implements Iterator<SubmittedResponse> {
        private final long consultationId;
        private long after = Long.MIN_VALUE;
        private Iterator<SubmittedResponse> page = List.<SubmittedResponse>of().iterator();
        private boolean exhausted;

        Pages(long consultationId) {
            this.consultationId = consultationId;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<SubmittedResponse> next = nextPage();
                exhausted = next.size() < PAGE;
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public SubmittedResponse next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private List<SubmittedResponse> nextPage() {
            List<Long> ids = em.createQuery("select r.id from Response r where r.consultationId = :c and r.status = :s"
                            + " and r.id > :after order by r.id", Long.class)
                    .setParameter("c", consultationId).setParameter("s", ResponseStatus.SUBMITTED)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            after = ids.get(ids.size() - 1);
            List<SubmittedResponse> responses = new ArrayList<>(ids.size());
            em.createQuery("select distinct r from Response r left join fetch r.answers where r.id in :ids order by r.id",
                            Response.class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(r -> responses.add(r.toSubmitted()));
            em.clear();
            return responses;
        }
    }
}
