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
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationTextModeration;
import org.agora.consultation.FreeTexts;
import org.agora.consultation.Publication;
import org.agora.consultation.ResponseService;
import org.agora.consultation.ResponsesExport;
import org.agora.consultation.VisibleResults;
import org.agora.moderation.ItemKind;
import org.agora.reports.ResponsesWorkbook;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.territory.TerritoryService;
import org.agora.web.audience.PageAudience;
import org.agora.web.moderation.ReportForm;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The results of a consultation ({@code ?id=}). Once published, anyone sees what the organiser chose to publish
 * of each question (figures, reviewed free-text answers, or nothing). Organisers see everything as soon as it
 * opens, choose what is published, approve free-text answers one by one and export all responses to a workbook;
 * for an anonymous consultation, only once it closes (its responses are sealed until then: the page shows how many
 * residents answered). What each person sees is decided by {@link ConsultationReading}.
 */
@Named
@ViewScoped
public class ResultsPage implements Serializable {

    static final int TEXTS_PER_PAGE = 20;

    /** A free-text answer as the page lists it: where it is stored, what it says, whether it is approved. */
    public record TextRow(long responseId, int position, String text, boolean approved) implements Serializable {
    }

    /** The page of free-text answers shown for a question, and whether there are pages before and after it. */
    public record TextsShown(List<TextRow> rows, boolean previous, boolean next) implements Serializable {

        /** Page {@code shown} (from 0) of {@link #TEXTS_PER_PAGE} answers, read from the domain. */
        static TextsShown page(FreeTexts found, int shown) {
            return new TextsShown(found.answers().stream()
                    .map(t -> new TextRow(t.responseId(), t.position(), t.text(), t.approved())).toList(),
                    shown > 0, (shown + 1L) * TEXTS_PER_PAGE < found.total());
        }
    }

    @Inject
    ConsultationReading reading;

    @Inject
    ConsultationTextModeration textItems;

    @Inject
    ReportForm reportForm;

    @Inject
    ConsultationService consultations;

    @Inject
    ResponseService responses;

    @Inject
    TerritoryService territory;

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
    private final Map<String, TextsShown> texts = new HashMap<>();

    public void load() {
        VisibleResults results;
        try {
            results = reading.results(currentUser.actor(), id == null ? -1 : id);
        } catch (NotFoundException e) { // unknown, or a draft this person does not organise
            Pages.notFound();
            return;
        } catch (NotAllowedException e) { // not published yet
            Pages.forbidden();
            return;
        }
        organiser = results.organiser();
        PageAudience.about(results.consultation().getScope().district());
        title = results.consultation().getTitle();
        anonymous = results.consultation().isAnonymous();
        sealed = results.sealed();
        responseCount = results.responses();
        Map<String, String> districtNames = new HashMap<>();
        if (!results.questions().isEmpty()) {
            territory.districts().forEach(d -> districtNames.put(d.getCode().value(), d.getName()));
        }
        questions = results.questions().stream().map(q -> new QuestionResultView(q, districtNames)).toList();
        showTexts();
    }

    /** Reads the page of free-text answers each question shows, with its search, before the page renders. */
    private void showTexts() {
        texts.clear();
        for (QuestionResultView question : questions) {
            if (!question.isShowsTexts()) {
                continue;
            }
            int shown = page.getOrDefault(question.getId(), 0);
            FreeTexts found = reading.texts(currentUser.actor(), id, question.getId(), search.get(question.getId()),
                    shown * TEXTS_PER_PAGE, TEXTS_PER_PAGE);
            texts.put(question.getId(), TextsShown.page(found, shown));
        }
    }

    public void choosePublication(QuestionResultView question, Publication publication) {
        FacesActions.runInPlace("results", () -> {
            consultations.choosePublication(currentUser.actor(), id, question.getId(), publication);
            FacesFeedback.done("consultation.results.publication.saved", question.getText());
            load();
        });
    }

    /** The free-text answers shown for each question, by question id: all for organisers, the approved published ones for others. */
    public Map<String, TextsShown> getTexts() {
        return texts;
    }

    public void nextPage(QuestionResultView question) {
        page.merge(question.getId(), 1, Integer::sum);
        showTexts();
    }

    public void previousPage(QuestionResultView question) {
        page.merge(question.getId(), -1, (a, b) -> Math.max(0, a + b));
        showTexts();
    }

    public void searchTexts(QuestionResultView question) {
        page.put(question.getId(), 0);
        showTexts();
    }

    public void approve(TextRow text, boolean approved) {
        FacesActions.runInPlace("results",
                () -> responses.approveText(currentUser.actor(), id, text.responseId(), text.position(), approved));
        showTexts();
    }

    /** Opens the report form for this text (under the results), quoting it. */
    public void report(TextRow text) {
        FacesActions.runInPlace("results", () -> reportForm.startFor(ItemKind.CONSULTATION_TEXT,
                textItems.itemFor(text.responseId(), text.position()), text.text()));
    }

    /** Every submitted response as a workbook: one row each, one column per question, answers as their labels. */
    public void export() throws IOException {
        ResponsesExport export;
        try {
            export = reading.responsesToExport(currentUser.actor(), id);
        } catch (NotAllowedException e) {
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
        ResponsesWorkbook.write(export.questionnaire(), export.anonymous(), export.responses(), headings,
                external.getResponseOutputStream());
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
