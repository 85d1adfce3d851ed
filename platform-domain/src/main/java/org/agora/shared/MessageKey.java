package org.agora.shared;

import java.util.List;
import java.util.Objects;

/**
 * A text still to be translated, given as the argument of another message: a refusal that names its reason
 * ("line 4: wrong number of columns") carries the reason as a key, and each edge translates both in its own
 * language.
 */
public record MessageKey(String key, List<Object> arguments) {

    public MessageKey {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static MessageKey of(String key, Object... arguments) {
        return new MessageKey(key, List.of(arguments));
    }
}
