package org.agora.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.agora.notification.NotificationKind;
import org.agora.notification.NotificationPreferences;
import org.agora.notification.NotificationService;
import org.agora.notification.NotificationTexts;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.security.CurrentUser;

/** The person's choices ({@code /notifications/preferences.xhtml}): per kind of event, in the app and by e-mail; the mails' language. */
@Named
@ViewScoped
public class PreferencesForm implements Serializable {

    static final String FORM = "preferences";
    private static final NotificationTexts TEXTS = new NotificationTexts();

    /** One line of the form. */
    public static final class Line implements Serializable {
        private final NotificationKind kind;
        private final String name;
        private boolean inApp;
        private boolean byEmail;

        Line(NotificationKind kind, String name, NotificationKind.Choice choice) {
            this.kind = kind;
            this.name = name;
            this.inApp = choice.inApp();
            this.byEmail = choice.byEmail();
        }

        public String getKind() {
            return kind.name();
        }

        public String getName() {
            return name;
        }

        /** The newsletter is by e-mail only: no choice in the app. */
        public boolean isInAppOffered() {
            return kind.isInAppOffered();
        }

        public boolean isInApp() {
            return inApp;
        }

        public void setInApp(boolean inApp) {
            this.inApp = inApp;
        }

        public boolean isByEmail() {
            return byEmail;
        }

        public void setByEmail(boolean byEmail) {
            this.byEmail = byEmail;
        }
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    org.agora.territory.TerritoryService territory;

    private List<Line> lines;
    private String mailLanguage;
    private List<String> followedThemes = new ArrayList<>();
    private Map<String, String> themeChoices;

    @PostConstruct
    void load() {
        NotificationPreferences preferences = notifications.preferences(currentUser.actor());
        lines = new ArrayList<>();
        boolean readsKpis = org.agora.kpi.KpiPermissions.canRead(currentUser.actor());
        preferences.allChoices().forEach((kind, choice) -> {
            if (!kind.isForStaff() || readsKpis) { // a resident never has an export to hear about
                lines.add(new Line(kind, TEXTS.kindName(language.getCurrent(), kind), choice));
            }
        });
        mailLanguage = preferences.getLanguage().code();
        followedThemes = preferences.getFollowedThemes().stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        themeChoices = new java.util.LinkedHashMap<>();
        territory.themes().forEach(t -> themeChoices.put(t.getName(), String.valueOf(t.getId())));
    }

    public String save() {
        return FacesActions.run(FORM, () -> {
            Map<NotificationKind, NotificationKind.Choice> chosen = new EnumMap<>(NotificationKind.class);
            lines.forEach(l -> chosen.put(l.kind, new NotificationKind.Choice(l.inApp, l.byEmail)));
            java.util.Set<Long> themes;
            try {
                themes = followedThemes.stream().map(Long::valueOf).collect(java.util.stream.Collectors.toSet());
            } catch (NumberFormatException tampered) {
                throw new org.agora.shared.InvalidInputException("themes", "notification.preferences.themeUnknown");
            }
            notifications.choose(currentUser.actor(), chosen, mailLanguage, java.util.Optional.of(themes));
            FacesFeedback.done("notification.preferences.saved");
            return "/notifications/preferences?faces-redirect=true";
        });
    }

    public List<Line> getLines() {
        return lines;
    }

    public List<String> getFollowedThemes() {
        return followedThemes;
    }

    public void setFollowedThemes(List<String> followedThemes) {
        this.followedThemes = followedThemes == null ? new ArrayList<>() : new ArrayList<>(followedThemes);
    }

    public Map<String, String> getThemeChoices() {
        return themeChoices;
    }

    public String getMailLanguage() {
        return mailLanguage;
    }

    public void setMailLanguage(String mailLanguage) {
        this.mailLanguage = mailLanguage;
    }
}
