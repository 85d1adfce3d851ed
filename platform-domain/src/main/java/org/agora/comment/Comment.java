package org.agora.comment;

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
import org.agora.shared.InvalidInputException;

/**
 * A comment on a target, or a reply to another comment on the same target, at most {@value #MAX_DEPTH} replies deep
 * (three levels). Its author may edit it (it is then marked as edited) and delete it: the text is then gone, but the
 * comment keeps its place so its replies keep their context. Who may do what is {@link CommentPermissions}'s
 * to say; the comment keeps its own state consistent.
 */
@Entity
@Table(name = "comments")
public class Comment {

    /** The depth of the deepest reply: a comment is at depth 0, a reply to a reply at 2. */
    public static final int MAX_DEPTH = 2;
    public static final int MAX_NAME = 200;

    @Id
    @SequenceGenerator(name = "comment_ids", sequenceName = "comment_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_ids")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, length = 20)
    private CommentTarget.Kind targetKind;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private int depth;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "author_name", nullable = false, length = MAX_NAME)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_badge", length = 20)
    private StaffBadge authorBadge;

    @Column(nullable = false, length = CommentBody.MAX_HTML)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CommentStatus status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Version
    private int version;

    protected Comment() {
        // for JPA
    }

    private Comment(CommentTarget target, Comment parent, CommentAuthor author, CommentBody body, Instant now) {
        this.targetKind = target.kind();
        this.targetId = target.id();
        this.parentId = parent == null ? null : parent.getId();
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.author = author.username();
        this.authorName = author.displayName();
        this.authorBadge = author.badge().orElse(null);
        this.body = body.html();
        this.status = CommentStatus.PUBLISHED;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new comment at the top of the target's thread. */
    static Comment on(CommentTarget target, CommentAuthor author, CommentBody body, Instant now) {
        return new Comment(target, null, author, body, now);
    }

    /** A reply to this comment: on the same target, not deeper than three levels, not to a deleted comment. */
    Comment reply(CommentAuthor author, CommentBody body, Instant now) {
        if (depth >= MAX_DEPTH) {
            throw new InvalidInputException("parent", "comment.reply.tooDeep", MAX_DEPTH + 1);
        }
        if (status != CommentStatus.PUBLISHED) {
            throw new InvalidInputException("parent", "comment.reply.notPublished");
        }
        return new Comment(getTarget(), this, author, body, now);
    }

    /** Replaces the text; marked as edited. Only a published comment changes. */
    void edit(CommentBody newBody, Instant now) {
        requirePublished();
        if (!newBody.html().equals(body)) {
            body = newBody.html();
            editedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** Deleted by its author: the text is removed for good, the comment stays as a placeholder for its replies. */
    void delete(Instant now) {
        requirePublished();
        status = CommentStatus.DELETED;
        body = "";
        deletedAt = now.atOffset(ZoneOffset.UTC);
    }

    private void requirePublished() {
        if (status != CommentStatus.PUBLISHED) {
            throw new ConflictException(null, "comment.notPublished");
        }
    }

    public Long getId() {
        return id;
    }

    public CommentTarget getTarget() {
        return new CommentTarget(targetKind, targetId);
    }

    public Optional<Long> getParentId() {
        return Optional.ofNullable(parentId);
    }

    /** 0 for a comment, 1 for a reply, 2 for a reply to a reply. */
    public int getDepth() {
        return depth;
    }

    public boolean isReply() {
        return parentId != null;
    }

    public String getAuthor() {
        return author;
    }

    /** The name the author had when writing, as shown to readers. */
    public String getAuthorName() {
        return authorName;
    }

    public Optional<StaffBadge> getAuthorBadge() {
        return Optional.ofNullable(authorBadge);
    }

    /** Safe HTML (sanitized when stored); empty once deleted. */
    public String getBody() {
        return body;
    }

    public CommentStatus getStatus() {
        return status;
    }

    public boolean isPublished() {
        return status == CommentStatus.PUBLISHED;
    }

    public boolean isDeleted() {
        return status == CommentStatus.DELETED;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    /** When the author last changed the text, if they did. */
    public Optional<Instant> getEditedAt() {
        return Optional.ofNullable(editedAt).map(OffsetDateTime::toInstant);
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public Optional<Instant> getDeletedAt() {
        return Optional.ofNullable(deletedAt).map(OffsetDateTime::toInstant);
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
