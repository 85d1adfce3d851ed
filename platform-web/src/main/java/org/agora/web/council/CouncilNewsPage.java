package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilContentPermissions;
import org.agora.council.CouncilNewsService;
import org.agora.council.CouncilService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * A council's news ({@code /council/news.xhtml?id=}): the posts this person may read, newest first; its leaders
 * post here (rich text, public or for members only) and remove a post. An unknown council is a 404.
 */
@Named
@ViewScoped
public class CouncilNewsPage implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    CouncilNewsService news;

    @Inject
    CouncilContentLabels labels;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private long councilId;
    private String name;
    private boolean publisher;
    private List<NewsRow> rows = List.of();

    private String title;
    private String body;
    private boolean membersOnly;

    /** View action: the council named in the address, or a 404. */
    public void load() {
        Optional<Council> found = Optional.ofNullable(id).flatMap(councils::find);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Council council = found.get();
        councilId = council.getId();
        name = council.getName();
        publisher = CouncilContentPermissions.canPublish(currentUser.actor(), council);
        rows = news.visible(currentUser.actor(), councilId).stream().map(labels::row).toList();
    }

    public String post() {
        return FacesActions.run("post", () -> {
            news.post(currentUser.actor(), councilId, title, body, membersOnly, Instant.now());
            FacesFeedback.done("council.news.posted", title.strip());
            return thisPage();
        });
    }

    public String remove(long postId) {
        return FacesActions.run("posts", () -> {
            news.remove(currentUser.actor(), postId);
            FacesFeedback.done("council.news.removed");
            return thisPage();
        });
    }

    private String thisPage() {
        return "/council/news?faces-redirect=true&id=" + councilId;
    }

    // --- for the page ---

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getCouncilId() {
        return councilId;
    }

    public String getName() {
        return name;
    }

    public boolean isPublisher() {
        return publisher;
    }

    public List<NewsRow> getRows() {
        return rows;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public void setMembersOnly(boolean membersOnly) {
        this.membersOnly = membersOnly;
    }
}
