package org.agora.notification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A person's choices: per kind of event, in the app and/or by e-mail (a kind never chosen keeps its default,
 * {@link NotificationKind#defaultChoice()}), and the language of their mails. Stored once the person saves them or
 * unsubscribes from a kind; someone without a row has the defaults ({@link #defaults(String)}). The themes the person
 * follows (ids of {@code themes}) say which consultations they hear of beyond their district, and which themed
 * newsletters reach them.
 */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences {

    @Id
    @Column(length = 100)
    private String person;

    @Column(nullable = false, length = 2)
    private String language;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notification_choices", joinColumns = @JoinColumn(name = "person"))
    private Set<StoredChoice> choices = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "followed_themes", joinColumns = @JoinColumn(name = "person"))
    @Column(name = "theme_id", nullable = false)
    private Set<Long> followedThemes = new HashSet<>();

    @Version
    private int version;

    protected NotificationPreferences() {
        // for JPA
    }

    private NotificationPreferences(String person, MailLanguage language) {
        this.person = person;
        this.language = language.code();
    }

    /** The choices of someone who never chose: every kind's default, mails in French. */
    public static NotificationPreferences defaults(String person) {
        return new NotificationPreferences(person, MailLanguage.DEFAULT);
    }

    public String getPerson() {
        return person;
    }

    public MailLanguage getLanguage() {
        return MailLanguage.parse(language).orElse(MailLanguage.DEFAULT);
    }

    /** The person's choice for this kind, or its default. */
    public NotificationKind.Choice choice(NotificationKind kind) {
        return choices.stream().filter(c -> c.kind == kind).findFirst()
                .map(c -> new NotificationKind.Choice(c.inApp, c.byEmail)).orElseGet(kind::defaultChoice);
    }

    /** Every kind with the person's choice, in the kinds' order. */
    public Map<NotificationKind, NotificationKind.Choice> allChoices() {
        Map<NotificationKind, NotificationKind.Choice> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, choice(kind));
        }
        return all;
    }

    /** The ids of the themes the person follows. */
    public Set<Long> getFollowedThemes() {
        return Set.copyOf(followedThemes);
    }

    /** Replaces the themes followed. */
    void follow(Set<Long> themes) {
        followedThemes.retainAll(themes);
        followedThemes.addAll(themes);
    }

    /** Replaces the choices of the kinds given (others keep theirs) and the language. */
    void choose(Map<NotificationKind, NotificationKind.Choice> chosen, MailLanguage newLanguage) {
        chosen.forEach(this::set);
        language = newLanguage.code();
    }

    /** No more mails of this kind; the app's choice stays. */
    void stopMails(NotificationKind kind) {
        set(kind, new NotificationKind.Choice(choice(kind).inApp(), false));
    }

    private void set(NotificationKind kind, NotificationKind.Choice wanted) {
        NotificationKind.Choice choice = kind.allowed(wanted);
        choices.removeIf(c -> c.kind == kind);
        choices.add(new StoredChoice(kind, choice.inApp(), choice.byEmail()));
    }

    /** One row of notification_choices. */
    @Embeddable
    public static class StoredChoice {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 40)
        private NotificationKind kind;

        @Column(name = "in_app", nullable = false)
        private boolean inApp;

        @Column(name = "by_email", nullable = false)
        private boolean byEmail;

        protected StoredChoice() {
            // for JPA
        }

        StoredChoice(NotificationKind kind, boolean inApp, boolean byEmail) {
            this.kind = kind;
            this.inApp = inApp;
            this.byEmail = byEmail;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredChoice c && c.kind == kind && c.inApp == inApp && c.byEmail == byEmail;
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 4 + (inApp ? 2 : 0) + (byEmail ? 1 : 0);
        }
    }
}
