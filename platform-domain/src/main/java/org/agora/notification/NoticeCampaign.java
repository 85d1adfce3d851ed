package org.agora.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One event told to many people, batch after batch in the order of the register: how far it went (the last
 * position told) and whether it is done. It is what the scans record so that nobody is told twice, whichever
 * instance runs them and however often.
 */
@Entity
@Table(name = "notice_campaigns")
public class NoticeCampaign {

    /** The subject ("consultation:12") and the event ("consultation.opened"). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "subject", nullable = false, length = 100)
        private String subject;

        @Column(name = "event_key", nullable = false, length = 100)
        private String event;

        protected Key() {
            // for JPA
        }

        public Key(String subject, String event) {
            this.subject = subject;
            this.event = event;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.subject.equals(subject) && k.event.equals(event);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, event);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "cursor_id", nullable = false)
    private long cursor;

    @Column(nullable = false)
    private int told;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected NoticeCampaign() {
        // for JPA
    }

    NoticeCampaign(Key key, Instant now) {
        this.key = key;
        this.startedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A batch was told up to this position; the last batch (shorter than asked) ends it. */
    void advance(long lastPosition, int count, boolean last, Instant now) {
        cursor = Math.max(cursor, lastPosition);
        told += count;
        if (last) {
            done = true;
            finishedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public long getCursor() {
        return cursor;
    }

    public int getTold() {
        return told;
    }

    public boolean isDone() {
        return done;
    }
}
