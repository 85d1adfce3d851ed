package org.agora.web.notification;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.agora.notification.Mail;
import org.agora.notification.MailQueue;
import org.agora.notification.MailStatus;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.security.CurrentUser;

/**
 * The office's view of the outbox ({@code /notifications/manage/mails.xhtml}): the mails not sent yet and those given
 * up, with their attempts and last error, and a button to send a given-up mail again.
 */
@Named
@ViewScoped
public class MailsPage implements Serializable {

    static final String FORM = "mails";
    static final int SHOWN = 200;

    /** One mail of the table. */
    public record Row(long id, String recipient, String kind, String status, int attempts, String created,
                      String lastAttempt, String nextAttempt, String lastError, boolean failed) implements Serializable {
    }

    @Inject
    MailQueue queue;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private transient List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = queue.unsent(currentUser.actor(), SHOWN).stream().map(this::row).toList();
        }
        return rows;
    }

    public long getPending() {
        return queue.count(currentUser.actor(), MailStatus.PENDING);
    }

    public long getFailed() {
        return queue.count(currentUser.actor(), MailStatus.FAILED);
    }

    public void retry(long id) {
        if (FacesActions.runInPlace(FORM, () -> queue.retry(currentUser.actor(), id, Instant.now()))) {
            FacesFeedback.doneInPlace("notification.mails.retried");
        }
        rows = null;
    }

    private Row row(Mail m) {
        var locale = language.getCurrent();
        return new Row(m.getId(), m.getRecipient(), m.getKind().name(), m.getStatus().name(), m.getAttempts(),
                CityTime.dateTime(m.getCreatedAt(), locale),
                m.getLastAttemptAt().map(t -> CityTime.dateTime(t, locale)).orElse(""),
                m.getStatus() == MailStatus.PENDING ? CityTime.dateTime(m.getNextAttemptAt(), locale) : "",
                m.getLastError().orElse(""), m.getStatus() == MailStatus.FAILED);
    }
}
