package org.agora.web.consultation;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationPermissions;
import org.agora.consultation.ConsultationResults;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.Publication;
import org.agora.consultation.QuestionResults;
import org.agora.consultation.ResponseService;
import org.agora.consultation.ResponseService.TextAnswer;
import org.agora.reports.ResponsesWorkbook;
import org.agora.shared.DomainException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The results of a consultation ({@code ?id=}). Once published, anyone sees what the organiser chose to publish
 * of each question (figures, reviewed free-text answers, or nothing). Organisers see everything as soon as it
 * opens, choose what is published, approve free-text answers one by one and export all responses to a workbook;
 * for an anonymous consultation, only once it closes (its responses are sealed until then: the page shows how many
 * residents answered).
 */
@Named
@ViewScoped
public class ResultsPage implements Serializable {

    static final int TEXTS_PER_PAGE = 20;

    @Inject
    transient ConsultationService consultations;

    @Inject
    transient ResponseService responses;

    @Inject
    transient TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private String title;
    private boolean organiser;
    private boolean anonymous;
    private boolean sealed;
    private long responseCount;
    private List<QuestionResultView> questions = List.of();
    private final Map<String, String> search = new HashMap<>();
    private final Map<String, Integer> page = new HashMap<>();

    public void load() {
        Consultation consultation = ConsultationPage.readable(consultations, currentUser, id);
        if (consultation == null) {
            return;
        }
        organiser = ConsultationPermissions.canOrganise(currentUser.actor(), consultation.getScope());
        if (!ConsultationPermissions.canSeeResults(currentUser.actor(), consultation.getScope(), consultation.getStatus())) {
            Pages.forbidden();
            return;
        }
        title = consultation.getTitle();
        anonymous = consultation.isAnonymous();
        sealed = consultation.areResponsesSealed();
        if (sealed) {
            responseCount = responses.countAnswered(id);
            questions = List.of();
            return;
        }
        ConsultationResults results = ConsultationResults.tally(consultation.getQuestionnaire(), responses.submitted(id));
        responseCount = results.responses();
        Map<String, Publication> publications = consultation.getPublications();
        Map<String, String> districtNames = new HashMap<>();
        territory.districts().forEach(d -> districtNames.put(d.getCode().value(), d.getName()));
        questions = results.questions().stream()
                .filter(q -> organiser || publication(publications, q).publicFigures())
                .map(q -> new QuestionResultView(q, publication(publications, q), districtNames))
                .toList();
    }

    private static Publication publication(Map<String, Publication> publications, QuestionResults q) {
        return publications.getOrDefault(q.question().id(), Publication.FIGURES);
    }

    public void choosePublication(QuestionResultView question, Publication publication) {
        try {
            consultations.choosePublication(currentUser.actor(), id, question.getId(), publication);
            FacesFeedback.done("consultation.results.publication.saved", question.getText());
            load();
        } catch (DomainException e) {
            FacesFeedback.refused("results", e);
        }
    }

    /** The free-text answers shown for a question: all for organisers, the approved published ones for others. */
    public List<TextAnswer> texts(QuestionResultView question) {
        if (!showsTexts(question)) {
            return List.of();
        }
        return responses.texts(id, question.getId(), search.get(question.getId()), !organiser,
                page.getOrDefault(question.getId(), 0) * TEXTS_PER_PAGE, TEXTS_PER_PAGE);
    }

    public long textCount(QuestionResultView question) {
        return showsTexts(question)
                ? responses.countTexts(id, question.getId(), search.get(question.getId()), !organiser) : 0;
    }

    public boolean showsTexts(QuestionResultView question) {
        return question.isFreeText() && (organiser || question.getPublication() == Publication.FIGURES_AND_TEXTS);
    }

    public boolean hasNextPage(QuestionResultView question) {
        return (page.getOrDefault(question.getId(), 0) + 1L) * TEXTS_PER_PAGE < textCount(question);
    }

    public boolean hasPreviousPage(QuestionResultView question) {
        return page.getOrDefault(question.getId(), 0) > 0;
    }

    public void nextPage(QuestionResultView question) {
        page.merge(question.getId(), 1, Integer::sum);
    }

    public void previousPage(QuestionResultView question) {
        page.merge(question.getId(), -1, (a, b) -> Math.max(0, a + b));
    }

    public void searchTexts(QuestionResultView question) {
        page.put(question.getId(), 0);
    }

    public void approve(TextAnswer text, boolean approved) {
        try {
            responses.approveText(currentUser.actor(), id, text.responseId(), text.position(), approved);
        } catch (DomainException e) {
            FacesFeedback.refused("results", e);
        }
    }

    /** Every submitted response as a workbook: one row each, one column per question, answers as their labels. */
    public void export() throws IOException {
        Consultation consultation = consultations.get(id);
        if (!ConsultationPermissions.canOrganise(currentUser.actor(), consultation.getScope())
                || consultation.areResponsesSealed()) {
            Pages.forbidden();
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        ResponsesWorkbook.Headings headings = new ResponsesWorkbook.Headings(
                Texts.format(locale, "consultation.results.export.sheet"),
                Texts.format(locale, "consultation.results.export.number"),
                Texts.format(locale, "consultation.results.export.submittedAt"),
                Texts.format(locale, "consultation.results.export.respondent"),
                Texts.format(locale, "consultation.results.export.district"));
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"consultation-" + id + ".xlsx\"");
        ResponsesWorkbook.write(consultation.getQuestionnaire(), consultation.isAnonymous(), responses.submitted(id),
                headings, external.getResponseOutputStream());
        faces.responseComplete();
    }

    public Map<String, String> getSearch() {
        return search;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public boolean isOrganiser() {
        return organiser;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    /** An anonymous consultation still open: its responses are sealed, only their number is known. */
    public boolean isSealed() {
        return sealed;
    }

    public long getResponseCount() {
        return responseCount;
    }

    public List<QuestionResultView> getQuestions() {
        return questions;
    }
}
