package org.agora.web.consultation;

import jakarta.faces.context.FacesContext;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.agora.api.consultation.AnswersJson;
import org.agora.consultation.Answer;
import org.agora.consultation.AnswerProblem;
import org.agora.consultation.AnswersRefusedException;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationVisit;
import org.agora.consultation.Questionnaire;
import org.agora.consultation.ResponseService;
import org.agora.shared.NotFoundException;
import org.agora.web.audience.PageAudience;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.primefaces.PrimeFaces;

/**
 * A resident answers a consultation ({@code ?id=}): the form shows the questions their earlier answers make
 * visible, re-evaluated as they pick; they may save and come back, then submit. Refused answers are shown next
 * to their questions and everything typed stays in the form. The draft of an anonymous consultation is kept by the
 * browser, never by the server.
 */
@Named
@ViewScoped
public class AnswerForm implements Serializable {

    @Inject
    ConsultationReading reading;

    @Inject
    ResponseService responses;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private String title;
    private boolean anonymous;
    private boolean editable;
    private boolean submitted;
    private String whyNot;
    private String browserDraft;
    private List<AnswerField> fields = List.of();
    private transient Questionnaire questionnaire;
    private final Map<String, String> errors = new HashMap<>();

    public void load() {
        ConsultationVisit visit;
        try {
            visit = reading.visit(currentUser.actor(), id == null ? -1 : id, Instant.now());
        } catch (NotFoundException e) { // unknown, or a draft this person does not organise
            Pages.notFound();
            return;
        }
        Consultation consultation = visit.consultation();
        PageAudience.about(consultation.getScope().district());
        title = consultation.getTitle();
        anonymous = consultation.isAnonymous();
        editable = consultation.isAnswersEditable();
        submitted = visit.answered();
        whyNot = visit.whyNotAnswer().orElse(null);
        questionnaire = consultation.getQuestionnaire();
        fields = questionnaire.questions().stream().map(AnswerField::new).toList();
        visit.mine().ifPresent(r -> r.getAnswers().forEach((questionId, answer) -> fields.stream()
                .filter(f -> f.getId().equals(questionId)).findFirst().ifPresent(f -> f.fill(answer))));
    }

    private Questionnaire questionnaire() {
        if (questionnaire == null) {
            questionnaire = reading.read(currentUser.actor(), id).getQuestionnaire();
        }
        return questionnaire;
    }

    private Map<String, Answer> answers() {
        Map<String, Answer> answers = new HashMap<>();
        fields.forEach(f -> f.answer().ifPresent(a -> answers.put(f.getId(), a)));
        return answers;
    }

    /** Whether the question shows, given what the resident has picked so far. */
    public boolean visible(AnswerField field) {
        return visibleIds().contains(field.getId());
    }

    private Set<String> visibleIds() {
        return questionnaire().visibleQuestions(answers());
    }

    /** Called when a choice changes: nothing to do but let the form show or hide the questions that depend on it. */
    public void refresh() {
        errors.keySet().retainAll(visibleIds());
    }

    public String saveDraft() {
        if (malformedNumbers()) {
            return null;
        }
        return answering(() -> {
            if (anonymous) {
                keepDraftInBrowser();
                return null;
            }
            responses.saveDraft(currentUser.actor(), id, answers(), Instant.now());
            FacesFeedback.done("consultation.answer.draftSaved");
            return null;
        });
    }

    /**
     * An anonymous consultation keeps no draft on the server: the answers are checked, then handed to the page,
     * which keeps them in the browser's storage (answer-draft.js) and offers them back on the next visit.
     */
    private void keepDraftInBrowser() {
        Map<String, Answer> kept = responses.checkDraft(currentUser.actor(), id, answers(), Instant.now());
        PrimeFaces.current().ajax().addCallbackParam("draft", AnswersJson.body(kept));
        FacesFeedback.done("consultation.answer.draftKeptHere");
    }

    /** Fills the form with the draft the browser kept, when it still fits the questionnaire; otherwise ignores it. */
    public void restoreBrowserDraft() {
        if (!anonymous || browserDraft == null || browserDraft.isBlank()) {
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(browserDraft))) {
            Map<String, Answer> kept = questionnaire().kept(AnswersJson.read(questionnaire(), reader.readObject()));
            kept.forEach((questionId, answer) -> fields.stream().filter(f -> f.getId().equals(questionId))
                    .findFirst().ifPresent(f -> f.fill(answer)));
            FacesFeedback.done("consultation.answer.draftRestored");
        } catch (RuntimeException unreadable) {
            // a draft from an older questionnaire or altered by hand: the form simply starts empty
        } finally {
            browserDraft = null;
        }
    }

    /** Where the browser keeps this person's draft of this consultation. */
    public String getDraftKey() {
        return draftKey(id, currentUser.actor().username());
    }

    static String draftKey(long consultationId, String username) {
        return "agora.consultation." + consultationId + ".draft." + username.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    public String getBrowserDraft() {
        return browserDraft;
    }

    public void setBrowserDraft(String browserDraft) {
        this.browserDraft = browserDraft;
    }

    public String submit() {
        if (malformedNumbers()) {
            return null;
        }
        return answering(() -> {
            responses.submit(currentUser.actor(), id, answers(), Instant.now());
            FacesFeedback.done(anonymous ? "consultation.answer.thanksAnonymous" : "consultation.answer.thanks");
            return "/consultations/view?faces-redirect=true&id=" + id;
        });
    }

    /** Runs an action on the answers: refused answers are told next to their questions, the refusal above them. */
    private String answering(Supplier<String> action) {
        return FacesActions.run("answers", () -> {
            try {
                return action.get();
            } catch (AnswersRefusedException refused) {
                showNextToQuestions(refused);
                throw refused;
            }
        });
    }

    private boolean malformedNumbers() {
        errors.clear();
        fields.stream().filter(f -> visible(f) && f.isNumberMalformed())
                .forEach(f -> errors.put(f.getId(), text("consultation.answer.notANumber")));
        if (errors.isEmpty()) {
            return false;
        }
        FacesFeedback.refused("answers", new AnswersRefusedException(
                errors.keySet().stream().map(q -> new AnswerProblem(q, "consultation.answer.notANumber", List.of())).toList()));
        return true;
    }

    private void showNextToQuestions(AnswersRefusedException refused) {
        errors.clear();
        for (AnswerProblem problem : refused.problems()) {
            errors.merge(problem.questionId(), text(problem.messageKey(), problem.arguments().toArray()), (a, b) -> a + " " + b);
        }
    }

    private static String text(String key, Object... arguments) {
        return Texts.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
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

    public boolean isEditable() {
        return editable;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public String getWhyNotText() {
        return whyNot == null ? null : text(whyNot);
    }

    public List<AnswerField> getFields() {
        return fields;
    }

    public Map<String, String> getErrors() {
        return errors;
    }
}
