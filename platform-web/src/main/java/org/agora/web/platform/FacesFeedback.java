package org.agora.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.agora.shared.DomainException;

/**
 * Shows the outcome of an action on a page: a refused rule becomes a translated message next to the field it
 * concerns (the input whose id is the field's name inside the given form), or at the top of the page.
 */
public final class FacesFeedback {

    private FacesFeedback() {
    }

    public static void refused(String formId, DomainException error) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.format(faces.getViewRoot().getLocale(), error.messageKey(), error.arguments());
        String clientId = error.field()
                .map(field -> formId + ":" + field)
                .filter(id -> faces.getViewRoot().findComponent(":" + id) instanceof UIComponent)
                .orElse(null);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** A success message that survives the redirect after the action. */
    public static void done(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Texts.format(faces.getViewRoot().getLocale(), key, arguments);
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }
}
