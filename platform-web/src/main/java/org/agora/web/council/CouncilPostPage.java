package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilNewsService;
import org.agora.council.CouncilService;
import org.agora.council.NewsPost;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * One news post of a council ({@code /council/post.xhtml?id=}), its own address to share (and, once comments come to
 * councils, the page of its comments). A members-only post is a 404 to anyone but members and leaders, like an
 * unknown one.
 */
@Named
@RequestScoped
public class CouncilPostPage {

    @Inject
    CouncilService councils;

    @Inject
    CouncilNewsService news;

    @Inject
    CouncilContentLabels labels;

    @Inject
    CurrentUser currentUser;

    private String id;
    private NewsRow post;
    private Council council;

    public void load() {
        Optional<NewsPost> found = Ids.parse(id).flatMap(postId -> news.find(currentUser.actor(), postId));
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        post = labels.row(found.get());
        council = councils.get(found.get().getCouncilId());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public NewsRow getPost() {
        return post;
    }

    public String getTitle() {
        return post == null ? null : post.title();
    }

    public String getCouncilName() {
        return council == null ? null : council.getName();
    }

    public long getCouncilId() {
        return council == null ? 0 : council.getId();
    }
}
