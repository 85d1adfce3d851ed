package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilContentPermissions;
import org.agora.council.Idea;
import org.agora.council.IdeaService;
import org.agora.shared.Actor;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;

/**
 * A council's ideas board ({@code /councils/ideas.xhtml?id=}, {@code &order=newest} for the newest first): anyone
 * reads it; members post ideas and support the others' ideas; leaders close an idea with an answer. An unknown
 * council is a 404.
 */
@Named
@ViewScoped
public class IdeasPage extends CouncilSpacePage {

    static final String NEWEST = "newest";

    @Inject
    IdeaService ideas;

    @Inject
    CouncilLabels labels;

    private String order;
    private boolean mayPost;
    private String whyNotPost;
    private boolean leader;
    private List<IdeaRow> rows = List.of();

    private String title;
    private String text;
    private final Map<Long, String> answers = new HashMap<>();

    /** View action: the council named in the address, or a 404. */
    public void load() {
        Optional<Council> found = council();
        if (found.isEmpty()) {
            return;
        }
        Council council = found.get();
        Actor actor = currentUser.actor();
        boolean member = councils.isMember(actor, council.getId());
        whyNotPost = CouncilContentPermissions.whyNotPostIdea(actor, council, member).map(labels::text).orElse(null);
        mayPost = whyNotPost == null;
        leader = CouncilContentPermissions.canCloseIdea(actor, council);
        IdeaService.Order sorting = isNewestFirst() ? IdeaService.Order.NEWEST : IdeaService.Order.SUPPORTS;
        rows = ideas.board(actor, getCouncilId(), sorting).stream().map(line -> row(line, actor, member)).toList();
    }

    private IdeaRow row(IdeaService.IdeaLine line, Actor actor, boolean member) {
        Idea idea = line.idea();
        boolean maySupport = CouncilContentPermissions.whyNotSupport(actor, idea, member).isEmpty();
        return new IdeaRow(idea.getId(), idea.getTitle(), idea.getText(), idea.getAuthorName(),
                labels.dateTime(idea.getPostedAt()), idea.getPostedAt().toString(), line.supports(),
                line.supportedByMe(), maySupport, idea.isOpen(), idea.getAnswer().orElse(null),
                idea.getClosedAt().map(labels::dateTime).orElse(null));
    }

    public String post() {
        return FacesActions.run("idea", () -> {
            ideas.post(currentUser.actor(), getCouncilId(), title, text, Instant.now());
            FacesFeedback.done("council.idea.posted", title.strip());
            return thisPage(NEWEST);
        });
    }

    public String support(long ideaId) {
        return FacesActions.run("board", () -> {
            ideas.support(currentUser.actor(), ideaId, Instant.now());
            FacesFeedback.done("council.idea.supported");
            return thisPage(order);
        });
    }

    public String withdraw(long ideaId) {
        return FacesActions.run("board", () -> {
            ideas.withdrawSupport(currentUser.actor(), ideaId);
            FacesFeedback.done("council.idea.supportWithdrawn");
            return thisPage(order);
        });
    }

    public String close(long ideaId) {
        return FacesActions.run("close-" + ideaId, () -> {
            ideas.close(currentUser.actor(), ideaId, answers.get(ideaId), Instant.now());
            FacesFeedback.done("council.idea.closedDone");
            return thisPage(order);
        });
    }

    private String thisPage(String sorting) {
        return "/councils/ideas?faces-redirect=true&id=" + getCouncilId() + (NEWEST.equals(sorting) ? "&order=" + NEWEST : "");
    }

    // --- for the page ---

    public boolean isNewestFirst() {
        return NEWEST.equals(order);
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public boolean isMayPost() {
        return mayPost;
    }

    /** Why the form is not shown, in words: sign in, or join the council. */
    public String getWhyNotPost() {
        return whyNotPost;
    }

    public boolean isLeader() {
        return leader;
    }

    public List<IdeaRow> getRows() {
        return rows;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** The answers being typed, by idea. */
    public Map<Long, String> getAnswers() {
        return answers;
    }
}
