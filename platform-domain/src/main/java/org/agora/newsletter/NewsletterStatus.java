package org.agora.newsletter;

/** A newsletter is written as a draft (seen by staff only), then sent once: public in the archive, never changed again. */
public enum NewsletterStatus {
    DRAFT,
    SENT
}
