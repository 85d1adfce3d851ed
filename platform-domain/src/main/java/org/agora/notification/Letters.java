package org.agora.notification;

import java.util.Optional;

/**
 * Where the worker finds the words of a newsletter's mail when it sends it (the newsletter is not copied into the
 * outbox): a port the newsletters implement, so that this package depends on none of the capabilities.
 */
@FunctionalInterface
public interface Letters {

    /** No newsletters: a newsletter's mail then fails its attempt (and is tried again). */
    Letters NONE = (id, language) -> Optional.empty();

    /** A newsletter in one language: its subject, its safe HTML body and the same as plain text. */
    record Letter(String subject, String html, String text) {
    }

    /** The newsletter in this language (French when it has no English version); empty when there is none. */
    Optional<Letter> letter(long newsletterId, MailLanguage language);
}
