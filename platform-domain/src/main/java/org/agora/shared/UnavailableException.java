package org.agora.shared;

/**
 * The platform cannot do this now because of how it is set up (a missing or wrong secret in its configuration), not
 * because of the input or the person: nothing was changed, and only the operators can fix it.
 */
public final class UnavailableException extends DomainException {

    public UnavailableException(String messageKey, Object... arguments) {
        super(messageKey, null, arguments);
    }
}
