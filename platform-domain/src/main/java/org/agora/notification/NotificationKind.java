package org.agora.notification;

/**
 * The kinds of events a resident is told about, each with its default: always in the app, and by e-mail only for
 * what is about the person's own contributions or their own place at a meeting (a reply to their comment, the review
 * of their project, a seat freed for them). A person's choices are kept per kind ({@link NotificationPreferences}).
 */
public enum NotificationKind {

    /** Someone replied to my comment. */
    COMMENT_REPLY(true),
    /** My budget project was reviewed: feasible, not feasible, merged. */
    PROJECT_REVIEWED(true),
    /** A meeting of my council was announced, changed or cancelled. */
    COUNCIL_MEETING(false),
    /** My registration for a council meeting moved from the waiting list to a seat. */
    MEETING_SEAT(true),
    /** A consultation opened in my district (or for the whole city), or in a theme I follow. */
    CONSULTATION_OPENED(false),
    /** The participatory budget's vote in my district: it opened, it closes soon and I have not voted, its results. */
    BUDGET_VOTE(false),
    /** A moderator hid or restored my contribution, or rejected my proposal. */
    MODERATION_DECISION(true),
    /** The newsletters of the democracy office and of my district's town hall: only once I opt in, by e-mail only. */
    NEWSLETTER(false, false),
    /** An export I asked for is ready to download, or could not be written (staff who read the KPIs only). */
    EXPORT_READY(false);

    private final boolean aboutMine;
    private final boolean inAppOffered;

    NotificationKind(boolean aboutMine) {
        this(aboutMine, true);
    }

    NotificationKind(boolean aboutMine, boolean inAppOffered) {
        this.aboutMine = aboutMine;
        this.inAppOffered = inAppOffered;
    }

    /** Whether the person may have it in the app: every kind but the newsletter, which is a mail. */
    public boolean isInAppOffered() {
        return inAppOffered;
    }

    /** Whether nothing is sent until the person opts in (the newsletter). */
    public boolean isOptIn() {
        return !inAppOffered;
    }

    /** Whether only staff who read the participation KPIs get it (their exports): others are not offered it. */
    public boolean isForStaff() {
        return this == EXPORT_READY;
    }

    /** Whether it is about the person's own contribution or registration: e-mail is then on by default. */
    public boolean isAboutMine() {
        return aboutMine;
    }

    /** The default choice of someone who never chose. */
    public Choice defaultChoice() {
        return isOptIn() ? new Choice(false, false) : new Choice(true, aboutMine);
    }

    /** What is kept of a choice: never in the app for a kind that is not offered there. */
    public Choice allowed(Choice choice) {
        return inAppOffered ? choice : new Choice(false, choice.byEmail());
    }

    /** How a person wants to hear about one kind of event. */
    public record Choice(boolean inApp, boolean byEmail) {

        public boolean isSilent() {
            return !inApp && !byEmail;
        }
    }
}
