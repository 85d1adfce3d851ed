package org.agora.web.council;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.agora.council.Council;
import org.agora.council.CouncilService;
import org.agora.shared.Actor;
import org.agora.web.audience.PageAudience;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * A page of one council's space, whose address names the council ({@code ?id=}): its view action starts with
 * {@link #council()}, which finds the council or answers 404 (403 to a visitor the page is not for), and keeps
 * what every such page shows, the council's id and name.
 */
public abstract class CouncilSpacePage implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private long councilId;
    private String name;

    /** The council the address names; empty when the page answered 404 instead. */
    Optional<Council> council() {
        return council((actor, council) -> true);
    }

    /** The same for a page only some may open: empty when it answered 404, or 403 to a visitor it is not for. */
    Optional<Council> council(BiPredicate<Actor, Council> mayOpen) {
        Optional<Council> found = id == null ? Optional.empty() : councils.find(id);
        if (found.isEmpty()) {
            Pages.notFound();
            return Optional.empty();
        }
        if (!mayOpen.test(currentUser.actor(), found.get())) {
            Pages.forbidden();
            return Optional.empty();
        }
        councilId = found.get().getId();
        PageAudience.about(found.get().getDistrictCode());
        name = found.get().getName();
        return found;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getCouncilId() {
        return councilId;
    }

    public String getName() {
        return name;
    }
}
