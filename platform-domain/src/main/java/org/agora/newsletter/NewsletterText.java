package org.agora.newsletter;

import java.util.Optional;
import org.agora.shared.InvalidInputException;
import org.agora.shared.RichText;

/**
 * What a newsletter says: a subject and a body in French (required), and optionally both in English for the residents
 * whose mails are in English. Bodies are rich text reduced to a few safe tags by {@link RichText} (the comments' policy):
 * a script, an event handler or an image never reaches a page or a mail.
 */
public record NewsletterText(String subjectFr, String bodyFr, Optional<String> subjectEn, Optional<String> bodyEn) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 40_000;

    /** Checks and cleans what was written: trimmed subjects, sanitized bodies; refuses what is missing or too long. */
    public static NewsletterText of(String subjectFr, String bodyFr, String subjectEn, String bodyEn) {
        String subject = required(subjectFr, "subjectFr", "newsletter.subject.required");
        String body = body(bodyFr, "bodyFr").orElseThrow(() -> new InvalidInputException("bodyFr", "newsletter.body.required"));
        Optional<String> englishSubject = Optional.ofNullable(subjectEn).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> englishBody = body(bodyEn, "bodyEn");
        if (englishSubject.isPresent() != englishBody.isPresent()) {
            throw new InvalidInputException(englishSubject.isPresent() ? "bodyEn" : "subjectEn", "newsletter.english.incomplete");
        }
        englishSubject.ifPresent(s -> checkSubject(s, "subjectEn"));
        return new NewsletterText(subject, body, englishSubject, englishBody);
    }

    /** The subject in this language: English when asked and written, French otherwise. */
    public String subject(boolean english) {
        return english ? subjectEn.orElse(subjectFr) : subjectFr;
    }

    /** The body in this language, as safe HTML: English when asked and written, French otherwise. */
    public String body(boolean english) {
        return english ? bodyEn.orElse(bodyFr) : bodyFr;
    }

    private static String required(String value, String field, String key) {
        String subject = value == null ? "" : value.strip();
        if (subject.isEmpty()) {
            throw new InvalidInputException(field, key);
        }
        checkSubject(subject, field);
        return subject;
    }

    private static void checkSubject(String subject, String field) {
        if (subject.length() > MAX_SUBJECT) {
            throw new InvalidInputException(field, "newsletter.subject.tooLong", MAX_SUBJECT);
        }
    }

    private static Optional<String> body(String html, String field) {
        String safe = RichText.sanitize(html);
        if (safe.length() > MAX_BODY) {
            throw new InvalidInputException(field, "newsletter.body.tooLong");
        }
        return safe.isEmpty() ? Optional.empty() : Optional.of(safe);
    }
}
