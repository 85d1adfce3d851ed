package org.agora.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.comment.CommentTarget;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationVisit;
import org.agora.consultation.Response;
import org.agora.moderation.ModerationService;
import org.agora.shared.NotFoundException;
import org.agora.web.audience.PageAudience;
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
    ConsultationReading reading;

    @Inject
    CurrentUser currentUser;

    @Inject
    ModerationService moderation;

    @Inject
    ConsultationLabels labels;

    @Inject
    CommentsSection comments;

    private Long id;
    private Consultation consultation;
    private String whyNot;
    private boolean answered;
    private Optional<Response> mine = Optional.empty();
    private boolean organiser;
    private boolean resultsVisible;
    private String scope = "";
    private String theme = "";
    private long rejected;
    private List<String> rejections = List.of();

    public void load() {
        ConsultationVisit visit;
        try {
            visit = reading.visit(currentUser.actor(), id == null ? -1 : id, Instant.now());
        } catch (NotFoundException e) { // unknown, or a draft this person does not organise
            Pages.notFound();
            return;
        }
        consultation = visit.consultation();
        PageAudience.about(consultation.getScope().district());
        whyNot = visit.whyNotAnswer().orElse(null);
        answered = visit.answered();
        mine = visit.mine();
        organiser = visit.organiser();
        resultsVisible = visit.resultsVisible();
        scope = labels.scope(consultation);
        theme = labels.theme(consultation);
        comments.show(CommentTarget.consultation(id));
        var refused = moderation.rejections(consultation.getModerationSpace());
        rejected = refused.values().stream().mapToLong(Long::longValue).sum();
        rejections = refused.entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).toList();
    }

    /** How many contributions (comments, free-text answers) moderators refused in this consultation. */
    public long getRejected() {
        return rejected;
    }

    /** Each public reason of a refusal with its count, as plain text. */
    public List<String> getRejections() {
        return rejections;
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
        return organiser;
    }

    public boolean isResultsVisible() {
        return resultsVisible;
    }

    public String getScope() {
        return scope;
    }

    public String getTheme() {
        return theme;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
