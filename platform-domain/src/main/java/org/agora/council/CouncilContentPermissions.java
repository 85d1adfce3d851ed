package org.agora.council;

import java.util.Optional;
import org.agora.shared.Actor;

/**
 * Who may do what with a council's documents, news and ideas, beside {@link CouncilPermissions} (whose leaders and
 * members-only rule it reuses): the council's leaders (its animators, its district's agents, the office) publish
 * and remove documents and news and close ideas; members post ideas and support others' ideas, once each; what is
 * marked members-only is for members and leaders alone, everything else for anyone. The reasons are message keys.
 */
public final class CouncilContentPermissions {

    private CouncilContentPermissions() {
    }

    /** Publishes and removes the council's documents and news posts. */
    public static boolean canPublish(Actor actor, Council council) {
        return CouncilPermissions.canLead(actor, council);
    }

    /** Sees a document or a news post: anyone a public one, members and leaders a members-only one. */
    public static boolean canSee(Actor actor, Council council, boolean membersOnly, boolean member) {
        return !membersOnly || CouncilPermissions.canSeeMembersOnly(actor, council, member);
    }

    /** Why the person may not post an idea, if they may not: the council's members, and its animators, post. */
    public static Optional<String> whyNotPostIdea(Actor actor, Council council, boolean member) {
        if (!actor.isSignedIn()) {
            return Optional.of("council.idea.signIn");
        }
        if (actor.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        if (!member && !council.isAnimatedBy(actor.username())) {
            return Optional.of("council.idea.membersOnly");
        }
        return Optional.empty();
    }

    /** Why the person may not support (or stop supporting) the idea, if they may not: members, an open idea not theirs. */
    public static Optional<String> whyNotSupport(Actor actor, Idea idea, boolean member) {
        if (!actor.isSignedIn()) {
            return Optional.of("council.idea.signIn");
        }
        if (actor.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        if (!member) {
            return Optional.of("council.idea.supportMembersOnly");
        }
        if (idea.isBy(actor.username())) {
            return Optional.of("council.idea.ownIdea");
        }
        if (!idea.isOpen()) {
            return Optional.of("council.idea.closed");
        }
        return Optional.empty();
    }

    /**
     * Why the person may not comment on the council's news or ideas, if they may not: the council's members and
     * leaders discuss them; others read. Signing in is asked by the comments themselves.
     */
    public static Optional<String> whyNoComments(Actor actor, Council council, boolean member) {
        if (!actor.isSignedIn() || member || CouncilPermissions.canLead(actor, council)) {
            return Optional.empty();
        }
        return Optional.of("council.comments.membersOnly");
    }

    /** Closes an idea with the council's answer. */
    public static boolean canCloseIdea(Actor actor, Council council) {
        return CouncilPermissions.canLead(actor, council);
    }
}
