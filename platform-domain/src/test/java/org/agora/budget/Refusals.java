package org.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that an action is refused with an {@link InvalidInputException} of a given key and arguments. */
public final class Refusals {

    private Refusals() {
    }

    public static void refused(ThrowingCallable action, String key, Object... arguments) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            if (arguments.length > 0) {
                assertThat(e.arguments()).containsExactly(arguments);
            }
        });
    }
}
