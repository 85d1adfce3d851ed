package org.agora.consultation;

/** A response is saved as a draft to come back to, then submitted once. */
public enum ResponseStatus {
    DRAFT,
    SUBMITTED
}
