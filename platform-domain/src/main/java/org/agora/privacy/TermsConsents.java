package org.agora.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;

/**
 * Who accepted which version of the terms and privacy notice ({@code terms_consents}). A version is accepted once per
 * person: the table's key holds it, so a double click or two tabs store one consent.
 */
@ApplicationScoped
public class TermsConsents {

    private EntityManager em;

    protected TermsConsents() {
        // for CDI
    }

    @Inject
    public TermsConsents(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasAccepted(Actor actor, String version) {
        if (!actor.isSignedIn()) {
            return false;
        }
        return ((Number) em.createNativeQuery("select count(*) from terms_consents where username = ?1 and version = ?2")
                .setParameter(1, actor.username()).setParameter(2, version).getSingleResult()).longValue() > 0;
    }

    /** Records the person's consent to this version; accepting again changes nothing. */
    @Transactional
    public void accept(Actor actor, String version, Instant now) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("privacy.signIn");
        }
        em.createNativeQuery("insert into terms_consents (username, version, accepted_at) select ?1, ?2, ?3"
                        + " where not exists (select 1 from terms_consents where username = ?1 and version = ?2)")
                .setParameter(1, actor.username()).setParameter(2, version)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }
}
