package org.agora.comment;

import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A target as the capability owning it sees it for comments: it exists, the reader may see it, and it takes
 * comments now, or not with the reason (a message key of that capability, e.g. the vote has ended). It also says the
 * district it belongs to (none: the city) and the address of its page, for moderating its comments, and the space its
 * comments are contributed to, if any, and whether that space is pre-moderated.
 */
public record Commentable(CommentTarget target, Optional<String> whyClosed, Optional<DistrictCode> district,
                          String path, Optional<String> space, boolean preModerated) {

    public Commentable {
        district = district == null ? Optional.empty() : district;
        space = space == null ? Optional.empty() : space;
    }

    public Commentable(CommentTarget target, Optional<String> whyClosed) {
        this(target, whyClosed, Optional.empty(), "", Optional.empty(), false);
    }

    public static Commentable open(CommentTarget target) {
        return new Commentable(target, Optional.empty());
    }

    public static Commentable closed(CommentTarget target, String reason) {
        return new Commentable(target, Optional.of(reason));
    }

    /** The same, belonging to this district and shown on this page. */
    public Commentable at(Optional<DistrictCode> district, String path) {
        return new Commentable(target, whyClosed, district, path, space, preModerated);
    }

    /**
     * The same, contributed to this moderation space (such as a budget call), whose new comments wait for a
     * moderator's approval when it is pre-moderated.
     */
    public Commentable in(String space, boolean preModerated) {
        return new Commentable(target, whyClosed, district, path, Optional.of(space), preModerated);
    }

    public boolean isOpen() {
        return whyClosed.isEmpty();
    }
}
