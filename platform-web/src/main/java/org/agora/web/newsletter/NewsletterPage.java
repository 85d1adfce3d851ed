package org.agora.web.newsletter;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.agora.newsletter.NewsletterService;
import org.agora.web.platform.Pages;

/** One sent newsletter ({@code /newsletters/view.xhtml?id=}), for anyone; a draft or an unknown id is a 404. */
@Named
@ViewScoped
public class NewsletterPage implements Serializable {

    @Inject
    NewsletterService newsletters;

    private Long id;
    private NewsletterRow newsletter;

    public void load() {
        newsletter = id == null ? null : newsletters.published(id)
                .map(n -> NewsletterRow.of(n, FacesContext.getCurrentInstance().getViewRoot().getLocale())).orElse(null);
        if (newsletter == null) {
            Pages.notFound();
        }
    }

    public NewsletterRow getNewsletter() {
        return newsletter;
    }

    public String getTitle() {
        return newsletter == null ? "" : newsletter.subject();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
