package org.agora.council;

import org.agora.moderation.Visibility;
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

/**
 * An idea a member puts on the council's board: a title and a plain text, signed with the name the member is
 * known by in the council. Other members support it (once each; the supports are rows of their own); an
 * animator closes it with a public answer, after which it takes no more supports.
 */
@Entity
@Table(name = "council_ideas")
public class Idea {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_ANSWER = 5_000;

    @Id
    @SequenceGenerator(name = "council_idea_ids", sequenceName = "council_idea_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_idea_ids")
    private Long id;

    @Column(name = "council_id", nullable = false)
    private Long councilId;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "author_name", nullable = false, length = Membership.MAX_DISPLAY_NAME)
    private String authorName;

    @Column(name = "posted_at", nullable = false)
    private OffsetDateTime postedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private IdeaStatus status;

    @Column(length = MAX_ANSWER)
    private String answer;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Version
    private int version;

    protected Idea() {
        // for JPA
    }

    Idea(Council council, String title, String text, String author, String authorName, Instant now) {
        this.title = CouncilTexts.title("title", title, MAX_TITLE);
        this.text = CouncilTexts.text("text", text, MAX_TEXT);
        this.councilId = council.getId();
        this.author = author;
        this.authorName = authorName;
        this.postedAt = now.atOffset(ZoneOffset.UTC);
        this.status = IdeaStatus.OPEN;
    }

    /** Closes the idea with the council's answer; refused without an answer, or when it is already closed. */
    void close(String answerText, String animator, Instant now) {
        if (status == IdeaStatus.CLOSED) {
            throw new ConflictException(null, "council.idea.alreadyClosed");
        }
        String checked = CouncilTexts.text("answer", answerText, MAX_ANSWER);
        answer = checked;
        closedBy = animator;
        closedAt = now.atOffset(ZoneOffset.UTC);
        status = IdeaStatus.CLOSED;
    }

    public boolean isOpen() {
        return status == IdeaStatus.OPEN;
    }

    public boolean isBy(String username) {
        return author.equals(username);
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

    /** Plain text, line breaks as \n. */
    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    /** The author as the other members know them (never an e-mail address). */
    public String getAuthorName() {
        return authorName;
    }

    public Instant getPostedAt() {
        return postedAt.toInstant();
    }

    public IdeaStatus getStatus() {
        return status;
    }

    public Optional<String> getAnswer() {
        return Optional.ofNullable(answer);
    }

    public Optional<Instant> getClosedAt() {
        return Optional.ofNullable(closedAt).map(OffsetDateTime::toInstant);
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
