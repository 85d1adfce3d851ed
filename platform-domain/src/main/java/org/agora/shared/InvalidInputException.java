package org.agora.shared;

/** The input breaks a rule (empty, too long, malformed, out of range); nothing was changed. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
