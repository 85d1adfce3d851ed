package org.agora.participation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.agora.moderation.Visibility;

/**
 * A resident's shown name as someone reported it ({@code profile_names}): the account, the name and the page where
 * it was seen, and whether moderation hid it. One row per account, made at its first report.
 */
@Entity
@Table(name = "profile_names")
public class ProfileName {

    public static final int MAX_NAME = 200;
    public static final int MAX_PATH = 500;

    @Id
    @SequenceGenerator(name = "profile_name_ids", sequenceName = "profile_name_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_name_ids")
    private Long id;

    @Column(nullable = false, length = 100, updatable = false)
    private String username;

    @Column(name = "shown_name", nullable = false, length = MAX_NAME)
    private String shownName;

    @Column(name = "seen_at", nullable = false, length = MAX_PATH)
    private String seenAt;

    @Column(name = "hidden_state", length = 20)
    private String hiddenState;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Version
    private int version;

    protected ProfileName() {
        // for JPA
    }

    ProfileName(String username, String shownName, String seenAt) {
        this.username = username;
        seen(shownName, seenAt);
    }

    /** The name as reported now, and where (a later report of a changed name updates what moderators read). */
    void seen(String name, String path) {
        String checked = name == null || name.isBlank() ? username : name.strip();
        this.shownName = checked.length() > MAX_NAME ? checked.substring(0, MAX_NAME) : checked;
        String page = path == null || path.isBlank() ? "me.xhtml" : path;
        this.seenAt = page.length() > MAX_PATH ? page.substring(0, MAX_PATH) : page;
    }

    void show(Visibility visibility) {
        hiddenState = visibility.column();
        hiddenReason = visibility.reasonColumn();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getShownName() {
        return shownName;
    }

    public String getSeenAt() {
        return seenAt;
    }

    public Visibility getVisibility() {
        return Visibility.of(hiddenState, hiddenReason);
    }

    public boolean isHidden() {
        return hiddenState != null;
    }
}
