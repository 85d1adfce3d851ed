package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.agora.comment.CommentTarget;
import org.agora.council.CouncilNewsService;
import org.agora.council.CouncilService;
import org.agora.council.NewsPost;
import org.agora.web.comment.CommentsSection;
import org.agora.web.moderation.HiddenNotice;
import org.agora.web.moderation.ReportForm;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * One news post of a council ({@code /councils/post.xhtml?id=}), its own address to share with its comments. A members-only post is a 404 to anyone but members and leaders, like an
 * unknown one.
 */
@Named
@ViewScoped
public class CouncilPostPage implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    CouncilNewsService news;

    @Inject
    CouncilContentLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommentsSection comments;

    @Inject
    ReportForm report;

    private Long id;
    private NewsRow post;
    private long councilId;
    private String councilName;
    private String hiddenNotice;

    public void load() {
        Optional<NewsPost> found = Optional.ofNullable(id).flatMap(postId -> news.find(currentUser.actor(), postId));
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        post = labels.row(found.get());
        hiddenNotice = HiddenNotice.of(found.get().getVisibility(),
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale());
        councilId = found.get().getCouncilId();
        councilName = councils.get(councilId).getName();
        comments.show(CommentTarget.councilPost(post.id()));
        report.show(org.agora.moderation.ItemKind.COUNCIL_POST, post.id());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** What shows in place of a post moderation hides; null when it is shown. */
    public String getHiddenNotice() {
        return hiddenNotice;
    }

    public NewsRow getPost() {
        return post;
    }

    public String getTitle() {
        return post == null ? null : hiddenNotice != null ? hiddenNotice : post.title();
    }

    public String getCouncilName() {
        return councilName;
    }

    public long getCouncilId() {
        return councilId;
    }
}
