package org.agora.newsletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.agora.notification.Letters;
import org.agora.notification.MailLanguage;
import org.agora.shared.RichText;

/**
 * The newsletters as the mail worker reads them when it sends a copy: in English for a person whose mails are in
 * English, when the newsletter has an English version, in French otherwise.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NewsletterLetters implements Letters {

    private EntityManager em;

    protected NewsletterLetters() {
        // for CDI
    }

    @Inject
    public NewsletterLetters(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Letter> letter(long newsletterId, MailLanguage language) {
        return Optional.ofNullable(em.find(Newsletter.class, newsletterId)).map(n -> {
            boolean english = language == MailLanguage.EN;
            NewsletterText text = n.getText();
            return new Letter(text.subject(english), text.body(english), RichText.plainText(text.body(english)));
        });
    }
}
