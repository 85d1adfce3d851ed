package org.agora.web.platform;

import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.omnifaces.util.Faces;

/** Ends the current page with an HTTP error, which the error pages of web.xml show in the user's language. */
public final class Pages {

    private Pages() {
    }

    public static void notFound() {
        Faces.responseSendError(404, null);
    }

    public static void forbidden() {
        Faces.responseSendError(403, null);
    }

    /** Ends the page as a refused read calls for: 404 when not found, 403 when not allowed; any other refusal is thrown. */
    public static void refused(DomainException refusal) {
        if (refusal instanceof NotFoundException) {
            notFound();
        } else if (refusal instanceof NotAllowedException) {
            forbidden();
        } else {
            throw refusal;
        }
    }
}
