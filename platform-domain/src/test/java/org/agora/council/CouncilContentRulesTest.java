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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Who may publish, read, post, support and close in a council, and what a news post and an idea accept. */
class CouncilContentRulesTest {

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
    void newsPostKeepsSafeTagsOnlyAndNeedsATitleAndAText() {
        NewsPost post = new NewsPost(council, "  Fête   de quartier ", "<p>Le <b>12 juin</b><script>alert(1)</script>"
                + "<img src=x onerror=alert(1)></p>", true, "animator", NOW);

        assertThat(post.getTitle()).isEqualTo("Fête de quartier");
        assertThat(post.getBody()).isEqualTo("<p>Le <b>12 juin</b></p>");
        assertThat(post.isMembersOnly()).isTrue();
        assertThat(post.getPublishedAt()).isEqualTo(NOW);

        invalid(() -> new NewsPost(council, " ", "<p>Texte</p>", false, "animator", NOW), "title", "validation.required");
        invalid(() -> new NewsPost(council, "Titre", "<p><script>x()</script></p>", false, "animator", NOW), "body",
                "validation.required");
        invalid(() -> new NewsPost(council, "x".repeat(201), "<p>Texte</p>", false, "animator", NOW), "title",
                "validation.tooLong");
    }

    @Test
    void ideaKeepsItsLinesAndIsClosedOnceWithAnAnswer() {
        Idea idea = new Idea(council, "Des bancs", "Devant l'école\r\net au square", "resident", "Camille", NOW);
        assertThat(idea.getText()).isEqualTo("Devant l'école\net au square");
        assertThat(idea.isOpen()).isTrue();
        assertThat(idea.getAnswer()).isEmpty();

        invalid(() -> idea.close("  ", "animator", NOW), "answer", "validation.required");
        assertThat(idea.isOpen()).isTrue();
        idea.close("Deux bancs seront posés en mai.", "animator", NOW);
        assertThat(idea.getStatus()).isEqualTo(IdeaStatus.CLOSED);
        assertThat(idea.getAnswer()).contains("Deux bancs seront posés en mai.");
        assertThat(idea.getClosedAt()).isEqualTo(Optional.of(NOW));
        assertThatThrownBy(() -> idea.close("Encore", "animator", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.messageKey()).isEqualTo("council.idea.alreadyClosed"));

        invalid(() -> new Idea(council, "", "Texte", "resident", "Camille", NOW), "title", "validation.required");
        invalid(() -> new Idea(council, "Titre", "", "resident", "Camille", NOW), "text", "validation.required");
        invalid(() -> new Idea(council, "Titre", "x".repeat(5001), "resident", "Camille", NOW), "text",
                "validation.tooLong");
    }

    @Test
    void documentTitleIsRequiredAndShort() {
        assertThat(CouncilDocument.checkedTitle(" Compte rendu\tde mars ")).isEqualTo("Compte rendu de mars");
        invalid(() -> CouncilDocument.checkedTitle(null), "title", "validation.required");
        invalid(() -> CouncilDocument.checkedTitle("x".repeat(201)), "title", "validation.tooLong");
    }

    private static void invalid(ThrowingCallable action, String field, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field().orElse(null)).isEqualTo(field);
        });
    }
}
