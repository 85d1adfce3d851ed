package org.agora.comment;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.Actor;

/**
 * The port through which the capability owning a kind of target (the budget for its projects, consultations for
 * theirs) answers for it: whether it exists for this reader and whether it takes comments now. The comments
 * capability knows no budget or consultation rule; each owner implements this once, as a CDI bean.
 */
public interface CommentTargets {

    CommentTarget.Kind kind();

    /** The target with id {@code id} for this reader at this time; empty when it does not exist or they may not see it. */
    Optional<Commentable> find(Actor reader, long id, Instant now);
}
