package org.agora.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

/** Who may write, edit and delete comments, and when. */
class CommentPermissionsTest {

    static final Commentable OPEN = Commentable.open(CommentTest.PROJECT);
    static final Commentable CLOSED = Commentable.closed(CommentTest.PROJECT, "budget.comments.voteOver");
    static final Actor RESIDENT = CommentTest.RESIDENT;
    static final Actor NEIGHBOUR = new Actor("voisine", Set.of(Role.RESIDENT), Optional.empty(), Set.of());

    private static Actor with(Role role) {
        return new Actor(role.realmName(), Set.of(role), Optional.empty(), Set.of());
    }

    private static Comment byResident() {
        return Comment.on(CommentTest.PROJECT, CommentTest.ALICE, CommentBody.of("<p>Bonne idée</p>"), CommentTest.NOW);
    }

    @Test
    void signedInResidentsAndStaffComment() {
        assertThat(CommentPermissions.whyNotComment(RESIDENT, OPEN)).isEmpty();
        assertThat(CommentPermissions.whyNotComment(with(Role.DISTRICT_AGENT), OPEN)).isEmpty();
        assertThat(CommentPermissions.whyNotComment(with(Role.MODERATOR), OPEN)).isEmpty();
        assertThat(CommentPermissions.whyNotComment(with(Role.OFFICE_ADMIN), OPEN)).isEmpty();
        assertThat(CommentPermissions.canComment(RESIDENT, OPEN)).isTrue();
        assertThat(CommentPermissions.canComment(with(Role.MODERATOR), OPEN)).isTrue();
    }

    @Test
    void visitorsAndAnalystsOnlyRead() {
        assertThat(CommentPermissions.whyNotComment(Actor.anonymous(), OPEN)).contains("comment.signInFirst");
        assertThat(CommentPermissions.whyNotComment(with(Role.ANALYST), OPEN)).contains("comment.residentsAndStaffOnly");
        assertThat(CommentPermissions.canComment(Actor.anonymous(), OPEN)).isFalse();
        assertThat(CommentPermissions.canComment(with(Role.ANALYST), OPEN)).isFalse();
        assertThat(CommentPermissions.canComment(RESIDENT, CLOSED)).isFalse();
    }

    @Test
    void aClosedTargetTakesNoCommentsWithItsOwnersReason() {
        assertThat(CommentPermissions.whyNotComment(RESIDENT, CLOSED)).contains("budget.comments.voteOver");
        assertThat(CommentPermissions.whyNotComment(Actor.anonymous(), CLOSED)).contains("budget.comments.voteOver");
    }

    @Test
    void onlyTheAuthorEditsWhileTheTargetIsOpen() {
        Comment comment = byResident();

        assertThat(CommentPermissions.whyNotEdit(RESIDENT, comment, OPEN)).isEmpty();
        assertThat(CommentPermissions.whyNotEdit(NEIGHBOUR, comment, OPEN)).contains("comment.authorOnly");
        assertThat(CommentPermissions.whyNotEdit(with(Role.OFFICE_ADMIN), comment, OPEN)).contains("comment.authorOnly");
        assertThat(CommentPermissions.whyNotEdit(Actor.anonymous(), comment, OPEN)).contains("comment.authorOnly");
        assertThat(CommentPermissions.whyNotEdit(RESIDENT, comment, CLOSED)).contains("budget.comments.voteOver");
    }

    @Test
    void onlyTheAuthorDeletesAPublishedComment() {
        Comment comment = byResident();

        assertThat(CommentPermissions.canDelete(RESIDENT, comment)).isTrue();
        assertThat(CommentPermissions.canDelete(NEIGHBOUR, comment)).isFalse();
        assertThat(CommentPermissions.canDelete(with(Role.MODERATOR), comment)).isFalse();
        assertThat(CommentPermissions.whyNotDelete(RESIDENT, comment)).isEmpty();
        assertThat(CommentPermissions.whyNotDelete(NEIGHBOUR, comment)).contains("comment.authorOnly");
        assertThat(CommentPermissions.whyNotDelete(Actor.anonymous(), comment)).contains("comment.authorOnly");

        comment.delete(CommentTest.NOW);

        assertThat(CommentPermissions.canDelete(RESIDENT, comment)).isFalse();
        assertThat(CommentPermissions.canEdit(RESIDENT, comment, OPEN)).isFalse();
    }
}
