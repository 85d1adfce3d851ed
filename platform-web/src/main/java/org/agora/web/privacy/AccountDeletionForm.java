package org.agora.web.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.privacy.AccountErasure;
import org.agora.shared.InvalidInputException;
import org.agora.shared.MessageKey;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.Language;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * "Delete my account" on the profile page: the person types their username to confirm; their data is erased
 * ({@link AccountErasure}), then their Keycloak account removed and their session ended. If Keycloak cannot remove the
 * account, the data is erased all the same and the page says to try again (a second try finds nothing left to erase).
 */
@Named
@RequestScoped
public class AccountDeletionForm {

    static final String FORM = "delete-account";
    private static final Logger LOG = Logger.getLogger(AccountDeletionForm.class.getName());

    @Inject
    AccountErasure erasure;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private String confirmation;
    private Optional<MessageKey> whyNot;

    /** Why the person may not delete their account now, in their language; null when they may. */
    public String getWhyNot() {
        if (whyNot == null) {
            whyNot = erasure.whyNot(currentUser.actor(), Instant.now());
        }
        return whyNot.map(why -> Texts.format(language.getCurrent(), why.key(), why.arguments().toArray()))
                .orElse(null);
    }

    public String delete() {
        String username = currentUser.actor().username();
        return FacesActions.run(FORM, () -> {
            if (confirmation == null || !confirmation.strip().equalsIgnoreCase(username)) {
                throw new InvalidInputException("confirmation", "privacy.erase.confirmationWrong", username);
            }
            erasure.erase(currentUser.actor(), Instant.now());
            try {
                accounts.remove(username);
            } catch (KeycloakAccounts.AccountRemovalFailed e) {
                LOG.log(Level.WARNING, "The data of an account were erased but Keycloak did not remove it: {0}", e.getMessage());
                throw new org.agora.shared.UnavailableException("privacy.erase.accountNotRemoved");
            }
            signOutAndLeave();
            return null;
        });
    }

    /**
     * Ends the session and sends the person to the goodbye page at once: after the session is gone, Faces must not
     * save this view or navigate (both would need the session), so the response is completed here.
     */
    private static void signOutAndLeave() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        // the sign-in lives in the session (the container's logout() would commit a response of its own), and
        // Keycloak ended the account's single sign-on sessions with the account
        external.invalidateSession();
        try {
            external.redirect(external.getRequestContextPath() + "/goodbye.xhtml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
