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
import org.agora.shared.Page;
import org.agora.shared.PageRequest;
import org.agora.notification.NotificationTexts;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.LocalPath;
import org.agora.web.security.CurrentUser;

/**
 * The notification centre ({@code /notifications/index.xhtml}): the person's notifications, newest first, a page at a
 * time ({@code ?page=}); opening one marks it read and goes to its page; one or all marked read in place.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    static final String FORM = "notifications";
    static final int PAGE_SIZE = 30;
    private static final NotificationTexts TEXTS = new NotificationTexts();

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    NotificationBadge badge;

    private Integer page;
    private transient Page<NotificationRow> rows;

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    /** This page of the person's notifications, with the pager's figures. */
    public Page<NotificationRow> getResults() {
        if (rows == null) {
            rows = notifications.page(currentUser.actor(), PageRequest.of(page, PAGE_SIZE))
                    .map(n -> NotificationRow.of(n, TEXTS, language.getCurrent()));
        }
        return rows;
    }

    public List<NotificationRow> getRows() {
        return getResults().items();
    }

    /** How many of the person's notifications are unread, on every page (the menu's count). */
    public long getUnread() {
        return badge.getUnread();
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
