package org.agora.web.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import org.agora.privacy.TermsConsents;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.LocalPath;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The terms page ({@code /terms.xhtml?back=}): the terms and a summary of the privacy notice, and for a signed-in
 * person who has not accepted this version yet, a box to tick and a button; accepting records the consent with the
 * version and goes back to the page they asked for (a local path only).
 */
@Named
@RequestScoped
public class TermsPage {

    @Inject
    TermsConsents consents;

    @Inject
    CurrentUser currentUser;

    @Inject
    @ConfigProperty(name = "agora.terms.version", defaultValue = "2026-12")
    String version;

    private String back;
    private boolean agreed;

    public String getVersion() {
        return version;
    }

    /** Whether this person has a consent to give: signed in and not accepted this version yet. */
    public boolean isToAccept() {
        return currentUser.actor().isSignedIn() && !consents.hasAccepted(currentUser.actor(), version);
    }

    public String accept() {
        return FacesActions.run("terms-form", () -> {
            if (!agreed) {
                throw new InvalidInputException("agreed", "privacy.terms.tickTheBox");
            }
            consents.accept(currentUser.actor(), version, Instant.now());
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            ((HttpServletRequest) external.getRequest()).getSession().setAttribute(TermsGate.ACCEPTED, version);
            try {
                external.redirect(external.getRequestContextPath() + LocalPath.orHome(back));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            FacesContext.getCurrentInstance().responseComplete();
            return null;
        });
    }

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = back;
    }

    public boolean isAgreed() {
        return agreed;
    }

    public void setAgreed(boolean agreed) {
        this.agreed = agreed;
    }
}
