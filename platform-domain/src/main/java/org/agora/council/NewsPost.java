package org.agora.council;

import org.agora.moderation.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.agora.shared.InvalidInputException;
import org.agora.shared.RichText;

/**
 * A news post of a council, written by its animators or its district's staff: a title and a rich text reduced to
 * a few safe tags ({@link RichText}), public or for members only, dated when it is published.
 */
@Entity
@Table(name = "council_news")
public class NewsPost {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;

    @Id
    @SequenceGenerator(name = "council_news_ids", sequenceName = "council_news_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_news_ids")
    private Long id;

    @Column(name = "council_id", nullable = false)
    private Long councilId;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "members_only", nullable = false)
    private boolean membersOnly;

    @Column(name = "published_by", nullable = false, length = 100)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    protected NewsPost() {
        // for JPA
    }

    /** A post as the form gave it; refused, with the field at fault, without a title or a text. */
    NewsPost(Council council, String title, String html, boolean membersOnly, String publishedBy, Instant now) {
        String checkedTitle = CouncilTexts.title("title", title, MAX_TITLE);
        String checkedBody = RichText.sanitize(html);
        if (RichText.plainText(checkedBody).isBlank()) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (checkedBody.length() > MAX_BODY) {
            throw new InvalidInputException("body", "validation.tooLong", MAX_BODY);
        }
        this.councilId = council.getId();
        this.title = checkedTitle;
        this.body = checkedBody;
        this.membersOnly = membersOnly;
        this.publishedBy = publishedBy;
        this.publishedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public String getTitle() {
        return title;
    }

    /** Sanitized HTML, safe to show as is. */
    public String getBody() {
        return body;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt.toInstant();
    }

    /** Whether moderation shows it: visible, hidden pending review, or hidden with a public reason. */
    public Visibility getVisibility() {
        return Visibility.of(hiddenState, hiddenReason);
    }

    public boolean isHidden() {
        return hiddenState != null;
    }

    /** Shown or hidden by moderation (through its owner's {@code ModerationTargets}). */
    void show(Visibility visibility) {
        hiddenState = visibility.column();
        hiddenReason = visibility.reasonColumn();
    }
}
