package org.agora.web.moderation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agora.moderation.BlockService;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.security.CurrentUser;

/** Moderators block a resident with a reason, and unblock one with another ({@code /moderation/blocks.xhtml}). */
@Named
@ViewScoped
public class BlocksPage implements Serializable {

    /** One blocked resident; plain texts, escaped by the page. */
    public static final class Blocked implements Serializable {
        private final String username;
        private final String reason;
        private final String by;
        private final String since;

        Blocked(String username, String reason, String by, String since) {
            this.username = username;
            this.reason = reason;
            this.by = by;
            this.since = since;
        }

        public String getUsername() {
            return username;
        }

        public String getReason() {
            return reason;
        }

        public String getBy() {
            return by;
        }

        public String getSince() {
            return since;
        }
    }

    @Inject
    BlockService blocks;

    @Inject
    CurrentUser currentUser;

    private String username;
    private String reason;
    private String unblocking;
    private String unblockReason;
    private transient List<Blocked> blocked;

    public void block() {
        if (FacesActions.runInPlace("block", () -> blocks.block(currentUser.actor(), username, reason, Instant.now()))) {
            FacesFeedback.done("moderation.block.done", username);
            username = null;
            reason = null;
            blocked = null;
        }
    }

    public void startUnblock(String who) {
        unblocking = who;
        unblockReason = null;
    }

    public void unblock() {
        if (FacesActions.runInPlace("unblock", java.util.Map.of("reason", "unblock-reason"),
                () -> blocks.unblock(currentUser.actor(), unblocking, unblockReason, Instant.now()))) {
            FacesFeedback.done("moderation.unblock.done", unblocking);
            unblocking = null;
            unblockReason = null;
            blocked = null;
        }
    }

    public List<Blocked> getBlocked() {
        if (blocked == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            blocked = blocks.blocked(currentUser.actor()).stream().map(b -> new Blocked(b.getUsername(), b.getReason(),
                    b.getBlockedBy(), CityTime.dateTime(b.getBlockedAt(), locale))).toList();
        }
        return blocked;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getUnblocking() {
        return unblocking;
    }

    public String getUnblockReason() {
        return unblockReason;
    }

    public void setUnblockReason(String unblockReason) {
        this.unblockReason = unblockReason;
    }
}
