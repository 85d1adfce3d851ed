package org.agora.web.moderation;

import java.util.Locale;
import org.agora.moderation.Visibility;
import org.agora.web.platform.Texts;

/**
 * What a page shows in place of content moderation hides: "hidden pending review", or the moderators' public reason.
 * Plain text: pages print it escaped.
 */
public final class HiddenNotice {

    private HiddenNotice() {
    }

    /** The text shown in place of the content, or null for visible content. */
    public static String of(Visibility visibility, Locale locale) {
        return switch (visibility.state()) {
            case VISIBLE -> null;
            case PENDING -> Texts.format(locale, "moderation.hidden.pending");
            case HIDDEN -> Texts.format(locale, "moderation.hidden.reason", visibility.publicReason().orElse(""));
        };
    }
}
