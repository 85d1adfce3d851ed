package org.agora.web.newsletter;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.agora.newsletter.NewsletterService;
import org.agora.shared.Page;

/** The public archive of sent newsletters ({@code /newsletters/index.xhtml?page=}), newest first; drafts never. */
@Named
@ViewScoped
public class NewsletterArchivePage implements Serializable {

    @Inject
    NewsletterService newsletters;

    private int page = 1;
    private transient Page<NewsletterRow> newslettersPage;

    public void load() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        newslettersPage = newsletters.archive(page).map(n -> NewsletterRow.of(n, locale));
    }

    public Page<NewsletterRow> getNewsletters() {
        if (newslettersPage == null) {
            load();
        }
        return newslettersPage;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
