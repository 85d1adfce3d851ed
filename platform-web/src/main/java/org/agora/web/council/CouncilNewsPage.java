package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilContentPermissions;
import org.agora.council.CouncilNewsService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;

/**
 * A council's news ({@code /councils/news.xhtml?id=}): the posts this person may read, newest first; its leaders
 * post here (rich text, public or for members only) and remove a post. An unknown council is a 404.
 */
@Named
@ViewScoped
public class CouncilNewsPage extends CouncilSpacePage {

    @Inject
    CouncilNewsService news;

    @Inject
    CouncilContentLabels labels;

    private boolean publisher;
    private List<NewsRow> rows = List.of();

    private String title;
    private String body;
    private boolean membersOnly;

    /** View action: the council named in the address, or a 404. */
    public void load() {
        Optional<Council> found = council();
        if (found.isEmpty()) {
            return;
        }
        Council council = found.get();
        publisher = CouncilContentPermissions.canPublish(currentUser.actor(), council);
        rows = news.visible(currentUser.actor(), council.getId()).stream().map(labels::row).toList();
    }

    public String post() {
        return FacesActions.run("post", () -> {
            news.post(currentUser.actor(), getCouncilId(), title, body, membersOnly, Instant.now());
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
        return "/councils/news?faces-redirect=true&id=" + getCouncilId();
    }

    // --- for the page ---

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
