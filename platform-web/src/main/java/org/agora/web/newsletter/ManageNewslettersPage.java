package org.agora.web.newsletter;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.agora.newsletter.NewsletterService;
import org.agora.shared.DomainException;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/** The staff's newsletters ({@code /newsletters/manage/index.xhtml}): the office's all, an agent's their districts'. */
@Named
@ViewScoped
public class ManageNewslettersPage implements Serializable {

    @Inject
    NewsletterService newsletters;

    @Inject
    CurrentUser currentUser;

    private List<NewsletterRow> rows;

    public void load() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        try {
            rows = newsletters.list(currentUser.actor()).stream().map(n -> NewsletterRow.of(n, locale)).toList();
        } catch (DomainException refused) {
            Pages.refused(refused);
        }
    }

    public List<NewsletterRow> getRows() {
        return rows;
    }
}
