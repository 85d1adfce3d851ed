package org.agora.council;

import static org.agora.council.Councils.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What a news post, an idea and a document accept; who may do what with them: {@link CouncilContentPermissionsTest}. */
class CouncilContentRulesTest {

    private final Council council = Councils.council(false);

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
