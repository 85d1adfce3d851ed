package org.agora.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.ProjectDraft;
import org.agora.budget.project.ProjectService;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.Question.Common;
import org.agora.consultation.Question;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comments against a real database, on real budget projects and consultations; run on H2 and PostgreSQL by the
 * subclasses: threads in reading order with staff badges, every refusal with its key and nothing stored, editing and
 * deleting by the author only, the owners' openness (a project until the vote ends, a consultation while it is
 * open), and counts for many targets in one query.
 */
abstract class CommentPersistenceContract extends DatabaseTest {

    static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z");
    static final Instant SUBMISSION = day(5);
    static final Instant AFTER_VOTE = day(86);
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("nord")));
    static final Actor ALICE = resident("alice");
    static final Actor BRUNO = resident("bruno");
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());

    private CommentTarget garden;
    private CommentTarget benches;
    private CommentTarget unusedProject;

    static Instant day(int n) {
        return MARCH.plusSeconds(86_400L * n);
    }

    static Actor resident(String username) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode("nord")), Set.of());
    }

    /** A call whose submission runs from day 0 to 30 and vote from day 70 to 85; three projects in Nord. */
    @BeforeEach
    void projectsInNord() {
        List<EnvelopeDraft> envelopes = new ArrayList<>();
        for (String code : List.of("centre", "nord", "sud", "est", "ouest")) {
            envelopes.add(new EnvelopeDraft(code, 150_000));
        }
        PhasePlan phases = new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(85)), day(86), day(120));
        long callId = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE, new BudgetCallDraft(
                "Budget 2027", 2027, 750_000, envelopes, phases, new VotingRule.Knapsack(), TallyRule.GREEDY, null))).getId();
        long nord = db().inTransaction(em -> Services.on(em).budget().getCall(callId)
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        garden = CommentTarget.budgetProject(project(nord, "Un jardin partagé"));
        benches = CommentTarget.budgetProject(project(nord, "Des bancs"));
        unusedProject = CommentTarget.budgetProject(project(nord, "Une fontaine"));
    }

    private long project(long envelope, String title) {
        return db().inTransaction(em -> Services.on(em).projects().submit(ALICE, new ProjectDraft(title, "Pour le quartier.",
                envelope, "Place du Marché", (BigDecimal) null, null, 20_000L, null), SUBMISSION)).getId();
    }

    private <T> T comments(Function<CommentService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).comments()));
    }

    private Comment post(Actor actor, CommentTarget target, String body) {
        return comments(c -> c.post(actor, actor.username() + " name", target, body, SUBMISSION));
    }

    private Comment reply(Actor actor, CommentTarget target, Comment parent, String body) {
        return comments(c -> c.reply(actor, actor.username() + " name", target, parent.getId(), body, SUBMISSION));
    }

    private Discussion discussion(Actor reader, CommentTarget target, Instant now) {
        return comments(c -> c.discussion(reader, target, now));
    }

    private List<Comment> thread(Actor reader, CommentTarget target, Instant now) {
        return discussion(reader, target, now).comments();
    }

    private long count(CommentTarget target) {
        return comments(c -> c.count(target));
    }

    private Map<Long, Long> counts(CommentTarget.Kind kind, List<Long> ids) {
        return comments(c -> c.counts(kind, ids));
    }

    private Optional<String> whyNotComment(Actor actor, CommentTarget target) {
        return comments(c -> c.whyNotComment(actor, target, SUBMISSION));
    }

    private List<String> bodies(CommentTarget target) {
        return thread(Actor.anonymous(), target, SUBMISSION).stream().map(Comment::getBody).toList();
    }

    private long stored() {
        return db().inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from comments")
                .getSingleResult()).longValue());
    }

    private static void notAllowed(ThrowingCallable action, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(NotAllowedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void residentsAndStaffDiscussAProjectInReadingOrder() {
        Comment first = post(ALICE, garden, "<p>Où seront les <strong>bacs</strong> ?</p>");
        Comment second = post(BRUNO, garden, "<p>Je peux arroser.</p>");
        Comment answer = reply(AGENT, garden, first, "<p>Le long du mur, côté soleil.</p>");
        Comment thanks = reply(ALICE, garden, answer, "<p>Merci !</p>");

        List<Comment> thread = thread(Actor.anonymous(), garden, SUBMISSION);

        assertThat(thread).extracting(Comment::getId)
                .containsExactly(first.getId(), answer.getId(), thanks.getId(), second.getId());
        assertThat(thread).extracting(Comment::getDepth).containsExactly(0, 1, 2, 0);
        Comment stored = thread.get(1);
        assertThat(stored.getParentId()).contains(first.getId());
        assertThat(stored.getAuthor()).isEqualTo("agent");
        assertThat(stored.getAuthorName()).isEqualTo("agent name");
        assertThat(stored.getAuthorBadge()).contains(StaffBadge.TOWN_HALL);
        assertThat(thread.get(0).getAuthorBadge()).isEmpty();
        assertThat(thread.get(0).getBody()).isEqualTo("<p>Où seront les <strong>bacs</strong> ?</p>");
        assertThat(thread.get(0).getCreatedAt()).isEqualTo(SUBMISSION);
        assertThat(thread(Actor.anonymous(), benches, SUBMISSION)).isEmpty();
        assertThat(count(garden)).isEqualTo(4);
    }

    @Test
    void badTextsAreRefusedAndNothingIsStored() {
        CommentTest.refused(() -> post(ALICE, garden, ""), "body", "comment.body.required");
        CommentTest.refused(() -> post(ALICE, garden, "<p><br></p>"), "body", "comment.body.required");
        CommentTest.refused(() -> post(ALICE, garden, "a".repeat(2001)), "body", "comment.body.tooLong", 2000, 2001);
        assertThat(stored()).isZero();

        post(ALICE, garden, "<p>Bien<script>alert('x')</script></p><iframe src=\"https://evil.example\"></iframe>");

        assertThat(bodies(garden)).containsExactly("<p>Bien</p>");
    }

    @Test
    void aReplyTellsTheParentsAuthorInTheAppAndByMailButNotTheirOwnReplies() {
        Comment question = post(ALICE, garden, "<p>Où planter les tomates ?</p>");
        Comment answer = reply(AGENT, garden, question, "<p>Le long du <b>mur</b>.</p>");
        reply(ALICE, garden, answer, "<p>Merci !</p>");
        reply(ALICE, garden, question, "<p>Je précise : côté sud.</p>");
        List<org.agora.notification.Notification> alices = db().inTransaction(em -> Services.on(em).notificationCentre()
                .list(ALICE, 0, 10));
        assertThat(alices).singleElement().satisfies(n -> {
            assertThat(n.getEvent()).isEqualTo("comment.reply");
            assertThat(n.getArguments()).containsExactly("agent name", "Le long du mur.");
            assertThat(n.getLink()).contains("/budget/project.xhtml?id=" + garden.id() + "#comment-" + answer.getId());
        });
        // the agent is told about Alice's thanks; the mails follow the defaults (a reply: by e-mail too)
        long agentsUnread = db().inTransaction(em -> Services.on(em).notificationCentre().unreadCount(AGENT));
        assertThat(agentsUnread).isEqualTo(1L);
        List<String> mailed = db().inTransaction(em -> em.createQuery("select m.recipient from Mail m order by m.recipient",
                String.class).getResultList());
        assertThat(mailed).containsExactly("agent", "alice");
    }

    @Test
    void aReplyGoesNoDeeperThanThreeLevels() {
        Comment top = post(ALICE, garden, "Un");
        Comment second = reply(BRUNO, garden, top, "Deux");
        Comment third = reply(ALICE, garden, second, "Trois");

        CommentTest.refused(() -> reply(BRUNO, garden, third, "Quatre"), "parent", "comment.reply.tooDeep", 3);

        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aReplyIsOnTheSameTargetAsItsParent() {
        Comment onGarden = post(ALICE, garden, "Sur le jardin");

        CommentTest.refused(() -> reply(BRUNO, benches, onGarden, "Sur les bancs ?"), "parent", "comment.reply.otherTarget");
        CommentTest.refused(() -> comments(c -> c.reply(BRUNO, "Bruno", garden, 999_999L, "?", SUBMISSION)),
                "parent", "comment.reply.parentNotFound", 999_999L);

        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void onlyTheAuthorEditsAndTheCommentIsMarkedEdited() {
        Comment comment = post(ALICE, garden, "<p>Bonne idée</p>");

        notAllowed(() -> comments(c -> c.edit(BRUNO, comment.getId(), "<p>Mauvaise idée</p>", SUBMISSION)),
                "comment.authorOnly");
        notAllowed(() -> comments(c -> c.edit(OFFICE, comment.getId(), "<p>Mauvaise idée</p>", SUBMISSION)),
                "comment.authorOnly");
        CommentTest.refused(() -> comments(c -> c.edit(ALICE, comment.getId(), " ", SUBMISSION)),
                "body", "comment.body.required");
        assertThat(bodies(garden)).containsExactly("<p>Bonne idée</p>");

        comments(c -> c.edit(ALICE, comment.getId(), "<p>Très bonne idée</p>", SUBMISSION.plusSeconds(300)));

        Comment edited = thread(Actor.anonymous(), garden, SUBMISSION).get(0);
        assertThat(edited.getBody()).isEqualTo("<p>Très bonne idée</p>");
        assertThat(edited.getEditedAt()).contains(SUBMISSION.plusSeconds(300));
    }

    @Test
    void aDeletedCommentKeepsItsRepliesAsAPlaceholder() {
        Comment question = post(ALICE, garden, "<p>Mon numéro : 06 12 34 56 78</p>");
        Comment answer = reply(AGENT, garden, question, "<p>Merci, nous vous appelons.</p>");
        Comment alone = post(BRUNO, garden, "<p>Hors sujet</p>");

        notAllowed(() -> comments(c -> c.delete(BRUNO, question.getId(), SUBMISSION)), "comment.authorOnly");
        comments(c -> c.delete(ALICE, question.getId(), SUBMISSION));
        comments(c -> c.delete(BRUNO, alone.getId(), SUBMISSION));

        List<Comment> thread = thread(Actor.anonymous(), garden, SUBMISSION);
        assertThat(thread).extracting(Comment::getId).containsExactly(question.getId(), answer.getId());
        assertThat(thread.get(0).getStatus()).isEqualTo(CommentStatus.DELETED);
        assertThat(thread.get(0).getBody()).isEmpty();
        assertThat(count(garden)).isEqualTo(1);
        assertThat(discussion(Actor.anonymous(), garden, SUBMISSION).count()).isEqualTo(1);
        assertThatThrownBy(() -> comments(c -> c.delete(ALICE, question.getId(), SUBMISSION)))
                .isInstanceOf(ConflictException.class);
        CommentTest.refused(() -> reply(BRUNO, garden, question, "Et alors ?"), "parent", "comment.reply.notPublished");
        String storedBody = db().inTransaction(em -> (String) em.createNativeQuery("select body from comments where id = ?")
                .setParameter(1, question.getId()).getSingleResult());
        assertThat(storedBody).isEmpty();
    }

    @Test
    void visitorsReadButOnlySignedInResidentsAndStaffWrite() {
        notAllowed(() -> post(Actor.anonymous(), garden, "Anonyme"), "comment.signInFirst");
        notAllowed(() -> post(ANALYST, garden, "Chiffres"), "comment.residentsAndStaffOnly");
        post(OFFICE, garden, "<p>La Mission démocratie vous répond.</p>");

        assertThat(thread(Actor.anonymous(), garden, SUBMISSION)).singleElement()
                .satisfies(c -> assertThat(c.getAuthorBadge()).contains(StaffBadge.DEMOCRACY_OFFICE));
        assertThat(whyNotComment(Actor.anonymous(), garden)).contains("comment.signInFirst");
        assertThat(whyNotComment(ALICE, garden)).isEmpty();
    }

    @Test
    void aProjectTakesCommentsUntilTheVoteEndsThenItsAuthorsMayOnlyDelete() {
        Comment comment = post(ALICE, garden, "<p>Avant le vote</p>");
        Instant voting = day(80);
        comments(c -> c.post(BRUNO, "Bruno", garden, "<p>Pendant le vote</p>", voting));

        notAllowed(() -> comments(c -> c.post(BRUNO, "Bruno", garden, "Trop tard", AFTER_VOTE)), "budget.comments.voteOver");
        notAllowed(() -> comments(c -> c.reply(BRUNO, "Bruno", garden, comment.getId(), "Trop tard", AFTER_VOTE)),
                "budget.comments.voteOver");
        notAllowed(() -> comments(c -> c.edit(ALICE, comment.getId(), "Changé", AFTER_VOTE)), "budget.comments.voteOver");
        assertThat(discussion(Actor.anonymous(), garden, AFTER_VOTE).whyClosed())
                .contains("budget.comments.voteOver");

        comments(c -> c.delete(ALICE, comment.getId(), AFTER_VOTE));

        assertThat(count(garden)).isEqualTo(1);
    }

    @Test
    void aConsultationTakesCommentsWhileItIsOpenAndADraftIsSeenByItsOrganisersOnly() {
        Instant now = day(1);
        long id = db().inTransaction(em -> {
            ConsultationService consultations = Services.on(em).consultations();
            long created = consultations.create(AGENT, new ConsultationDraft("Le vélo", "<p>Votre avis</p>", null, "nord",
                    now.plus(7, ChronoUnit.DAYS), now.plus(21, ChronoUnit.DAYS), false, true)).getId();
            consultations.replaceQuestions(AGENT, created,
                    List.of(new Question.FreeText(Common.of("idea", "Votre idée", false), false)));
            return created;
        });
        CommentTarget consultation = CommentTarget.consultation(id);

        assertThatThrownBy(() -> thread(ALICE, consultation, now)).isInstanceOf(NotFoundException.class);
        assertThat(discussion(AGENT, consultation, now).whyClosed()).contains("consultation.comments.notOpen");
        notAllowed(() -> comments(c -> c.post(AGENT, "Agent", consultation, "Pas encore", now)), "consultation.comments.notOpen");

        db().inTransaction(em -> {
            ConsultationService consultations = Services.on(em).consultations();
            consultations.schedule(AGENT, id, now);
            return consultations.openNow(AGENT, id, now.plusSeconds(60));
        });
        comments(c -> c.post(ALICE, "Alice", consultation, "<p>Plus de pistes cyclables</p>", now.plusSeconds(120)));
        assertThat(thread(Actor.anonymous(), consultation, now.plusSeconds(120))).hasSize(1);

        db().inTransaction(em -> Services.on(em).consultations().closeNow(AGENT, id, now.plusSeconds(180)));
        notAllowed(() -> comments(c -> c.post(BRUNO, "Bruno", consultation, "Fermé", now.plusSeconds(240))),
                "consultation.comments.notOpen");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void countsOfManyTargetsComeFromOneQueryAndLeaveOutDeletedComments() {
        Comment first = post(ALICE, garden, "Un");
        reply(BRUNO, garden, first, "Deux");
        Comment onBenches = post(BRUNO, benches, "Trois");
        post(ALICE, benches, "Quatre");
        comments(c -> c.delete(BRUNO, onBenches.getId(), SUBMISSION));

        Map<Long, Long> counts = counts(CommentTarget.Kind.BUDGET_PROJECT,
                List.of(garden.id(), benches.id(), unusedProject.id()));

        assertThat(counts).containsOnly(Map.entry(garden.id(), 2L), Map.entry(benches.id(), 1L));
        assertThat(counts(CommentTarget.Kind.CONSULTATION, List.of(garden.id()))).isEmpty();
        assertThat(counts(CommentTarget.Kind.BUDGET_PROJECT, List.of())).isEmpty();
    }

    @Test
    void anUnknownTargetOrAKindWithoutOwnerIsNotFound() {
        assertThatThrownBy(() -> post(ALICE, CommentTarget.budgetProject(999_999), "?")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> post(ALICE, new CommentTarget(CommentTarget.Kind.COUNCIL_POST, garden.id()), "?"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> comments(c -> c.edit(ALICE, 999_999, "?", SUBMISSION))).isInstanceOf(NotFoundException.class);
        assertThat(stored()).isZero();
    }
}
