package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.agora.comment.CommentTarget;
import org.agora.council.CouncilService;
import org.agora.council.Idea;
import org.agora.council.IdeaService;
import org.agora.web.comment.CommentsSection;
import org.agora.web.moderation.HiddenNotice;
import org.agora.web.moderation.ReportForm;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * One idea of a council's board ({@code /councils/idea.xhtml?id=}): its text, supports and the council's answer, at
 * an address of its own to share, with its comments. Supporting happens
 * on the board. An unknown idea is a 404.
 */
@Named
@ViewScoped
public class IdeaPage implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    IdeaService ideas;

    @Inject
    CouncilLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommentsSection comments;

    @Inject
    ReportForm report;

    private Long id;
    private IdeaRow idea;
    private long councilId;
    private String councilName;
    private String hiddenNotice;

    public void load() {
        Optional<Idea> found = Optional.ofNullable(id).flatMap(ideas::find);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Idea shown = found.get();
        hiddenNotice = HiddenNotice.of(shown.getVisibility(),
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale());
        councilId = shown.getCouncilId();
        councilName = councils.get(councilId).getName();
        comments.show(CommentTarget.councilIdea(shown.getId()));
        report.show(org.agora.moderation.ItemKind.COUNCIL_IDEA, shown.getId());
        idea = new IdeaRow(shown.getId(), shown.getTitle(), shown.getText(), shown.getAuthorName(),
                labels.dateTime(shown.getPostedAt()), shown.getPostedAt().toString(), ideas.supports(shown.getId()),
                ideas.hasSupported(currentUser.actor(), shown.getId()), false, shown.isOpen(),
                shown.getAnswer().orElse(null), shown.getClosedAt().map(labels::dateTime).orElse(null));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** What shows in place of an idea moderation hides; null when it is shown. */
    public String getHiddenNotice() {
        return hiddenNotice;
    }

    public IdeaRow getIdea() {
        return idea;
    }

    public String getTitle() {
        return idea == null ? null : hiddenNotice != null ? hiddenNotice : idea.title();
    }

    public String getCouncilName() {
        return councilName;
    }

    public long getCouncilId() {
        return councilId;
    }
}
