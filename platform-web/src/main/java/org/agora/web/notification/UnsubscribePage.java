package org.agora.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.agora.notification.NotificationService;
import org.agora.notification.NotificationTexts;
import org.agora.notification.UnsubscribeLinks;
import org.agora.shared.InvalidInputException;
import org.agora.shared.UnavailableException;
import org.agora.web.platform.Language;

/**
 * The one-click unsubscribe of a mail's link ({@code /notifications/unsubscribe.xhtml?token=}), without signing in:
 * opening the link stops that kind of mail to that person and says so; a forged, altered or truncated token is
 * refused with a page that says the link is not valid (400), and nothing changes.
 */
@Named
@RequestScoped
public class UnsubscribePage {

    private static final NotificationTexts TEXTS = new NotificationTexts();

    @Inject
    NotificationService notifications;

    @Inject
    Language language;

    private String token;
    private UnsubscribeLinks.Subject done;
    private String refusal;

    /** The view action: unsubscribes once per request. */
    public void unsubscribe() {
        try {
            done = notifications.unsubscribe(token);
        } catch (InvalidInputException e) {
            refusal = "notification.unsubscribe.invalid";
            status(HttpServletResponse.SC_BAD_REQUEST);
        } catch (UnavailableException e) {
            refusal = e.messageKey();
            status(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private static void status(int code) {
        ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse()).setStatus(code);
    }

    public boolean isDone() {
        return done != null;
    }

    public String getKindName() {
        return done == null ? "" : TEXTS.kindName(language.getCurrent(), done.kind());
    }

    public String getRefusal() {
        return refusal;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
