package org.agora.budget.project;

import org.agora.moderation.Visibility;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.agora.budget.call.Envelope;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;

/**
 * A project competing for an envelope's money. Residents submit it (its authors may edit it while it waits for
 * review and the submission phase lasts), staff review it (feasible with a revised cost, or not feasible with a
 * public reason; a duplicate is merged into another project) and put feasible projects on the ballot, which is
 * what residents vote for. Projects that staff or an import put on the ballot directly have no author.
 */
@Entity
@Table(name = "budget_projects")
public class BudgetProject {

    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_REASON = 2000;
    public static final int MAX_IMAGES = 3;

    @Id
    @SequenceGenerator(name = "budget_project_ids", sequenceName = "budget_project_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_project_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "envelope_id")
    private Envelope envelope;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String title;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(length = MAX_ADDRESS)
    private String address;

    @Column(precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    private BigDecimal longitude;

    @Column(name = "theme_id")
    private Long themeId;

    @Column(name = "estimated_cost")
    private Long estimatedCost;

    /** What the project costs on the ballot: the authors' estimate until the review revises it. */
    @Column(nullable = false)
    private long cost;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProjectStatus status;

    @Column(name = "review_reason", length = MAX_REASON)
    private String reviewReason;

    @ManyToOne
    @JoinColumn(name = "merged_into")
    private BudgetProject mergedInto;

    @Column(name = "on_ballot", nullable = false)
    private boolean onBallot;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_authors", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "author", length = 100)
    private Set<String> authors = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_images", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @Column(name = "image_id")
    private List<Long> imageIds = new ArrayList<>();

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Version
    private int version;

    protected BudgetProject() {
        // for JPA
    }

    /** A project that staff (or an import) put straight on the ballot: feasible, no author. */
    public BudgetProject(Envelope envelope, Label title, Money cost, boolean onBallot) {
        if (cost.amount() <= 0) {
            throw new InvalidInputException("cost", "budget.project.costPositive");
        }
        this.envelope = envelope;
        this.title = title.text();
        this.cost = cost.amount();
        this.status = ProjectStatus.FEASIBLE;
        this.onBallot = onBallot;
    }

    /** A resident's project, checked; it waits for review. */
    static BudgetProject submitted(Envelope envelope, ProjectDraft draft, String author, Instant now) {
        BudgetProject project = new BudgetProject();
        project.envelope = envelope;
        project.status = ProjectStatus.SUBMITTED;
        project.describe(draft);
        project.authors.add(author);
        project.submittedAt = now.atOffset(ZoneOffset.UTC);
        return project;
    }

    /** The authors change what they wrote; only while the project waits for review. */
    void edit(Envelope newEnvelope, ProjectDraft draft) {
        requireUnreviewed();
        Envelope previous = envelope;
        envelope = newEnvelope;
        try {
            describe(draft);
        } catch (InvalidInputException e) {
            envelope = previous;
            throw e;
        }
    }

    private void describe(ProjectDraft draft) {
        Label checkedTitle = Label.of("title", draft.title());
        String text = draft.description() == null ? "" : draft.description().strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("description", "validation.required");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "validation.tooLong", MAX_DESCRIPTION);
        }
        String place = draft.address() == null ? "" : draft.address().strip().replaceAll("\\s+", " ");
        if (place.isEmpty()) {
            throw new InvalidInputException("address", "budget.project.addressRequired");
        }
        if (place.length() > MAX_ADDRESS) {
            throw new InvalidInputException("address", "validation.tooLong", MAX_ADDRESS);
        }
        Optional<MapPoint> point = MapPoint.of(draft.latitude(), draft.longitude());
        long estimate = checkedCost("estimatedCost", draft.estimatedCost());
        title = checkedTitle.text();
        description = text;
        address = place;
        latitude = point.map(MapPoint::latitude).orElse(null);
        longitude = point.map(MapPoint::longitude).orElse(null);
        estimatedCost = estimate;
        cost = estimate;
        themeId = draft.themeId();
    }

    /** A cost is positive and fits the envelope: a project dearer than its envelope could never be funded. */
    private long checkedCost(String field, Long amount) {
        if (amount == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (amount <= 0) {
            throw new InvalidInputException(field, "budget.project.costPositive");
        }
        if (amount > envelope.getAmount().amount()) {
            throw new InvalidInputException(field, "budget.project.costOverEnvelope", amount,
                    envelope.getAmount().amount());
        }
        return amount;
    }

    private void requireUnreviewed() {
        if (status != ProjectStatus.SUBMITTED) {
            throw new ConflictException(null, "budget.project.alreadyReviewed");
        }
    }

    void addImage(long imageId) {
        requireUnreviewed();
        if (imageIds.size() >= MAX_IMAGES) {
            throw new InvalidInputException("file", "budget.project.tooManyImages", MAX_IMAGES);
        }
        imageIds.add(imageId);
    }

    /** Takes the photo off the project; whether it was one of its photos. */
    boolean removeImage(long imageId) {
        requireUnreviewed();
        return imageIds.remove(Long.valueOf(imageId));
    }

    /** Staff find the project feasible, at the cost they revised (the estimate when none is given). */
    void markFeasible(Long revisedCost, String note) {
        requireNotMerged();
        long checked = revisedCost == null ? cost : checkedCost("revisedCost", revisedCost);
        String text = optionalReason(note);
        cost = checked;
        reviewReason = text;
        status = ProjectStatus.FEASIBLE;
    }

    /** Staff find the project not feasible; the reason, which residents read, is required. */
    void markNotFeasible(String reason) {
        requireNotMerged();
        String text = optionalReason(reason);
        if (text == null) {
            throw new InvalidInputException("reason", "budget.review.reasonRequired");
        }
        reviewReason = text;
        status = ProjectStatus.NOT_FEASIBLE;
        onBallot = false;
    }

    /**
     * Rejected by moderation with a public reason: the proposal leaves the review (and any ballot) for good. Only a
     * proposal still in review (submitted) is rejected this way; a reviewed one is hidden instead.
     */
    void reject(String reason) {
        if (status != ProjectStatus.SUBMITTED) {
            throw new org.agora.shared.ConflictException(null, "budget.project.rejectReviewed");
        }
        reviewReason = reason;
        status = ProjectStatus.REJECTED;
        onBallot = false;
    }

    /** This project duplicates {@code target}: it leaves the competition, its authors and supports go over. */
    void mergeInto(BudgetProject target) {
        requireNotMerged();
        if (target == this || target.id.equals(id)) {
            throw new InvalidInputException("target", "budget.review.mergeItself");
        }
        if (!target.envelope.getId().equals(envelope.getId())) {
            throw new InvalidInputException("target", "budget.review.mergeOtherEnvelope");
        }
        if (target.status == ProjectStatus.MERGED) {
            throw new InvalidInputException("target", "budget.review.mergeIntoMerged");
        }
        target.authors.addAll(authors);
        status = ProjectStatus.MERGED;
        mergedInto = target;
        onBallot = false;
    }

    /** Puts the project on the ballot or takes it off; only a feasible project may be on it. */
    void setOnBallot(boolean wanted) {
        if (wanted && status != ProjectStatus.FEASIBLE) {
            throw new ConflictException(null, "budget.review.onlyFeasibleOnBallot");
        }
        onBallot = wanted;
    }

    private void requireNotMerged() {
        if (status == ProjectStatus.MERGED) {
            throw new ConflictException(null, "budget.review.merged");
        }
    }

    private static String optionalReason(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "validation.tooLong", MAX_REASON);
        }
        return text.isEmpty() ? null : text;
    }

    /** The project as the counting rules see it: its id and its cost. */
    public Project toCandidate() {
        return new Project(new ProjectId(String.valueOf(id)), Money.of(cost));
    }

    public boolean isAuthor(String username) {
        return username != null && authors.contains(username);
    }

    public Long getId() {
        return id;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    public String getTitle() {
        return title;
    }

    public Optional<String> getDescription() {
        return Optional.ofNullable(description);
    }

    public Optional<String> getAddress() {
        return Optional.ofNullable(address);
    }

    public Optional<MapPoint> getPoint() {
        return latitude == null ? Optional.empty() : Optional.of(new MapPoint(latitude, longitude));
    }

    public Optional<Long> getThemeId() {
        return Optional.ofNullable(themeId);
    }

    /** What the authors estimated; empty for a project staff put on the ballot. */
    public Optional<Money> getEstimatedCost() {
        return Optional.ofNullable(estimatedCost).map(Money::of);
    }

    public Money getCost() {
        return Money.of(cost);
    }

    public ProjectStatus getStatus() {
        return status;
    }

    /** Why it is not feasible, or the reviewers' note on a feasible project. */
    public Optional<String> getReviewReason() {
        return Optional.ofNullable(reviewReason);
    }

    public Optional<BudgetProject> getMergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public boolean isOnBallot() {
        return onBallot;
    }

    public Optional<Instant> getSubmittedAt() {
        return Optional.ofNullable(submittedAt).map(OffsetDateTime::toInstant);
    }

    public Set<String> getAuthors() {
        return Set.copyOf(authors);
    }

    public List<Long> getImageIds() {
        return List.copyOf(imageIds);
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
