package org.agora.web.notification;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.agora.notification.NotificationService;
import org.agora.notification.NotificationTexts;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.LocalPath;
import org.agora.web.security.CurrentUser;

/**
 * The notification centre ({@code /notifications/index.xhtml}): the person's latest notifications, newest first;
 * opening one marks it read and goes to its page; one or all marked read in place.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    static final String FORM = "notifications";
    private static final NotificationTexts TEXTS = new NotificationTexts();

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    NotificationBadge badge;

    private transient List<NotificationRow> rows;

    public List<NotificationRow> getRows() {
        if (rows == null) {
            rows = notifications.list(currentUser.actor(), 0, NotificationService.MAX_PAGE).stream()
                    .map(n -> NotificationRow.of(n, TEXTS, language.getCurrent())).toList();
        }
        return rows;
    }

    public long getUnread() {
        return getRows().stream().filter(r -> !r.read()).count();
    }

    public void markRead(long id) {
        FacesActions.runInPlace(FORM, () -> notifications.markRead(currentUser.actor(), id, Instant.now()));
        forget();
    }

    public void markAllRead() {
        FacesActions.runInPlace(FORM, () -> {
            int marked = notifications.markAllRead(currentUser.actor(), Instant.now());
            FacesFeedback.doneInPlace("notification.centre.allMarked", marked);
        });
        forget();
    }

    /** The list and the menu's count are read again after a change (the menu counted before the action ran). */
    private void forget() {
        rows = null;
        badge.forget();
    }

    /** Marks it read and goes to the page it is about. */
    public void open(long id) throws IOException {
        boolean done = FacesActions.runInPlace(FORM, () -> notifications.markRead(currentUser.actor(), id, Instant.now()));
        if (done) {
            String link = getRows().stream().filter(r -> r.id() == id).findFirst().map(NotificationRow::link).orElse("/");
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + LocalPath.orHome(link));
        }
        forget();
    }
}
