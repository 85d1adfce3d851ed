package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.agora.council.Membership;

/**
 * The members of a council ({@code /councils/member/members.xhtml?id=}) by their display names, never their e-mail
 * addresses: for its members and leaders only, a 403 for anyone else, a 404 for an unknown council.
 */
@Named
@RequestScoped
public class MembersPage extends CouncilSpacePage {

    private List<String> members = List.of();

    public void load() {
        council((actor, council) -> councils.seesMembersOnly(actor, council)).ifPresent(council ->
                members = councils.members(currentUser.actor(), council.getId()).stream()
                        .map(Membership::getDisplayName).toList());
    }

    public List<String> getMembers() {
        return members;
    }
}
