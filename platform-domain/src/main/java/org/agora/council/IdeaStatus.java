package org.agora.council;

/** An idea is open to supports until an animator closes it with a public answer. */
public enum IdeaStatus {
    OPEN,
    CLOSED
}
