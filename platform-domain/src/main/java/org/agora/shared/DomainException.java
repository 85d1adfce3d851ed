package org.agora.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * A rule of the domain refused an operation. It carries a message key of the bundles (never a text),
 * its arguments, and optionally the input field at fault, so each edge can translate it: a Faces message
 * next to the field, or a problem JSON with the right status.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    protected DomainException(String messageKey, String field, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The input field the error belongs to, when it belongs to one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
