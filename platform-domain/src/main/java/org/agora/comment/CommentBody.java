package org.agora.comment;

import org.agora.shared.InvalidInputException;
import org.agora.shared.RichText;

/**
 * The text of a comment: rich text reduced to the safe tags of {@link RichText}, not empty, at most
 * {@value #MAX_LENGTH} characters as a reader sees them (and at most {@value #MAX_HTML} with the markup).
 */
public record CommentBody(String html) {

    /** The input field of the text, in the refusals. */
    public static final String FIELD = "body";
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_HTML = 12000;

    /** The body of what was written; refused when nothing is left to read or it is too long. */
    public static CommentBody of(String written) {
        String safe = RichText.sanitize(written);
        if (safe.isEmpty()) {
            throw new InvalidInputException(FIELD, "comment.body.required");
        }
        int length = RichText.plainText(safe).length();
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(FIELD, "comment.body.tooLong", MAX_LENGTH, length);
        }
        if (safe.length() > MAX_HTML) {
            throw new InvalidInputException(FIELD, "comment.body.tooMuchMarkup", MAX_LENGTH);
        }
        return new CommentBody(safe);
    }
}
