package org.agora.notification;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.Role;

/**
 * Who may do what with notifications: each signed-in person reads and marks their own notifications and chooses their
 * own preferences (another's are as if they did not exist); only the democracy office sees the outbox and its
 * failures, which name people and their events.
 */
public final class NotificationPermissions {

    private NotificationPermissions() {
    }

    public static Optional<String> whyNotUseCentre(Actor actor) {
        return actor.isSignedIn() ? Optional.empty() : Optional.of("notification.signInFirst");
    }

    /** Whether this notification is the actor's: nobody else reads or marks it. */
    public static boolean owns(Actor actor, Notification notification) {
        return actor.isSignedIn() && actor.username().equals(notification.getRecipient());
    }

    public static Optional<String> whyNotSeeMails(Actor actor) {
        if (!actor.isSignedIn()) {
            return Optional.of("notification.signInFirst");
        }
        return actor.has(Role.OFFICE_ADMIN) ? Optional.empty() : Optional.of("notification.mail.officeOnly");
    }
}
