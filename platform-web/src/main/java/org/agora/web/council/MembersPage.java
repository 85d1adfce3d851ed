package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilService;
import org.agora.council.Membership;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The members of a council ({@code /council/members.xhtml?id=}) by their display names, never their e-mail
 * addresses: for its members and leaders only, a 403 for anyone else, a 404 for an unknown council.
 */
@Named
@RequestScoped
public class MembersPage {

    @Inject
    CouncilService councils;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private Council council;
    private List<String> members = List.of();

    public void load() {
        Optional<Council> found = Optional.ofNullable(id).flatMap(councils::find);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        if (!councils.seesMembersOnly(currentUser.actor(), found.get())) {
            Pages.forbidden();
            return;
        }
        council = found.get();
        members = councils.members(currentUser.actor(), council.getId()).stream().map(Membership::getDisplayName).toList();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return council == null ? null : council.getName();
    }

    public long getCouncilId() {
        return council == null ? 0 : council.getId();
    }

    public List<String> getMembers() {
        return members;
    }
}
