package org.agora.web.security;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * The one Content-Security-Policy of a Faces page: {@link SecurityHeaders}' policy, and scripts from the platform's
 * files or carrying the nonce of this response. The nonce is PrimeFaces' (its CSP mode, {@code primefaces.CSP} in
 * web.xml): PrimeFaces writes it on the page's {@code <script>} elements, moves the {@code on*} attributes of every
 * component into one script carrying it, and sends it back with the page's postbacks, which it refuses without. A
 * new page gets a new nonce; its postbacks and Ajax answers keep the page's.
 * <p>
 * PrimeFaces adds a header of its own holding the script source alone; this listener runs after PrimeFaces'
 * (the application's faces-config.xml comes after the libraries') and replaces both with one header, so that the
 * browser, the tests and an auditor read one policy.
 */
public class PagePolicy implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return; // PrimeFaces writes no nonce: a nonce in the policy would stop every script of the page
        }
        ExternalContext external = context.getExternalContext();
        Object policy = external.getRequestMap().get(SecurityHeaders.POLICY);
        String nonce = PrimeFacesContext.getCspState(context).getNonce();
        external.setResponseHeader("Content-Security-Policy", SecurityHeaders.pagePolicy(
                policy instanceof String set ? set : SecurityHeaders.CONTENT_SECURITY_POLICY, nonce));
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // the header is set before the page is written
    }
}
