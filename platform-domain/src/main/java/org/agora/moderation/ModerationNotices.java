package org.agora.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.agora.moderation.ModerationService.ModerationDecided;
import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;
import org.agora.notification.Notifications;

/**
 * Tells authors what a moderator decided about their contribution, in the decision's transaction: hidden (with the
 * public reason shown in its place), shown again, or a proposal rejected (with its reason). Keeping an item that
 * stayed visible is no news to its author, who may never have known it was reported.
 */
@ApplicationScoped
public class ModerationNotices {

    private Notifications notifications;

    protected ModerationNotices() {
        // for CDI
    }

    @Inject
    public ModerationNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void decided(@Observes ModerationDecided decided) {
        tell(decided);
    }

    /** The author told of the decision, if it is news to them. */
    public void tell(ModerationDecided decided) {
        if (decided.author().isBlank()) {
            return; // an anonymous answer: nobody to tell
        }
        event(decided).ifPresent(event -> notifications.tell(Notice.of(decided.author(),
                NotificationKind.MODERATION_DECISION, event, decided.path(), decided.publicReason().orElse("")),
                decided.at()));
    }

    /** The event told for this decision: its text's key, after {@code notification.} and {@code mail.}. */
    static Optional<String> event(ModerationDecided decided) {
        return switch (decided.state()) {
            case HIDDEN -> Optional.of("moderation.hidden");
            case RESTORED -> Optional.of("moderation.restored");
            case REJECTED -> Optional.of("moderation.rejected");
            case OPEN, PENDING, KEPT -> Optional.empty();
        };
    }
}
