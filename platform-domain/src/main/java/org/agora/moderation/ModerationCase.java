package org.agora.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;

/**
 * The moderation of one reported item: its open reports, whether it is hidden until a moderator decides, and the
 * decision (keep, hide with a public reason, restore, reject). What the queue shows of the item (author, district,
 * excerpt) is copied from its owner when the first report arrives, so the queue reads one table.
 */
@Entity
@Table(name = "moderation_cases")
public class ModerationCase {

    public static final int MAX_REASON = 500;

    @Id
    @SequenceGenerator(name = "moderation_case_ids", sequenceName = "moderation_case_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_case_ids")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind", nullable = false, length = 20)
    private ItemKind itemKind;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Column(name = "space_kind", length = 20)
    private String spaceKind;

    @Column(name = "space_id")
    private Long spaceId;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(nullable = false, length = ModeratedItem.MAX_EXCERPT)
    private String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseState state;

    @Column(name = "public_reason", length = MAX_REASON)
    private String publicReason;

    @Column(name = "open_reports", nullable = false)
    private int openReports;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private int version;

    protected ModerationCase() {
        // for JPA
    }

    ModerationCase(ModeratedItem item, Instant now) {
        this.itemKind = item.ref().kind();
        this.itemId = item.ref().id();
        this.districtCode = item.district().map(DistrictCode::value).orElse(null);
        item.space().ifPresent(space -> {
            int colon = space.lastIndexOf(':');
            this.spaceKind = space.substring(0, colon);
            this.spaceId = Long.parseLong(space.substring(colon + 1));
        });
        this.author = item.author();
        this.excerpt = item.excerpt();
        this.state = CaseState.OPEN;
        this.openedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new contribution to a pre-moderated space: hidden, waiting for a moderator's approval (keep) or refusal. */
    static ModerationCase held(ModeratedItem item, Instant now) {
        ModerationCase held = new ModerationCase(item, now);
        held.state = CaseState.PENDING;
        return held;
    }

    /** One more open report; true when the rule hides the item now. */
    boolean reported(AutoHide rule, boolean hidable, Instant now) {
        if (state == CaseState.KEPT || state == CaseState.RESTORED) {
            state = CaseState.OPEN;
            openedAt = now.atOffset(ZoneOffset.UTC);
        }
        openReports++;
        if (hidable && rule.hides(state, openReports)) {
            state = CaseState.PENDING;
            return true;
        }
        return false;
    }

    /** The item stays (or comes back): its open reports are dismissed. */
    void keep(String moderator, Instant now) {
        requireAwaiting();
        decided(CaseState.KEPT, null, moderator, now);
    }

    /** Hidden with a public reason shown in its place. */
    void hide(String publicReason, String moderator, Instant now) {
        if (state == CaseState.HIDDEN || state == CaseState.REJECTED) {
            throw new ConflictException(null, "moderation.case.alreadyDecided");
        }
        decided(CaseState.HIDDEN, reason(publicReason), moderator, now);
    }

    /** Shown again after it was hidden (by the rule or a moderator). */
    void restore(String moderator, Instant now) {
        if (state != CaseState.HIDDEN && state != CaseState.PENDING) {
            throw new ConflictException(null, "moderation.case.notHidden");
        }
        decided(CaseState.RESTORED, null, moderator, now);
    }

    /** Rejected for good with a public reason (a budget proposal leaves the review). */
    void reject(String publicReason, String moderator, Instant now) {
        if (state == CaseState.REJECTED) {
            throw new ConflictException(null, "moderation.case.alreadyDecided");
        }
        decided(CaseState.REJECTED, reason(publicReason), moderator, now);
    }

    private void requireAwaiting() {
        if (!state.isAwaiting()) {
            throw new ConflictException(null, "moderation.case.alreadyDecided");
        }
    }

    private void decided(CaseState next, String reason, String moderator, Instant now) {
        state = next;
        publicReason = reason;
        openReports = 0;
        decidedBy = moderator;
        decidedAt = now.atOffset(ZoneOffset.UTC);
    }

    static String reason(String publicReason) {
        String text = publicReason == null ? "" : publicReason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "moderation.reason.required");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "moderation.reason.tooLong", MAX_REASON, text.length());
        }
        return text;
    }

    /** What the item's owner shows for this state. */
    public Visibility visibility() {
        return switch (state) {
            case PENDING -> Visibility.PENDING_REVIEW;
            case HIDDEN, REJECTED -> Visibility.hidden(publicReason);
            case OPEN, KEPT, RESTORED -> Visibility.SHOWN;
        };
    }

    public Long getId() {
        return id;
    }

    public ItemRef getItem() {
        return new ItemRef(itemKind, itemId);
    }

    public Optional<DistrictCode> getDistrict() {
        return Optional.ofNullable(districtCode).map(DistrictCode::new);
    }

    /** The space the item was contributed to, if its owner counts one. */
    public Optional<String> getSpace() {
        return spaceKind == null ? Optional.empty() : Optional.of(spaceKind + ":" + spaceId);
    }

    public String getAuthor() {
        return author;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public CaseState getState() {
        return state;
    }

    public Optional<String> getPublicReason() {
        return Optional.ofNullable(publicReason);
    }

    public int getOpenReports() {
        return openReports;
    }

    public Instant getOpenedAt() {
        return openedAt.toInstant();
    }

    public Optional<String> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt).map(OffsetDateTime::toInstant);
    }
}
