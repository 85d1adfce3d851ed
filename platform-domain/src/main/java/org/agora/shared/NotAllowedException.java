package org.agora.shared;

/** The actor's roles or districts do not allow the operation. */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String messageKey, Object... arguments) {
        super(messageKey, null, arguments);
    }
}
