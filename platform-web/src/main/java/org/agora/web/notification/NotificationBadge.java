package org.agora.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.agora.notification.NotificationService;
import org.agora.web.security.CurrentUser;

/** The unread count in the menu of every page: one count query per request, and only for someone signed in. */
@Named
@RequestScoped
public class NotificationBadge {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    private Long unread;

    /** Counts again when next asked: an action of this request changed what is unread after the menu counted. */
    public void forget() {
        unread = null;
    }

    public long getUnread() {
        if (unread == null) {
            unread = currentUser.isSignedIn() ? notifications.unreadCount(currentUser.actor()) : 0L;
        }
        return unread;
    }
}
