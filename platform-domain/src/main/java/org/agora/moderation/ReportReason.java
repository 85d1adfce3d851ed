package org.agora.moderation;

/** Why a person reports an item; {@link #OTHER} needs a text. */
public enum ReportReason {
    SPAM,
    OFFENSIVE,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER
}
