package org.agora.web.newsletter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.newsletter.Audience;
import org.agora.newsletter.Newsletter;
import org.agora.newsletter.NewsletterPermissions;
import org.agora.newsletter.NewsletterService;
import org.agora.newsletter.NewsletterText;
import org.agora.newsletter.Participation;
import org.agora.shared.DistrictCode;
import org.agora.shared.DomainException;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * Writing a newsletter ({@code /newsletters/manage/edit.xhtml?id=}): its texts, its audience (the districts offered are
 * those the person may write to), the number of recipients once saved, a test to oneself, and sending, which asks
 * for a confirmation naming that number first.
 */
@Named
@ViewScoped
public class NewsletterForm implements Serializable {

    static final String FORM = "newsletter";
    private static final Map<String, String> INPUTS = Map.of("participation", "participationId");

    @Inject
    NewsletterService newsletters;

    @Inject
    NewsletterScheduler scheduler;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private boolean sent;
    private String subjectFr;
    private String bodyFr;
    private String subjectEn;
    private String bodyEn;
    private List<String> districts = new ArrayList<>();
    private List<String> themes = new ArrayList<>();
    private String participationKind;
    private Long participationId;
    private Long recipients;
    private boolean confirming;
    private Map<String, String> districtChoices;
    private Map<String, String> themeChoices;

    public void load() {
        var actor = currentUser.actor();
        if (!NewsletterPermissions.writesNewsletters(actor)) {
            Pages.forbidden();
            return;
        }
        districtChoices = new LinkedHashMap<>();
        territory.districts().stream()
                .filter(d -> NewsletterPermissions.canWrite(actor, new Audience(Set.of(d.getCode()), Set.of(), Optional.empty())))
                .forEach(d -> districtChoices.put(d.getName(), d.getCode().value()));
        themeChoices = new LinkedHashMap<>();
        territory.themes().forEach(t -> themeChoices.put(t.getName(), String.valueOf(t.getId())));
        if (id == null) {
            return;
        }
        try {
            Newsletter newsletter = newsletters.get(actor, id);
            show(newsletter);
            recipients = newsletter.isSent() ? null : newsletters.countRecipients(actor, id);
        } catch (DomainException refused) {
            Pages.refused(refused);
        }
    }

    private void show(Newsletter newsletter) {
        NewsletterText text = newsletter.getText();
        sent = newsletter.isSent();
        subjectFr = text.subjectFr();
        bodyFr = text.bodyFr();
        subjectEn = text.subjectEn().orElse(null);
        bodyEn = text.bodyEn().orElse(null);
        Audience audience = newsletter.getAudience();
        districts = audience.districts().stream().map(DistrictCode::value).sorted().collect(Collectors.toCollection(ArrayList::new));
        themes = audience.themes().stream().sorted().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
        participationKind = audience.participation().map(f -> f.kind().name()).orElse(null);
        participationId = audience.participation().map(Audience.Filter::id).orElse(null);
    }

    /** Saves the draft and shows it again with its number of recipients. */
    public String save() {
        return FacesActions.run(FORM, INPUTS, () -> {
            NewsletterText text = NewsletterText.of(subjectFr, bodyFr, subjectEn, bodyEn);
            Newsletter saved = id == null
                    ? newsletters.create(currentUser.actor(), text, audience(), Instant.now())
                    : newsletters.edit(currentUser.actor(), id, text, audience(), Instant.now());
            FacesFeedback.done("newsletter.saved");
            return "/newsletters/manage/edit?faces-redirect=true&id=" + saved.getId();
        });
    }

    /** One copy, marked as a test, to the person writing. */
    public void testSend() {
        if (FacesActions.runInPlace(FORM, () -> newsletters.testSend(currentUser.actor(), id, Instant.now()))) {
            FacesFeedback.doneInPlace("newsletter.test.done");
        }
    }

    /** The first click on "send": counts again and asks to confirm. */
    public void askToSend() {
        if (FacesActions.runInPlace(FORM, () -> recipients = newsletters.countRecipients(currentUser.actor(), id))) {
            confirming = true;
        }
    }

    public void cancelSending() {
        confirming = false;
    }

    /** Sends it, and shows its public page. */
    public String send() {
        return FacesActions.run(FORM, () -> {
            newsletters.send(currentUser.actor(), id, Instant.now());
            scheduler.queueNow();
            FacesFeedback.done("newsletter.sent");
            return "/newsletters/view?faces-redirect=true&id=" + id;
        });
    }

    private Audience audience() {
        Set<DistrictCode> chosenDistricts = districts.stream().map(code -> DistrictCode.parse(code)
                .orElseThrow(() -> new InvalidInputException("districts", "newsletter.audience.districtUnknown")))
                .collect(Collectors.toSet());
        Set<Long> chosenThemes;
        try {
            chosenThemes = themes.stream().map(Long::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) { // a tampered form
            throw new InvalidInputException("themes", "newsletter.audience.themeUnknown");
        }
        Optional<Audience.Filter> participation = Optional.empty();
        if (participationKind != null && !participationKind.isBlank()) {
            Participation kind = java.util.Arrays.stream(Participation.values())
                    .filter(p -> p.name().equals(participationKind)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("participation", "newsletter.audience.participationUnknown"));
            if (participationId == null) {
                throw new InvalidInputException("participation", "newsletter.audience.participationUnknown");
            }
            participation = Optional.of(new Audience.Filter(kind, participationId));
        }
        return new Audience(chosenDistricts, chosenThemes, participation);
    }

    public List<String> getParticipationKinds() {
        return java.util.Arrays.stream(Participation.values()).map(Enum::name).toList();
    }

    public Map<String, String> getDistrictChoices() {
        return districtChoices;
    }

    public Map<String, String> getThemeChoices() {
        return themeChoices;
    }

    public boolean isCityWideOffered() {
        return NewsletterPermissions.canWrite(currentUser.actor(), Audience.WHOLE_CITY);
    }

    public boolean isSaved() {
        return id != null;
    }

    public boolean isSent() {
        return sent;
    }

    public boolean isEditable() {
        return !sent;
    }

    public Long getRecipients() {
        return recipients;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getSubjectFr() {
        return subjectFr;
    }

    public void setSubjectFr(String subjectFr) {
        this.subjectFr = subjectFr;
    }

    public String getBodyFr() {
        return bodyFr;
    }

    public void setBodyFr(String bodyFr) {
        this.bodyFr = bodyFr;
    }

    public String getSubjectEn() {
        return subjectEn;
    }

    public void setSubjectEn(String subjectEn) {
        this.subjectEn = subjectEn;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public List<String> getDistricts() {
        return districts;
    }

    public void setDistricts(List<String> districts) {
        this.districts = districts == null ? new ArrayList<>() : new ArrayList<>(districts);
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
    }

    public String getParticipationKind() {
        return participationKind;
    }

    public void setParticipationKind(String participationKind) {
        this.participationKind = participationKind;
    }

    public Long getParticipationId() {
        return participationId;
    }

    public void setParticipationId(Long participationId) {
        this.participationId = participationId;
    }
}
