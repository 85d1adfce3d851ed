package org.agora.comment;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a comment is on: a kind of content and its id in the capability that owns it. Serializable, as pages keep it
 * in their view state.
 */
public record CommentTarget(Kind kind, long id) implements Serializable {

    /** The kinds of content residents discuss; each is answered for by the capability that owns it. */
    public enum Kind {
        BUDGET_PROJECT,
        CONSULTATION,
        COUNCIL_POST,
        COUNCIL_IDEA
    }

    public CommentTarget {
        Objects.requireNonNull(kind, "kind");
    }

    public static CommentTarget budgetProject(long id) {
        return new CommentTarget(Kind.BUDGET_PROJECT, id);
    }

    public static CommentTarget consultation(long id) {
        return new CommentTarget(Kind.CONSULTATION, id);
    }

    public static CommentTarget councilPost(long id) {
        return new CommentTarget(Kind.COUNCIL_POST, id);
    }

    public static CommentTarget councilIdea(long id) {
        return new CommentTarget(Kind.COUNCIL_IDEA, id);
    }
}
