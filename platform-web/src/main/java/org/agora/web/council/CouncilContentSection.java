package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.agora.council.CouncilNewsService;
import org.agora.web.security.CurrentUser;

/**
 * The council page's part about its content: the latest news this person may read, and the way to the documents,
 * the news and the ideas board.
 */
@Named
@RequestScoped
public class CouncilContentSection {

    static final int LATEST = 3;

    @Inject
    CouncilNewsService news;

    @Inject
    CouncilContentLabels labels;

    @Inject
    CurrentUser currentUser;

    private List<NewsRow> latest;

    /** The newest posts of the council this person may read, at most {@value #LATEST}. */
    public List<NewsRow> latestNews(long councilId) {
        if (latest == null) {
            latest = news.visible(currentUser.actor(), councilId).stream().limit(LATEST).map(labels::row).toList();
        }
        return latest;
    }
}
