package org.agora.web.consultation;

import org.agora.web.platform.CityTime;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.agora.consultation.Consultation;

/** One line of the organiser's list: a consultation as the page shows it (scope and status already in words). */
public final class OrganisedConsultation implements Serializable {

    private final long id;
    private final String title;
    private final String scope;
    private final String status;
    private final LocalDateTime opensAt;
    private final LocalDateTime closesAt;

    OrganisedConsultation(Consultation consultation, String scope, String status) {
        this.id = consultation.getId();
        this.title = consultation.getTitle();
        this.scope = scope;
        this.status = status;
        this.opensAt = CityTime.local(consultation.getPeriod().start());
        this.closesAt = CityTime.local(consultation.getPeriod().end());
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getScope() {
        return scope;
    }

    public String getStatus() {
        return status;
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }
}
