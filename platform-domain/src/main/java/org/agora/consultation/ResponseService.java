package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Use cases of answering a consultation: save a draft and come back to it, submit once (or again, when the
 * organiser allows editing), read one's own response. "One response per resident" is a database constraint on
 * the participation mark, so two simultaneous submits give one response and a clear refusal, whatever the
 * number of app instances. The responses of an anonymous consultation are sealed until it closes, then counted in
 * random order (docs/architecture.md, "Anonymous consultations: secrecy against the database").
 */
@ApplicationScoped
@Transactional
public class ResponseService {

    private static final int PAGE = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private EntityManager em;
    private ResponseSeal seal;

    protected ResponseService() {
        // for CDI
    }

    /**
     * The entity manager and the key that seals anonymous responses: injected by CDI, or given by hand outside a
     * container, where without a seal it serves everything but the responses of anonymous consultations.
     */
    @Inject
    public ResponseService(EntityManager em, ResponseSeal seal) {
        this.em = em;
        this.seal = seal;
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
     * refused now, not at the end), but required questions may still be empty. An anonymous consultation keeps no
     * draft on the server (it would name the person beside the answers): see {@link #checkDraft}.
     */
    public Response saveDraft(Actor actor, long consultationId, Map<String, Answer> answers, Instant now) {
        Consultation consultation = answerable(actor, consultationId, now);
        if (consultation.isAnonymous()) {
            throw new NotAllowedException("consultation.answer.draftInBrowser");
        }
        Map<String, Answer> kept = checkedDraft(actor, consultation, answers);
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
     * Checks unfinished answers as {@link #saveDraft} would, and returns those worth keeping, without storing
     * anything: the draft of an anonymous consultation is kept by the resident's own device.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Answer> checkDraft(Actor actor, long consultationId, Map<String, Answer> answers, Instant now) {
        return checkedDraft(actor, answerable(actor, consultationId, now), answers);
    }

    private Map<String, Answer> checkedDraft(Actor actor, Consultation consultation, Map<String, Answer> answers) {
        if (hasAnswered(actor, consultation.getId())) {
            throw new ConflictException(null, "consultation.answer.alreadySubmitted");
        }
        Questionnaire questionnaire = consultation.getQuestionnaire();
        List<AnswerProblem> problems = questionnaire.check(answers).stream()
                .filter(p -> !p.messageKey().equals("consultation.answer.required")).toList();
        if (!problems.isEmpty()) {
            throw new AnswersRefusedException(problems);
        }
        return questionnaire.kept(answers);
    }

    /**
     * Submits the person's answers, all checked at once. A second submit is refused, unless the organiser lets
     * residents edit their answers until closing, in which case it replaces the first (never for an anonymous
     * consultation, whose responses nobody can find again). The response of an anonymous consultation is sealed
     * until the consultation closes; what is returned then has no number (0).
     */
    public SubmittedResponse submit(Actor actor, long consultationId, Map<String, Answer> answers, Instant now) {
        Consultation consultation = answerable(actor, consultationId, now);
        Questionnaire questionnaire = consultation.getQuestionnaire();
        List<AnswerProblem> problems = questionnaire.check(answers);
        if (!problems.isEmpty()) {
            throw new AnswersRefusedException(problems);
        }
        Map<String, Answer> kept = questionnaire.kept(answers);
        if (consultation.isAnonymous()) {
            return submitSealed(actor, consultation, kept, now);
        }
        Optional<Response> existing = mine(actor, consultationId);
        if (existing.isPresent() && existing.get().isSubmitted()) {
            if (!consultation.isAnswersEditable()) {
                throw new ConflictException(null, "consultation.answer.already");
            }
            Response edited = existing.get();
            edited.replaceAnswers(consultation, kept, now);
            edited.submit(now);
            Constraints.flush(em, () -> new ConflictException(null, "consultation.answer.savedElsewhere"));
            return edited.toSubmitted();
        }
        recordParticipation(actor, consultationId);
        Response response;
        if (existing.isPresent()) {
            response = existing.get();
            response.replaceAnswers(consultation, kept, now);
        } else {
            response = Response.draft(consultation, actor, kept, now);
            em.persist(response);
        }
        response.submit(now);
        Constraints.flush(em, () -> new ConflictException(null, "consultation.answer.already"));
        return response.toSubmitted();
    }

    /**
     * The mark and the sealed response, in one transaction, so one never goes without the other. The row lock on
     * the consultation makes closing wait for submits under way, and a submit that waited sees it closed: no sealed
     * response is ever left behind once the consultation has been counted.
     */
    private SubmittedResponse submitSealed(Actor actor, Consultation consultation, Map<String, Answer> kept, Instant now) {
        if (seal == null) {
            throw new IllegalStateException("anonymous responses need the sealing key");
        }
        Object status = em.createNativeQuery("select status from consultations where id = ? for update")
                .setParameter(1, consultation.getId()).getSingleResult();
        if (!ConsultationStatus.OPEN.name().equals(status)) {
            throw new NotAllowedException("consultation.answer.notOpen");
        }
        recordParticipation(actor, consultation.getId());
        SealedResponse response = new SealedResponse(actor.homeDistrict(), kept);
        Constraints.insert(em, () -> new ConflictException(null, "consultation.answer.savedElsewhere"),
                "insert into sealed_responses (consultation_id, slot, sealed) values (?, ?, ?)",
                consultation.getId(), RANDOM.nextLong() >>> 1, response.seal(seal, consultation.getId(),
                        consultation.getQuestionnaire()));
        return new SubmittedResponse(0, now, Optional.empty(), actor.homeDistrict(), kept);
    }

    /**
     * Counts the sealed responses of an anonymous consultation that has just closed, in the transaction that
     * closes it: all are opened, shuffled with a secure random generator, and written as responses in that order,
     * under random ids, with the closing time; districts with fewer than {@link ConsultationResults#MIN_GROUP}
     * responses are left out (no breakdown shows them, and they would single people out); then the sealed copies
     * are erased. The order, ids, times and transaction of the responses therefore follow nothing the marks show.
     */
    void countSealed(Consultation consultation, Instant closedAt) {
        long consultationId = consultation.getId();
        List<SealedResponse> opened = new ArrayList<>();
        long after = -1; // slots are drawn from 0 to Long.MAX_VALUE
        while (true) {
            List<?> rows = em.createNativeQuery("select slot, sealed from sealed_responses where consultation_id = ?1"
                            + " and slot > ?2 order by slot")
                    .setParameter(1, consultationId).setParameter(2, after)
                    .setMaxResults(PAGE).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            if (seal == null) {
                throw new IllegalStateException("counting anonymous responses needs the sealing key");
            }
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                opened.add(SealedResponse.open(seal, consultationId, (byte[]) columns[1]));
            }
            after = ((Number) ((Object[]) rows.get(rows.size() - 1))[0]).longValue();
        }
        // responses stored in clear before sealing existed (V16) are counted again with the others, so that they
        // too lose the transaction, place on disk, number and day that tied each to its mark
        for (Response legacy : em.createQuery("select r from Response r where r.consultationId = :c", Response.class)
                .setParameter("c", consultationId).getResultList()) {
            opened.add(new SealedResponse(legacy.district(), legacy.getAnswers()));
            em.remove(legacy);
        }
        if (opened.isEmpty()) {
            return;
        }
        em.flush();
        Collections.shuffle(opened, RANDOM);
        Map<DistrictCode, Long> perDistrict = new HashMap<>();
        opened.forEach(r -> r.district().ifPresent(d -> perDistrict.merge(d, 1L, Long::sum)));
        List<Response> page = new ArrayList<>(PAGE);
        for (SealedResponse response : opened) {
            Optional<DistrictCode> district = response.district()
                    .filter(d -> perDistrict.get(d) >= ConsultationResults.MIN_GROUP);
            Response counted = Response.counted(consultation, randomId(), district, response.answers(), closedAt);
            em.persist(counted);
            page.add(counted);
            if (page.size() == PAGE) {
                written(page);
            }
        }
        written(page);
        em.createNativeQuery("delete from sealed_responses where consultation_id = ?")
                .setParameter(1, consultationId).executeUpdate();
    }

    /** Writes a page of counted responses and lets go of them, so memory holds the answers only once. */
    private void written(List<Response> page) {
        em.flush();
        page.forEach(em::detach);
        page.clear();
    }

    /** Far above anything the response sequence reaches, and drawn at random: it tells no order. */
    private static long randomId() {
        return (RANDOM.nextLong() >>> 2) | (1L << 62);
    }

    /** The mark that this person answered; its primary key refuses a second one, even from a concurrent request. */
    private void recordParticipation(Actor actor, long consultationId) {
        Constraints.insert(em, () -> new ConflictException(null, "consultation.answer.already"),
                "insert into consultation_participations (consultation_id, respondent) values (?, ?)",
                consultationId, actor.username());
    }

    private Consultation answerable(Actor actor, long consultationId, Instant now) {
        Consultation consultation = consultation(consultationId);
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
        Consultation consultation = consultation(consultationId);
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

    /**
     * How many residents have answered, counted from the has-answered marks: available at any time, also while the
     * responses of an anonymous consultation are sealed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAnswered(long consultationId) {
        return ((Number) em.createNativeQuery("select count(*) from consultation_participations where consultation_id = ?")
                .setParameter(1, consultationId).getSingleResult()).longValue();
    }

    /** How many responses were submitted (for an anonymous consultation: counted, once it has closed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countSubmitted(long consultationId) {
        return em.createQuery("select count(r) from Response r where r.consultationId = :c and r.status = :s", Long.class)
                .setParameter("c", consultationId).setParameter("s", ResponseStatus.SUBMITTED)
                .getSingleResult();
    }

    /**
     * The submitted responses in the order of their ids (submission order, or random for an anonymous
     * consultation), read a page at a time as the caller goes, so results and
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

    /** The consultation, looked up here rather than through {@link ConsultationService}, which calls this service. */
    private Consultation consultation(long id) {
        return Optional.ofNullable(em.find(Consultation.class, id))
                .orElseThrow(() -> new NotFoundException("consultation.notFound", id));
    }
}
