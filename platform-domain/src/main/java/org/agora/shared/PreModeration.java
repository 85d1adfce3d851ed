package org.agora.shared;

/** The pre-moderation switch of a call, a consultation or a council, asked of the person allowed to flip it. */
public final class PreModeration {

    private PreModeration() {
    }

    /**
     * The switch must be given, on or off: a request without it is refused (400) rather than taken for "off". Asked
     * after the caller's permission, so that others learn nothing of what the request lacks.
     */
    public static boolean require(Boolean on) {
        if (on == null) {
            throw new InvalidInputException("preModerated", "validation.required");
        }
        return on;
    }
}
