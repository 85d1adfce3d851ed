package org.agora.consultation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;

/**
 * A resident's response to a consultation: a draft they come back to, then submitted. An anonymous consultation
 * keeps no draft on the server, and its responses are sealed while it is open and only become responses when it
 * closes, all at once, in random order, under random ids, with the closing time: nothing links them to the person
 * (see {@link ResponseService} and {@link SealedResponse}).
 */
@Entity
@Table(name = "responses")
public class Response {

    @Id
    @SequenceGenerator(name = "response_ids", sequenceName = "response_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_ids")
    private Long id;

    @Column(name = "consultation_id", nullable = false)
    private Long consultationId;

    @Column(length = 100)
    private String respondent;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ResponseStatus status;

    @Column(name = "saved_at", nullable = false)
    private OffsetDateTime savedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @ElementCollection
    @CollectionTable(name = "response_answers", joinColumns = @JoinColumn(name = "response_id"))
    @OrderColumn(name = "position", nullable = false)
    private List<StoredAnswer> answers = new ArrayList<>();

    @Version
    private int version;

    protected Response() {
        // for JPA
    }

    private Response(Consultation consultation, Actor respondent, Map<String, Answer> answers, Instant now) {
        this.consultationId = consultation.getId();
        this.respondent = respondent.username();
        this.districtCode = respondent.homeDistrict().map(DistrictCode::value).orElse(null);
        this.status = ResponseStatus.DRAFT;
        replaceAnswers(consultation, answers, now);
    }

    static Response draft(Consultation consultation, Actor respondent, Map<String, Answer> answers, Instant now) {
        return new Response(consultation, respondent, answers, now);
    }

    /**
     * A response of an anonymous consultation as counted when it closes: a random id rather than the next number,
     * no respondent, and the closing time as its time, the same for every response of the consultation.
     */
    static Response counted(Consultation consultation, long randomId, Optional<DistrictCode> district,
                            Map<String, Answer> answers, Instant closedAt) {
        Response response = new Response();
        response.id = randomId;
        response.consultationId = consultation.getId();
        response.districtCode = district.map(DistrictCode::value).orElse(null);
        response.status = ResponseStatus.SUBMITTED;
        List<String> order = consultation.getQuestionnaire().questions().stream().map(Question::id).toList();
        response.answers.addAll(StoredAnswer.rowsOf(order, answers));
        response.submittedAt = closedAt.atOffset(ZoneOffset.UTC);
        response.savedAt = response.submittedAt;
        return response;
    }

    void replaceAnswers(Consultation consultation, Map<String, Answer> kept, Instant now) {
        List<String> order = consultation.getQuestionnaire().questions().stream().map(Question::id).toList();
        answers.clear();
        answers.addAll(StoredAnswer.rowsOf(order, kept));
        savedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Submits the response (of a consultation that is not anonymous: those are sealed, never drafts). */
    void submit(Instant now) {
        status = ResponseStatus.SUBMITTED;
        submittedAt = now.atOffset(ZoneOffset.UTC);
        savedAt = submittedAt;
    }

    public Map<String, Answer> getAnswers() {
        return StoredAnswer.answersOf(answers);
    }

    public SubmittedResponse toSubmitted() {
        return new SubmittedResponse(id, submittedAt.toInstant(), Optional.ofNullable(respondent),
                Optional.ofNullable(districtCode).map(DistrictCode::new), getAnswers());
    }

    Optional<DistrictCode> district() {
        return Optional.ofNullable(districtCode).map(DistrictCode::new);
    }

    List<StoredAnswer> rows() {
        return answers;
    }

    public Long getId() {
        return id;
    }

    public ResponseStatus getStatus() {
        return status;
    }

    public boolean isSubmitted() {
        return status == ResponseStatus.SUBMITTED;
    }

    public Instant getSavedAt() {
        return savedAt.toInstant();
    }
}
