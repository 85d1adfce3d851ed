package org.agora.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.agora.shared.DomainException;

/**
 * Shows the outcome of an action on a page: a refused rule becomes a translated message next to the field it
 * concerns (the input whose id is the field's name inside the given form, when the page shows it), or at the top
 * of the page. Actions show their refusals through {@link FacesActions}; the few refusals that are no action's
 * (a check before it, a page that cannot show what it loaded) come here directly.
 */
public final class FacesFeedback {

    private FacesFeedback() {
    }

    public static void refused(String formId, DomainException error) {
        refused(formId, error, Map.of());
    }

    /**
     * The same when some inputs are not named like the domain's fields: {@code inputs} gives the input id for
     * such a field (the domain's {@code end} of a period is the form's {@code closesAt}).
     */
    public static void refused(String formId, DomainException error, Map<String, String> inputs) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.format(faces.getViewRoot().getLocale(), error.messageKey(), error.arguments());
        String clientId = error.field()
                .map(field -> formId + ":" + inputs.getOrDefault(field, field))
                .filter(id -> shown(faces.getViewRoot().findComponent(":" + id)))
                .orElse(null);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** Whether the input is on the page: a message for an input that is not rendered would never be seen. */
    private static boolean shown(UIComponent input) {
        for (UIComponent c = input; c != null; c = c.getParent()) {
            if (!c.isRendered()) {
                return false;
            }
        }
        return input != null;
    }

    /** A success message that survives the redirect after the action. */
    public static void done(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.format(faces.getViewRoot().getLocale(), key, arguments);
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** A success message on the page that the same request shows again (no redirect, or an Ajax update). */
    public static void doneInPlace(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.format(faces.getViewRoot().getLocale(), key, arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }
}
