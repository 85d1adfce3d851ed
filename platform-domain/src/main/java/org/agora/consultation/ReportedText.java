package org.agora.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A free-text answer someone reported: the moderation item's id for a row of a response ({@code reported_texts}). */
@Entity
@Table(name = "reported_texts")
public class ReportedText {

    @Id
    @SequenceGenerator(name = "reported_text_ids", sequenceName = "reported_text_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reported_text_ids")
    private Long id;

    @Column(name = "response_id", nullable = false, updatable = false)
    private long responseId;

    @Column(nullable = false, updatable = false)
    private int position;

    protected ReportedText() {
        // for JPA
    }

    ReportedText(long responseId, int position) {
        this.responseId = responseId;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public long getResponseId() {
        return responseId;
    }

    public int getPosition() {
        return position;
    }
}
