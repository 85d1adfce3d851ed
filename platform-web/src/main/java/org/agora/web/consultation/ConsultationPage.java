package org.agora.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import org.agora.comment.CommentTarget;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationPermissions;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.Response;
import org.agora.consultation.ResponseService;
import org.agora.shared.NotFoundException;
import org.agora.web.comment.CommentsSection;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * One consultation for anyone ({@code ?id=}): what it asks, to whom, until when, and what the visitor may do:
 * answer, resume their draft, edit their response, or why they may not; the comments below. A draft is a 404 but
 * for its organisers.
 */
@Named
@RequestScoped
public class ConsultationPage {

    @Inject
    ConsultationService consultations;

    @Inject
    ResponseService responses;

    @Inject
    CurrentUser currentUser;

    @Inject
    ConsultationLabels labels;

    @Inject
    CommentsSection comments;

    private Long id;
    private Consultation consultation;
    private String whyNot;
    private boolean answered;
    private Optional<Response> mine = Optional.empty();

    public void load() {
        consultation = readable(consultations, currentUser, id);
        if (consultation == null) {
            return;
        }
        whyNot = responses.whyNotAnswer(currentUser.actor(), consultation, Instant.now()).orElse(null);
        answered = responses.hasAnswered(currentUser.actor(), id);
        mine = responses.mine(currentUser.actor(), id);
        comments.show(CommentTarget.consultation(id));
    }

    /** The consultation, or null after sending a 404 when it does not exist or is a draft the visitor may not see. */
    static Consultation readable(ConsultationService consultations, CurrentUser currentUser, Long id) {
        try {
            Consultation consultation = consultations.get(id == null ? -1 : id);
            if (!ConsultationPermissions.canRead(currentUser.actor(), consultation.getScope(), consultation.getStatus())) {
                Pages.notFound();
                return null;
            }
            return consultation;
        } catch (NotFoundException e) {
            Pages.notFound();
            return null;
        }
    }

    public Consultation getConsultation() {
        return consultation;
    }

    public String getWhyNot() {
        return whyNot;
    }

    /** The reason in the visitor's language (a message of the rules, formatted like the API's). */
    public String getWhyNotText() {
        return whyNot == null ? null
                : Texts.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), whyNot);
    }

    public boolean isAnonymous() {
        return consultation != null && consultation.isAnonymous();
    }

    /** Where the browser keeps this person's draft of an anonymous consultation (forgotten once they answered). */
    public String getDraftKey() {
        return AnswerForm.draftKey(id, currentUser.actor().username());
    }

    public boolean isAnswered() {
        return answered;
    }

    public boolean isHasDraft() {
        return mine.filter(r -> !r.isSubmitted()).isPresent();
    }

    /** The resident may answer (or edit their answer, or go on with their draft). */
    public boolean isMayAnswer() {
        return whyNot == null;
    }

    public boolean isOrganiser() {
        return consultation != null && ConsultationPermissions.canOrganise(currentUser.actor(), consultation.getScope());
    }

    public boolean isResultsVisible() {
        return consultation != null && ConsultationPermissions.canSeeResults(currentUser.actor(),
                consultation.getScope(), consultation.getStatus());
    }

    public String getScope() {
        return consultation == null ? "" : labels.scope(consultation);
    }

    public String getTheme() {
        return consultation == null ? "" : labels.theme(consultation);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
