package org.agora.moderation;

import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * An item as its owner describes it to moderation: its author, the district whose agents moderate it (none: the city,
 * moderators only), a short plain-text excerpt, the address of the page that shows it in context (relative to the
 * application, such as {@code budget/project.xhtml?id=12}), whether it is shown now, and the space it was contributed
 * to, if its owner counts one (such as {@code BUDGET_CALL:7}: where pre-moderation applies and rejections are counted).
 */
public record ModeratedItem(ItemRef ref, String author, Optional<DistrictCode> district, String excerpt, String path,
                            Visibility visibility, Optional<String> space) {

    public static final int MAX_EXCERPT = 300;

    public ModeratedItem {
        district = district == null ? Optional.empty() : district;
        excerpt = excerpt(excerpt);
        space = space == null ? Optional.empty() : space;
    }

    /** An item of no space that pre-moderates or counts its rejections. */
    public ModeratedItem(ItemRef ref, String author, Optional<DistrictCode> district, String excerpt, String path,
                         Visibility visibility) {
        this(ref, author, district, excerpt, path, visibility, Optional.empty());
    }

    /** Plain text cut to {@value #MAX_EXCERPT} characters. */
    public static String excerpt(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_EXCERPT ? flat : flat.substring(0, MAX_EXCERPT - 1) + "…";
    }
}
