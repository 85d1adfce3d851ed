package org.agora.comment;

/**
 * Where a comment stands: published, or deleted by its author (its text is gone, its place in the thread stays so
 * its replies keep their context). Moderation will add its own statuses here.
 */
public enum CommentStatus {
    PUBLISHED,
    DELETED
}
