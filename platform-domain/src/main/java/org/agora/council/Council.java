package org.agora.council;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.agora.shared.RichText;
import org.agora.territory.Neighbourhood;

/**
 * The neighbourhood council (conseil de quartier) of one neighbourhood: its public presentation, how to reach it,
 * whether joining needs an animator's approval, and its animators (residents or staff, by username), who lead it
 * with the agents of its district. A neighbourhood has at most one council.
 */
@Entity
@Table(name = "councils")
public class Council {

    public static final int MAX_PRESENTATION = 20_000;
    public static final int MAX_CONTACT = 300;
    public static final int MAX_ANIMATORS = 20;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

    @Id
    @SequenceGenerator(name = "council_ids", sequenceName = "council_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "neighbourhood_id")
    private Neighbourhood neighbourhood;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String name;

    @Column(nullable = false, length = MAX_PRESENTATION)
    private String presentation;

    @Column(length = MAX_CONTACT)
    private String contact;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Column(name = "pre_moderated", nullable = false)
    private boolean preModerated;

    @Column(name = "cover_image_id")
    private Long coverImageId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "council_animators", joinColumns = @JoinColumn(name = "council_id"))
    @Column(name = "username", length = 100)
    private Set<String> animators = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private int version;

    protected Council() {
        // for JPA
    }

    Council(Neighbourhood neighbourhood, CouncilDraft draft, String createdBy, Instant now) {
        this.neighbourhood = neighbourhood;
        this.createdBy = createdBy;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        change(draft);
    }

    /** Replaces what the form holds; everything is checked before anything changes. */
    void change(CouncilDraft draft) {
        Label checkedName = Label.of("name", draft.name());
        String checkedPresentation = RichText.sanitize(draft.presentation());
        if (checkedPresentation.length() > MAX_PRESENTATION) {
            throw new InvalidInputException("presentation", "validation.tooLong", MAX_PRESENTATION);
        }
        String checkedContact = draft.contact() == null ? "" : draft.contact().strip();
        if (checkedContact.length() > MAX_CONTACT) {
            throw new InvalidInputException("contact", "validation.tooLong", MAX_CONTACT);
        }
        Set<String> checkedAnimators = animators(draft);
        name = checkedName.text();
        presentation = checkedPresentation;
        contact = checkedContact.isEmpty() ? null : checkedContact;
        approvalRequired = draft.approvalRequired();
        animators.clear();
        animators.addAll(checkedAnimators);
    }

    private static Set<String> animators(CouncilDraft draft) {
        Set<String> names = new TreeSet<>();
        for (String raw : draft.animators()) {
            String username = raw == null ? "" : raw.strip();
            if (username.isEmpty()) {
                continue;
            }
            if (!USERNAME.matcher(username).matches()) {
                throw new InvalidInputException("animators", "council.animators.malformed", username);
            }
            names.add(username);
        }
        if (names.size() > MAX_ANIMATORS) {
            throw new InvalidInputException("animators", "council.animators.tooMany", MAX_ANIMATORS);
        }
        return names;
    }

    void changeCover(Long imageId) {
        this.coverImageId = imageId;
    }

    /** Whether this person leads the council as one of its animators. */
    public boolean isAnimatedBy(String username) {
        return username != null && animators.contains(username);
    }

    public Long getId() {
        return id;
    }

    public Neighbourhood getNeighbourhood() {
        return neighbourhood;
    }

    /** Whether its members' new ideas and comments wait for a moderator's approval before anyone else sees them. */
    public boolean isPreModerated() {
        return preModerated;
    }

    void setPreModerated(boolean preModerated) {
        this.preModerated = preModerated;
    }

    /** The space moderation counts this council's contributions in (pre-moderation, public rejections). */
    public String getModerationSpace() {
        return "COUNCIL:" + id;
    }

    public DistrictCode getDistrictCode() {
        return neighbourhood.getDistrict().getCode();
    }

    public String getName() {
        return name;
    }

    /** Sanitized HTML (see {@link RichText}), safe to show as is; "" when there is none. */
    public String getPresentation() {
        return presentation;
    }

    public Optional<String> getContact() {
        return Optional.ofNullable(contact);
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    /** The cover image, served at {@code /images/{id}}. */
    public Optional<Long> getCoverImageId() {
        return Optional.ofNullable(coverImageId);
    }

    /** The animators' usernames, in alphabetical order. */
    public Set<String> getAnimators() {
        return Collections.unmodifiableSet(new TreeSet<>(animators));
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
