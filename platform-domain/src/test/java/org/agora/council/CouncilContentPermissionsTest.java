package org.agora.council;

import static org.agora.council.Councils.AGENT_OF_NORD;
import static org.agora.council.Councils.AGENT_OF_SUD;
import static org.agora.council.Councils.ANIMATOR;
import static org.agora.council.Councils.ANONYMOUS;
import static org.agora.council.Councils.MODERATOR;
import static org.agora.council.Councils.NOW;
import static org.agora.council.Councils.OFFICE;
import static org.agora.council.Councils.OTHER_RESIDENT;
import static org.agora.council.Councils.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may publish, read, post, support, discuss and close in a council of Nord. */
class CouncilContentPermissionsTest {

    private final Council council = Councils.council(false);

    @Test
    void leadersPublishDocumentsAndNewsOthersDoNot() {
        assertThat(CouncilContentPermissions.canPublish(ANIMATOR, council)).isTrue();
        assertThat(CouncilContentPermissions.canPublish(AGENT_OF_NORD, council)).isTrue();
        assertThat(CouncilContentPermissions.canPublish(OFFICE, council)).isTrue();
        assertThat(CouncilContentPermissions.canPublish(RESIDENT, council)).isFalse();
        assertThat(CouncilContentPermissions.canPublish(AGENT_OF_SUD, council)).isFalse();
        assertThat(CouncilContentPermissions.canPublish(MODERATOR, council)).isFalse();
        assertThat(CouncilContentPermissions.canPublish(ANONYMOUS, council)).isFalse();
    }

    @Test
    void publicContentIsForAnyoneMembersOnlyContentForMembersAndLeaders() {
        assertThat(CouncilContentPermissions.canSee(ANONYMOUS, council, false, false)).isTrue();
        assertThat(CouncilContentPermissions.canSee(OTHER_RESIDENT, council, false, false)).isTrue();

        assertThat(CouncilContentPermissions.canSee(ANONYMOUS, council, true, false)).isFalse();
        assertThat(CouncilContentPermissions.canSee(OTHER_RESIDENT, council, true, false)).isFalse();
        assertThat(CouncilContentPermissions.canSee(AGENT_OF_SUD, council, true, false)).isFalse();
        assertThat(CouncilContentPermissions.canSee(RESIDENT, council, true, true)).isTrue();
        assertThat(CouncilContentPermissions.canSee(ANIMATOR, council, true, false)).isTrue();
        assertThat(CouncilContentPermissions.canSee(AGENT_OF_NORD, council, true, false)).isTrue();
    }

    @Test
    void membersAndAnimatorsPostIdeas() {
        assertThat(CouncilContentPermissions.whyNotPostIdea(ANONYMOUS, council, false)).contains("council.idea.signIn");
        assertThat(CouncilContentPermissions.whyNotPostIdea(OTHER_RESIDENT, council, false))
                .contains("council.idea.membersOnly");
        assertThat(CouncilContentPermissions.whyNotPostIdea(AGENT_OF_NORD, council, false))
                .contains("council.idea.membersOnly");
        assertThat(CouncilContentPermissions.whyNotPostIdea(RESIDENT, council, true)).isEmpty();
        assertThat(CouncilContentPermissions.whyNotPostIdea(ANIMATOR, council, false)).isEmpty();
    }

    @Test
    void membersSupportTheOpenIdeasOfOthers() {
        Idea idea = new Idea(council, "Un composteur", "Dans le square", "resident", "Camille", NOW);

        assertThat(CouncilContentPermissions.whyNotSupport(ANONYMOUS, idea, false)).contains("council.idea.signIn");
        assertThat(CouncilContentPermissions.whyNotSupport(OTHER_RESIDENT, idea, false))
                .contains("council.idea.supportMembersOnly");
        assertThat(CouncilContentPermissions.whyNotSupport(RESIDENT, idea, true)).contains("council.idea.ownIdea");
        assertThat(CouncilContentPermissions.whyNotSupport(Councils.resident("voisin", "nord"), idea, true)).isEmpty();

        idea.close("Prévu au printemps", "animator", NOW);
        assertThat(CouncilContentPermissions.whyNotSupport(Councils.resident("voisin", "nord"), idea, true))
                .contains("council.idea.closed");
    }

    @Test
    void leadersCloseIdeas() {
        assertThat(CouncilContentPermissions.canCloseIdea(ANIMATOR, council)).isTrue();
        assertThat(CouncilContentPermissions.canCloseIdea(AGENT_OF_NORD, council)).isTrue();
        assertThat(CouncilContentPermissions.canCloseIdea(RESIDENT, council)).isFalse();
    }

    @Test
    void membersAndLeadersDiscussNewsAndIdeasOthersRead() {
        assertThat(CouncilContentPermissions.whyNoComments(RESIDENT, council, true)).isEmpty();
        assertThat(CouncilContentPermissions.whyNoComments(ANIMATOR, council, false)).isEmpty();
        assertThat(CouncilContentPermissions.whyNoComments(AGENT_OF_NORD, council, false)).isEmpty();
        assertThat(CouncilContentPermissions.whyNoComments(OFFICE, council, false)).isEmpty();
        assertThat(CouncilContentPermissions.whyNoComments(OTHER_RESIDENT, council, false))
                .contains("council.comments.membersOnly");
        assertThat(CouncilContentPermissions.whyNoComments(AGENT_OF_SUD, council, false))
                .contains("council.comments.membersOnly");
        assertThat(CouncilContentPermissions.whyNoComments(MODERATOR, council, false))
                .contains("council.comments.membersOnly");
    }

    @Test
    void visitorsAreAskedToSignInByTheCommentsThemselves() {
        assertThat(CouncilContentPermissions.whyNoComments(ANONYMOUS, council, false)).isEmpty();
    }
}
