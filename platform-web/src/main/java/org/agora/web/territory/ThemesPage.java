package org.agora.web.territory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.agora.web.security.CurrentUser;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;

/** Office-admin: the themes, a form to add one and in-place renaming. */
@Named
@ViewScoped
public class ThemesPage implements Serializable {

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    // read again when null: entities are not Serializable, so the view keeps none across a move of the session
    private transient List<Theme> themes;
    private String newName;
    private Long renamedId;
    private String renamedName;

    @PostConstruct
    void load() {
        themes = territory.themes();
    }

    public void add() {
        FacesActions.runInPlace("newTheme", () -> {
            Theme theme = territory.createTheme(currentUser.actor(), newName);
            FacesFeedback.done("territory.theme.saved", theme.getName());
            newName = null;
            load();
        });
    }

    public void startRenaming(Theme theme) {
        renamedId = theme.getId();
        renamedName = theme.getName();
    }

    public void rename() {
        FacesActions.runInPlace("renameTheme", () -> {
            Theme theme = territory.renameTheme(currentUser.actor(), renamedId, renamedName);
            FacesFeedback.done("territory.theme.saved", theme.getName());
            renamedId = null;
            load();
        });
    }

    public List<Theme> getThemes() {
        if (themes == null) {
            load();
        }
        return themes;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Long getRenamedId() {
        return renamedId;
    }

    public String getRenamedName() {
        return renamedName;
    }

    public void setRenamedName(String renamedName) {
        this.renamedName = renamedName;
    }
}
