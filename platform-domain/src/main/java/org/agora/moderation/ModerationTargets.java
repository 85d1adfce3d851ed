package org.agora.moderation;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;

/**
 * The port through which the capability owning a kind of item answers moderation: whether it exists for a reader (a
 * person may report only what they may see), what it is (author, district, excerpt, page), and how its visibility
 * changes. Moderation knows no budget or council rule; each owner implements this once, as a CDI bean.
 */
public interface ModerationTargets {

    ItemKind kind();

    /** The item as this reader may see it; empty when it does not exist for them. Hidden items are still found. */
    Optional<ModeratedItem> find(Actor reader, long id);

    /** The item whoever may see it, for the staff who moderate it; empty when it does not exist. */
    Optional<ModeratedItem> item(long id);

    /** Shows or hides the item everywhere its owner reads it (in the caller's transaction). */
    void show(long id, Visibility visibility);

    /**
     * The same, as a moderator decided at {@code now}: an owner that tells people when its item first appears (a
     * reply held for review, approved) does it here.
     */
    default void show(long id, Visibility visibility, Instant now) {
        show(id, visibility);
    }

    /**
     * Why moderation may not hide this item (a message key), or empty when it may. A project on a ballot stays on it:
     * the ballot is the election's, so neither a moderator nor the reports' threshold take it off.
     */
    default Optional<String> whyNotHide(long id) {
        return Optional.empty();
    }

    /**
     * Rejects the item for good with a public reason, when its kind knows such a step (a budget proposal leaves the
     * review); refused otherwise.
     */
    default void reject(long id, String publicReason) {
        throw new ConflictException(null, "moderation.reject.notThisKind");
    }
}
