package org.agora.web.newsletter;

import java.io.Serializable;
import java.util.Locale;
import org.agora.newsletter.Newsletter;
import org.agora.newsletter.NewsletterText;
import org.agora.web.platform.CityTime;

/**
 * A newsletter as a page shows it, in the reader's language (English when it has an English version): subject, safe
 * HTML body (sanitized when stored), status and dates as text.
 */
public record NewsletterRow(long id, String subject, String body, String status, String sentAt, String updatedAt,
                            String author) implements Serializable {

    static NewsletterRow of(Newsletter n, Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        NewsletterText text = n.getText();
        return new NewsletterRow(n.getId(), text.subject(english), text.body(english), n.getStatus().name(),
                n.getSentAt().map(at -> CityTime.dateTime(at, locale)).orElse(null),
                CityTime.dateTime(n.getUpdatedAt(), locale), n.getCreatedBy());
    }
}
