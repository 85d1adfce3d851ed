package org.agora.shared;

/** The input clashes with what is already stored (a duplicate name, a stale edit); nothing was changed. */
public final class ConflictException extends DomainException {

    public ConflictException(String field, String messageKey, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
