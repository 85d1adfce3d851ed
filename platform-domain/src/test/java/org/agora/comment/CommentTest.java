package org.agora.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules a comment keeps by itself: its text, the depth of replies, editing and deleting. */
class CommentTest {

    static final Instant NOW = Instant.parse("2027-03-05T10:00:00Z");
    static final CommentTarget PROJECT = CommentTarget.budgetProject(7);
    static final Actor RESIDENT = new Actor("resident", Set.of(Role.RESIDENT), Optional.of(new DistrictCode("nord")), Set.of());
    static final CommentAuthor ALICE = CommentAuthor.of(RESIDENT, "Alice Martin");

    static void refused(ThrowingCallable action, String field, String key, Object... arguments) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).contains(field);
            if (arguments.length > 0) {
                assertThat(e.arguments()).containsExactly(arguments);
            }
        });
    }

    private static Comment comment(String text) {
        return Comment.on(PROJECT, ALICE, CommentBody.of(text), NOW);
    }

    @Test
    void theTextKeepsItsFormattingButLosesScriptsAndHandlers() {
        CommentBody body = CommentBody.of("<p>Bonne <strong>idée</strong><script>alert(1)</script></p>"
                + "<p onclick=\"steal()\">Merci</p><img src=x onerror=alert(2)>");

        assertThat(body.html()).isEqualTo("<p>Bonne <strong>idée</strong></p><p>Merci</p>");
    }

    @Test
    void anEmptyTextIsRefused() {
        refused(() -> CommentBody.of(null), "body", "comment.body.required");
        refused(() -> CommentBody.of("   "), "body", "comment.body.required");
        refused(() -> CommentBody.of("<p><br></p>"), "body", "comment.body.required");
        refused(() -> CommentBody.of("<script>alert(1)</script>"), "body", "comment.body.required");
    }

    @Test
    void aTextOverTwoThousandCharactersIsRefusedWithItsLength() {
        assertThat(CommentBody.of("<p>" + "a".repeat(2000) + "</p>").html()).hasSize(2007);

        refused(() -> CommentBody.of("<p>" + "a".repeat(2001) + "</p>"), "body", "comment.body.tooLong", 2000, 2001);
    }

    @Test
    void markupCountsOnlyUpToALimit() {
        String manyEmptyBolds = "<p>x" + "<strong> </strong>".repeat(800) + "</p>";

        refused(() -> CommentBody.of(manyEmptyBolds), "body", "comment.body.tooMuchMarkup", 2000);
    }

    @Test
    void repliesGoThreeLevelsDeepAtMost() {
        Comment top = comment("<p>Un</p>");
        Comment reply = top.reply(ALICE, CommentBody.of("deux"), NOW);
        Comment replyToReply = reply.reply(ALICE, CommentBody.of("trois"), NOW);

        assertThat(top.getDepth()).isZero();
        assertThat(reply.getDepth()).isEqualTo(1);
        assertThat(replyToReply.getDepth()).isEqualTo(2);
        assertThat(replyToReply.getTarget()).isEqualTo(PROJECT);
        refused(() -> replyToReply.reply(ALICE, CommentBody.of("quatre"), NOW), "parent", "comment.reply.tooDeep", 3);
    }

    @Test
    void anEditedCommentIsMarkedAndAnUnchangedTextIsNoEdit() {
        Comment comment = comment("<p>Bonne idée</p>");
        comment.edit(CommentBody.of("<p>Bonne idée</p>"), NOW.plusSeconds(60));
        assertThat(comment.isEdited()).isFalse();

        comment.edit(CommentBody.of("<p>Très bonne idée</p>"), NOW.plusSeconds(120));

        assertThat(comment.isEdited()).isTrue();
        assertThat(comment.getEditedAt()).contains(NOW.plusSeconds(120));
        assertThat(comment.getBody()).isEqualTo("<p>Très bonne idée</p>");
        assertThat(comment.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void aDeletedCommentLosesItsTextAndNoLongerChangesOrTakesReplies() {
        Comment comment = comment("<p>Mon adresse est 3 rue des Lilas</p>");

        comment.delete(NOW.plusSeconds(60));

        assertThat(comment.getStatus()).isEqualTo(CommentStatus.DELETED);
        assertThat(comment.getBody()).isEmpty();
        assertThat(comment.getDeletedAt()).contains(NOW.plusSeconds(60));
        assertThatThrownBy(() -> comment.edit(CommentBody.of("encore"), NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> comment.delete(NOW)).isInstanceOf(ConflictException.class);
        refused(() -> comment.reply(ALICE, CommentBody.of("réponse"), NOW), "parent", "comment.reply.notPublished");
    }

    @Test
    void staffSpeakForTheCityAndTheOfficeComesFirst() {
        Actor agent = new Actor("agent", Set.of(Role.DISTRICT_AGENT, Role.MODERATOR), Optional.empty(), Set.of());
        Actor office = new Actor("office", Set.of(Role.OFFICE_ADMIN, Role.DISTRICT_AGENT), Optional.empty(), Set.of());
        Actor moderator = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());

        assertThat(StaffBadge.of(RESIDENT)).isEmpty();
        assertThat(StaffBadge.of(agent)).contains(StaffBadge.TOWN_HALL);
        assertThat(StaffBadge.of(office)).contains(StaffBadge.DEMOCRACY_OFFICE);
        assertThat(StaffBadge.of(moderator)).contains(StaffBadge.MODERATION);
    }

    @Test
    void theAuthorGoesByTheirNameOrElseTheirUsername() {
        assertThat(ALICE.displayName()).isEqualTo("Alice Martin");
        assertThat(CommentAuthor.of(RESIDENT, "  ").displayName()).isEqualTo("resident");
        assertThat(CommentAuthor.of(RESIDENT, "n".repeat(300)).displayName()).hasSize(200);
    }
}
