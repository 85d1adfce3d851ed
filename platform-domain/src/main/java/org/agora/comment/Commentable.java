package org.agora.comment;

import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A target as the capability owning it sees it for comments: it exists, the reader may see it, and it takes
 * comments now, or not with the reason (a message key of that capability, e.g. the vote has ended). It also says the
 * district it belongs to (none: the city) and the address of its page, for moderating its comments.
 */
public record Commentable(CommentTarget target, Optional<String> whyClosed, Optional<DistrictCode> district,
                          String path) {

    public Commentable {
        district = district == null ? Optional.empty() : district;
    }

    public Commentable(CommentTarget target, Optional<String> whyClosed) {
        this(target, whyClosed, Optional.empty(), "");
    }

    public static Commentable open(CommentTarget target) {
        return new Commentable(target, Optional.empty());
    }

    public static Commentable closed(CommentTarget target, String reason) {
        return new Commentable(target, Optional.of(reason));
    }

    /** The same, belonging to this district and shown on this page. */
    public Commentable at(Optional<DistrictCode> district, String path) {
        return new Commentable(target, whyClosed, district, path);
    }

    public boolean isOpen() {
        return whyClosed.isEmpty();
    }
}
