package org.agora.web.platform;

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
}
