package org.agora.consultation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.agora.shared.Period;
import org.agora.shared.RichText;

/**
 * A consultation: what is asked (title, description, questionnaire), to whom (its scope), when (its period) and
 * where it stands in its life (draft, scheduled, open, closed, results published). It refuses a step its status
 * does not allow and any change of questions once residents may have answered.
 */
@Entity
@Table(name = "consultations")
public class Consultation {

    public static final int DESCRIPTION_LIMIT = 20_000;

    @Id
    @SequenceGenerator(name = "consultation_ids", sequenceName = "consultation_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_ids")
    private Long id;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String title;

    @Column(nullable = false, length = DESCRIPTION_LIMIT)
    private String description;

    @Column(name = "theme_id")
    private Long themeId;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Column(name = "opens_at", nullable = false)
    private OffsetDateTime opensAt;

    @Column(name = "closes_at", nullable = false)
    private OffsetDateTime closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConsultationStatus status;

    @Column(nullable = false)
    private boolean anonymous;

    @Column(name = "answers_editable", nullable = false)
    private boolean answersEditable;

    @Column(name = "cover_image_id")
    private Long coverImageId;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<StoredQuestion> questions = new ArrayList<>();

    @Column(name = "pre_moderated", nullable = false)
    private boolean preModerated;

    @Version
    private int version;

    protected Consultation() {
        // for JPA
    }

    public Consultation(ConsultationDraft draft, ConsultationScope scope, String createdBy) {
        this.status = ConsultationStatus.DRAFT;
        this.createdBy = createdBy;
        describe(draft, scope);
    }

    /** Changes what the organiser typed; only while in draft, since residents may already read a scheduled one. */
    void update(ConsultationDraft draft, ConsultationScope scope) {
        if (status != ConsultationStatus.DRAFT) {
            throw new ConflictException(null, "consultation.update.notDraft");
        }
        describe(draft, scope);
    }

    private void describe(ConsultationDraft draft, ConsultationScope scope) {
        String text = RichText.sanitize(draft.description()); // stored safe: pages show it as HTML
        if (text.length() > DESCRIPTION_LIMIT) {
            throw new InvalidInputException("description", "validation.tooLong", DESCRIPTION_LIMIT);
        }
        if (draft.anonymous() && draft.answersEditable()) {
            throw new InvalidInputException("answersEditable", "consultation.anonymous.notEditable");
        }
        Label checkedTitle = Label.of("title", draft.title());
        Period period = new Period(draft.opensAt(), draft.closesAt());
        this.title = checkedTitle.text();
        this.description = text;
        this.opensAt = period.start().atOffset(ZoneOffset.UTC);
        this.closesAt = period.end().atOffset(ZoneOffset.UTC);
        this.themeId = draft.themeId();
        this.districtCode = scope.district().map(DistrictCode::value).orElse(null);
        this.anonymous = draft.anonymous();
        this.answersEditable = draft.answersEditable();
    }

    /** Shows this image (already stored and checked) at the top of the consultation, or none. */
    void changeCover(Long imageId) {
        this.coverImageId = imageId;
    }

    /** Opens a scheduled consultation now rather than at its planned time. */
    void openNow(Instant now) {
        moveTo(ConsultationStatus.OPEN);
        if (!getPeriod().hasStarted(now)) {
            opensAt = now.atOffset(ZoneOffset.UTC);
        }
        if (getPeriod().hasEnded(now)) {
            throw new ConflictException(null, "consultation.open.alreadyEnded");
        }
    }

    /** Closes an open consultation now rather than at its planned time. */
    void closeNow(Instant now) {
        moveTo(ConsultationStatus.CLOSED);
        if (!getPeriod().hasEnded(now)) {
            closesAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** Replaces the questionnaire; refused once the consultation is open (answers could no longer match). */
    void replaceQuestions(List<Question> newQuestions) {
        requireQuestionsEditable();
        new Questionnaire(newQuestions); // checks ids and conditions before anything changes
        questions.clear();
    }

    void addQuestionsAfterClearing(List<Question> newQuestions) {
        for (int i = 0; i < newQuestions.size(); i++) {
            questions.add(StoredQuestion.of(this, i, newQuestions.get(i)));
        }
    }

    private void requireQuestionsEditable() {
        if (!status.questionsEditable()) {
            throw new ConflictException(null, "consultation.questions.locked");
        }
    }

    /** Moves to the next status, or refuses with the reason when the step is not allowed. */
    void moveTo(ConsultationStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException(null, "consultation.status.notAllowed", status.name(), target.name());
        }
        if (target == ConsultationStatus.SCHEDULED && questions.isEmpty()) {
            throw new ConflictException(null, "consultation.questions.none");
        }
        status = target;
    }

    /**
     * Chooses what the public will see of a question's results: at any time, since it only matters once the
     * results are published. Texts can be published only for a free-text question.
     */
    void choosePublication(String questionCode, Publication publication) {
        StoredQuestion stored = questions.stream().filter(q -> q.code().equals(questionCode)).findFirst()
                .orElseThrow(() -> new InvalidInputException("question", "consultation.answer.unknownQuestion"));
        if (publication == null || !Publication.allowedFor(stored.toQuestion()).contains(publication)) {
            throw new InvalidInputException("publication", "consultation.results.publication.notAllowed");
        }
        stored.publish(publication);
    }

    /** What is published of each question, by question code. */
    public Map<String, Publication> getPublications() {
        Map<String, Publication> publications = new HashMap<>();
        questions.forEach(q -> publications.put(q.code(), q.publication()));
        return publications;
    }

    public Questionnaire getQuestionnaire() {
        return new Questionnaire(questions.stream().map(StoredQuestion::toQuestion).toList());
    }

    public ConsultationScope getScope() {
        return new ConsultationScope(Optional.ofNullable(districtCode).map(DistrictCode::new));
    }

    public Period getPeriod() {
        return new Period(opensAt.toInstant(), closesAt.toInstant());
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Long getThemeId() {
        return themeId;
    }

    public ConsultationStatus getStatus() {
        return status;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    /** Whether residents' new comments wait for a moderator's approval before anyone else reads them. */
    public boolean isPreModerated() {
        return preModerated;
    }

    void setPreModerated(boolean preModerated) {
        this.preModerated = preModerated;
    }

    /** The space moderation counts this consultation's contributions in (pre-moderation, public rejections). */
    public String getModerationSpace() {
        return "CONSULTATION:" + id;
    }

    /**
     * Whether the responses are still sealed: those of an anonymous consultation are counted only when it closes,
     * so until then there are no results, texts or export, only the number of people who answered.
     */
    public boolean areResponsesSealed() {
        return anonymous && status != ConsultationStatus.CLOSED && status != ConsultationStatus.RESULTS_PUBLISHED;
    }

    public boolean isAnswersEditable() {
        return answersEditable;
    }

    public Long getCoverImageId() {
        return coverImageId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
