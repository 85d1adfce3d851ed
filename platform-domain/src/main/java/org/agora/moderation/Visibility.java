package org.agora.moderation;

import java.util.Optional;

/**
 * Whether an item is shown: visible, hidden automatically pending a moderator's review, or hidden by a moderator with a
 * public reason shown in its place. The owner of the item keeps it on the item's row and filters its reads on it.
 */
public record Visibility(State state, Optional<String> publicReason) {

    public enum State {
        VISIBLE,
        /** Hidden automatically after enough reports, until a moderator decides. */
        PENDING,
        /** Hidden by a moderator; the public reason is shown in its place. */
        HIDDEN
    }

    public static final Visibility SHOWN = new Visibility(State.VISIBLE, Optional.empty());
    public static final Visibility PENDING_REVIEW = new Visibility(State.PENDING, Optional.empty());

    public Visibility {
        publicReason = publicReason == null ? Optional.empty() : publicReason;
        if ((state == State.HIDDEN) != publicReason.isPresent()) {
            throw new IllegalArgumentException("a hidden item has a public reason, and only a hidden one");
        }
    }

    public static Visibility hidden(String publicReason) {
        return new Visibility(State.HIDDEN, Optional.of(publicReason));
    }

    /** From an item's two columns ({@code hidden_state}, {@code hidden_reason}). */
    public static Visibility of(String hiddenState, String hiddenReason) {
        if (hiddenState == null) {
            return SHOWN;
        }
        State state = State.valueOf(hiddenState);
        return state == State.HIDDEN ? hidden(hiddenReason) : PENDING_REVIEW;
    }

    public boolean isVisible() {
        return state == State.VISIBLE;
    }

    /** The value of the item's {@code hidden_state} column: null when visible. */
    public String column() {
        return state == State.VISIBLE ? null : state.name();
    }

    /** The value of the item's {@code hidden_reason} column. */
    public String reasonColumn() {
        return publicReason.orElse(null);
    }
}
