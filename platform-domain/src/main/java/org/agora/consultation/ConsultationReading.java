package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Use cases of reading a consultation, for pages and API alike: the consultation itself, what a person may do
 * with it, its results, the free-text answers and the responses to export. Who may read what is decided here, by
 * {@link ConsultationPermissions}: a draft is not found but by its organisers; results not yet published are
 * refused ({@code consultation.results.notPublished}); the export is its organisers' once the responses are no
 * longer sealed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsultationReading {

    private ConsultationService consultations;

    private ResponseService responses;

    protected ConsultationReading() {
        // for CDI
    }

    @Inject
    public ConsultationReading(ConsultationService consultations, ResponseService responses) {
        this.consultations = consultations;
        this.responses = responses;
    }

    /** The consultation, if this person may read it; otherwise not found, as a draft is to all but its organisers. */
    public Consultation read(Actor actor, long id) {
        Consultation consultation = consultations.get(id);
        if (!ConsultationPermissions.canRead(actor, consultation.getScope(), consultation.getStatus())) {
            throw new NotFoundException("consultation.notFound", id);
        }
        return consultation;
    }

    /**
     * The consultation to open in the organisers' pages: refused ({@code consultation.organise.notAllowed}) to whoever
     * does not organise its scope, not found when there is none.
     */
    public Consultation toOrganise(Actor actor, long id) {
        Consultation consultation = consultations.get(id);
        if (!ConsultationPermissions.canOrganise(actor, consultation.getScope())) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        return consultation;
    }

    /** The consultation as this person finds it: whether they may answer, have answered, organise it, see results. */
    public ConsultationVisit visit(Actor actor, long id, Instant now) {
        Consultation consultation = read(actor, id);
        return new ConsultationVisit(consultation, responses.whyNotAnswer(actor, consultation, now),
                responses.hasAnswered(actor, id), responses.mine(actor, id),
                ConsultationPermissions.canOrganise(actor, consultation.getScope()),
                ConsultationPermissions.canSeeResults(actor, consultation.getScope(), consultation.getStatus()));
    }

    /**
     * The results this person may see: counted from the submitted responses, the questions they may see in
     * questionnaire order. Refused before they are published, but to organisers.
     */
    public VisibleResults results(Actor actor, long id) {
        Consultation consultation = withResults(actor, id);
        ConsultationScope scope = consultation.getScope();
        boolean organiser = ConsultationPermissions.canOrganise(actor, scope);
        if (consultation.areResponsesSealed()) {
            return new VisibleResults(consultation, organiser, responses.countAnswered(id), List.of());
        }
        ConsultationResults tally = ConsultationResults.tally(consultation.getQuestionnaire(), responses.submitted(id));
        Map<String, Publication> publications = consultation.getPublications();
        List<VisibleResults.ShownQuestion> shown = tally.questions().stream()
                .map(q -> {
                    Publication publication = publication(publications, q.question());
                    return new VisibleResults.ShownQuestion(q, publication,
                            seesTexts(actor, consultation, q.question(), publication));
                })
                .filter(q -> ConsultationPermissions.canSeeFigures(actor, scope, consultation.getStatus(),
                        q.publication()))
                .toList();
        return new VisibleResults(consultation, organiser, tally.responses(), shown);
    }

    /**
     * A page of the free-text answers to one question, oldest first, optionally only those containing a word: all
     * of them for organisers, the approved ones for the public once published with the figures; none for a question
     * whose texts this person does not see.
     */
    public FreeTexts texts(Actor actor, long id, String questionCode, String search, int first, int max) {
        Consultation consultation = withResults(actor, id);
        Question question = consultation.getQuestionnaire().questions().stream()
                .filter(q -> q.id().equals(questionCode)).findFirst().orElse(null);
        if (question == null || consultation.areResponsesSealed()
                || !seesTexts(actor, consultation, question, publication(consultation.getPublications(), question))) {
            return FreeTexts.NONE;
        }
        boolean approvedOnly = !ConsultationPermissions.canReviewTexts(actor, consultation.getScope());
        return new FreeTexts(responses.texts(id, questionCode, search, approvedOnly, first, max),
                responses.countTexts(id, questionCode, search, approvedOnly));
    }

    /**
     * Every submitted response, for the organisers' workbook, which names the respondents' districts; refused to
     * others and while the responses are sealed.
     */
    public ResponsesExport responsesToExport(Actor actor, long id) {
        Consultation consultation = consultations.get(id);
        if (!ConsultationPermissions.canExportResponses(actor, consultation.getScope(),
                consultation.areResponsesSealed())) {
            throw new NotAllowedException("consultation.organise.notAllowed");
        }
        return new ResponsesExport(consultation.getQuestionnaire(), consultation.isAnonymous(),
                responses.submitted(id));
    }

    private Consultation withResults(Actor actor, long id) {
        Consultation consultation = read(actor, id);
        if (!ConsultationPermissions.canSeeResults(actor, consultation.getScope(), consultation.getStatus())) {
            throw new NotAllowedException("consultation.results.notPublished");
        }
        return consultation;
    }

    private static boolean seesTexts(Actor actor, Consultation consultation, Question question,
                                     Publication publication) {
        return question instanceof Question.FreeText
                && ConsultationPermissions.canSeeTexts(actor, consultation.getScope(), consultation.getStatus(),
                        publication);
    }

    private static Publication publication(Map<String, Publication> publications, Question question) {
        return publications.getOrDefault(question.id(), Publication.FIGURES);
    }
}
