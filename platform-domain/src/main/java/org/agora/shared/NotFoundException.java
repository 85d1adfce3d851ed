package org.agora.shared;

/** The thing asked for does not exist. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, null, arguments);
    }
}
