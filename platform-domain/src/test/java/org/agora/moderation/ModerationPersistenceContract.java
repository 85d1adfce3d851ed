package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectDraft;
import org.agora.budget.project.ProjectFilter;
import org.agora.budget.project.ProjectStatus;
import org.agora.comment.Comment;
import org.agora.comment.CommentTarget;
import org.agora.council.CouncilDraft;
import org.agora.council.IdeaService;
import org.agora.media.TestDocuments;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.DomainException;
import org.agora.shared.InvalidInputException;
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
 * Moderation against a real database, on real comments, budget proposals, council ideas and news posts; run on H2 and
 * PostgreSQL by the subclasses: one report per person per item even for a double submit, the threshold hiding an item
 * from every read of its owner until a moderator decides, the queue by district, every act in the audit log, which
 * the database refuses to change, and blocked residents refused.
 */
abstract class ModerationPersistenceContract extends DatabaseTest {

    static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z");
    static final Instant NOW = MARCH.plusSeconds(86_400L * 5);
    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(SUD));
    static final Actor ALICE = resident("alice", NORD);
    static final Actor BRUNO = resident("bruno", NORD);
    static final Actor CHLOE = resident("chloe", NORD);
    static final Actor DAVID = resident("david", NORD);
    static final Actor SOLENE = resident("solene", SUD);

    private long callId;
    private long sudEnvelope;
    private long garden;
    private long council;
    private CommentTarget gardenTarget;

    static Actor resident(String username, DistrictCode district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(district), Set.of());
    }

    static Instant day(int n) {
        return MARCH.plusSeconds(86_400L * n);
    }

    @BeforeEach
    void aCallACouncilAndTheirContent() {
        List<EnvelopeDraft> envelopes = new ArrayList<>();
        for (String code : List.of("centre", "nord", "sud", "est", "ouest")) {
            envelopes.add(new EnvelopeDraft(code, 150_000));
        }
        PhasePlan phases = new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(85)), day(86), day(120));
        callId = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE, new BudgetCallDraft(
                "Budget 2027", 2027, 750_000, envelopes, phases, new VotingRule.Knapsack(), TallyRule.GREEDY, null))).getId();
        long nord = envelope(NORD);
        sudEnvelope = envelope(SUD);
        garden = project(ALICE, nord, "Un jardin partagé");
        gardenTarget = CommentTarget.budgetProject(garden);
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        council = db().inTransaction(em -> Services.on(em).councils().create(AGENT_OF_NORD, aubiers,
                new CouncilDraft("Conseil des Aubiers", "<p>Bienvenue</p>", "conseil@belrive.example", false,
                        List.of("alice")), NOW)).getId();
        for (Actor member : List.of(ALICE, BRUNO, CHLOE, DAVID)) {
            db().inTransaction(em -> Services.on(em).councils().join(member, council, member.username(), NOW));
        }
    }

    private long envelope(DistrictCode district) {
        return db().inTransaction(em -> Services.on(em).budget().getCall(callId)
                .findEnvelope(Optional.of(district)).orElseThrow().getId());
    }

    private long project(Actor author, long envelope, String title) {
        return db().inTransaction(em -> Services.on(em).projects().submit(author, new ProjectDraft(title,
                "Pour le quartier.", envelope, "Place du Marché", (BigDecimal) null, null, 20_000L, null), NOW)).getId();
    }

    private <T> T moderation(int autoHide, Function<ModerationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).moderation(autoHide)));
    }

    private <T> T moderation(Function<ModerationService, T> work) {
        return moderation(3, work);
    }

    private Report report(Actor reporter, ItemRef item, ReportReason reason) {
        return moderation(m -> m.report(reporter, item, reason, null, NOW));
    }

    private Comment comment(Actor author, String body) {
        return db().inTransaction(em -> Services.on(em).comments().post(author, author.username(), gardenTarget, body, NOW));
    }

    private ModerationCase onlyCase(Actor staff) {
        List<ModerationCase> queue = moderation(m -> m.queue(staff, ModerationService.QueueFilter.AWAITING));
        assertThat(queue).hasSize(1);
        return queue.get(0);
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private List<AuditEntry> audit(AuditLog.Filter filter) {
        return db().inTransaction(em -> Services.on(em).audit().read(OFFICE, filter));
    }

    private List<String> projectTitles() {
        List<BudgetProject> found = db().inTransaction(em -> Services.on(em).projects().search(ProjectFilter.allOf(callId)));
        return found.stream().map(BudgetProject::getTitle).toList();
    }

    private long commentCount() {
        Long count = db().inTransaction(em -> Services.on(em).comments().count(gardenTarget));
        return count;
    }

    private Visibility commentVisibility(long id) {
        Comment comment = db().inTransaction(em -> Services.on(em).comments().get(id));
        return comment.getVisibility();
    }

    private int ideasOnBoard() {
        List<IdeaService.IdeaLine> board = db().inTransaction(em -> Services.on(em).ideas().board(DAVID, council,
                IdeaService.Order.NEWEST));
        return board.size();
    }

    private int newsShown() {
        List<?> news = db().inTransaction(em -> Services.on(em).councilNews().visible(DAVID, council));
        return news.size();
    }

    private int documentsListed() {
        List<?> documents = db().inTransaction(em -> Services.on(em).councilDocuments().visible(DAVID, council));
        return documents.size();
    }

    private List<ModerationCase> queue(Actor staff) {
        return moderation(m -> m.queue(staff, ModerationService.QueueFilter.AWAITING));
    }

    private static void refused(ThrowingCallable action, Class<? extends DomainException> type, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(type, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void onePersonReportsAnItemOnceAndASecondReportIsAClearConflict() {
        Comment comment = comment(ALICE, "<p>Achetez mes montres</p>");
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment.getId());
        report(BRUNO, item, ReportReason.SPAM);

        refused(() -> report(BRUNO, item, ReportReason.OFFENSIVE), ConflictException.class, "moderation.report.already");

        assertThat(count("select count(*) from moderation_reports")).isEqualTo(1);
    }

    @Test
    void aDoubleSubmitStoresOneReport() throws Exception {
        Comment comment = comment(ALICE, "<p>Achetez mes montres</p>");
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment.getId());
        report(CHLOE, item, ReportReason.SPAM); // the case exists: both clicks meet on its row
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                Callable<String> click = () -> {
                    start.await();
                    try {
                        report(BRUNO, item, ReportReason.SPAM);
                        return "reported";
                    } catch (ConflictException e) {
                        return e.messageKey();
                    }
                };
                outcomes.add(pool.submit(click));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("reported", "moderation.report.already");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from moderation_reports where reporter = 'bruno'")).isEqualTo(1);
        assertThat(onlyCase(MODERATOR).getOpenReports()).isEqualTo(2);
    }

    @Test
    void theDatabaseKeyRefusesASecondReportOnItsOwn() throws SQLException {
        Comment comment = comment(ALICE, "<p>Texte</p>");
        report(BRUNO, new ItemRef(ItemKind.COMMENT, comment.getId()), ReportReason.SPAM);
        long caseId = onlyCase(MODERATOR).getId();
        String insert = "insert into moderation_reports (id, case_id, reporter, reason, status, reported_at) values (%d, "
                + caseId + ", 'bruno', 'SPAM', 'OPEN', CURRENT_TIMESTAMP)";
        assertThatThrownBy(() -> db().sql(insert.formatted(999_001))).isInstanceOf(SQLException.class);
        assertThat(count("select count(*) from moderation_reports")).isEqualTo(1);
    }

    @Test
    void badReportsAreRefusedAndNothingIsStored() {
        Comment comment = comment(ALICE, "<p>Texte</p>");
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment.getId());
        refused(() -> moderation(m -> m.report(BRUNO, item, ReportReason.OTHER, " ", NOW)), InvalidInputException.class,
                "moderation.report.detailsRequired");
        refused(() -> report(ALICE, item, ReportReason.SPAM), NotAllowedException.class, "moderation.report.own");
        refused(() -> report(Actor.anonymous(), item, ReportReason.SPAM), NotAllowedException.class,
                "moderation.report.signIn");
        refused(() -> report(BRUNO, new ItemRef(ItemKind.COMMENT, 999_999), ReportReason.SPAM), NotFoundException.class,
                "moderation.item.notFound");
        assertThat(count("select count(*) from moderation_reports")).isZero();
        assertThat(count("select count(*) from moderation_cases")).isZero();
    }

    @Test
    void theThresholdHidesACommentUntilAModeratorRestoresIt() {
        Comment comment = comment(ALICE, "<p>Un avis tranché</p>");
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment.getId());
        report(BRUNO, item, ReportReason.OFFENSIVE);
        report(CHLOE, item, ReportReason.OFFENSIVE);
        assertThat(commentCount()).isEqualTo(1);

        report(DAVID, item, ReportReason.SPAM);

        assertThat(commentCount()).isZero();
        assertThat(commentVisibility(comment.getId())).isEqualTo(Visibility.PENDING_REVIEW);
        ModerationCase pending = onlyCase(MODERATOR);
        assertThat(pending.getState()).isEqualTo(CaseState.PENDING);
        Optional<CaseState> state = moderation(m -> m.stateOf(item));
        assertThat(state).contains(CaseState.PENDING);
        List<ModerationService.MyReport> mine = moderation(m -> m.myReports(BRUNO));
        assertThat(mine).extracting(ModerationService.MyReport::state).containsExactly(CaseState.PENDING);

        moderation(m -> m.restore(MODERATOR, pending.getId(), "Critique légitime", NOW));

        assertThat(commentCount()).isEqualTo(1);
        assertThat(commentVisibility(comment.getId()))
                .isEqualTo(Visibility.SHOWN);
        assertThat(queue(MODERATOR)).isEmpty();
        assertThat(count("select count(*) from moderation_reports where status = 'DISMISSED'")).isEqualTo(3);
    }

    @Test
    void theThresholdIsConfigurable() {
        Comment comment = comment(ALICE, "<p>Un avis</p>");
        moderation(1, m -> m.report(BRUNO, new ItemRef(ItemKind.COMMENT, comment.getId()), ReportReason.SPAM, null, NOW));
        assertThat(commentCount()).isZero();
    }

    @Test
    void hiddenItemsLeaveTheirOwnersListsAndFiles() {
        long idea = db().inTransaction(em -> Services.on(em).ideas().post(BRUNO, council, "Un composteur", "Au square",
                NOW)).getId();
        long post = db().inTransaction(em -> Services.on(em).councilNews().post(ALICE, council, "Fête",
                "<p>Samedi</p>", false, NOW)).getId();
        long document = db().inTransaction(em -> Services.on(em).councilDocuments().publish(ALICE, council, "Tract",
                false, "tract.docx", TestDocuments.docx("Tract"), NOW)).getId();
        for (ItemRef item : List.of(new ItemRef(ItemKind.BUDGET_PROJECT, garden), new ItemRef(ItemKind.COUNCIL_IDEA, idea),
                new ItemRef(ItemKind.COUNCIL_POST, post), new ItemRef(ItemKind.COUNCIL_DOCUMENT, document))) {
            moderation(1, m -> m.report(DAVID, item, ReportReason.SPAM, null, NOW));
        }

        assertThat(projectTitles()).isEmpty();
        assertThat(ideasOnBoard()).isZero();
        assertThat(newsShown()).isZero();
        assertThat(documentsListed()).isZero();
        refused(() -> db().inTransaction(em -> Services.on(em).councilDocuments().file(DAVID, document)),
                NotFoundException.class, "council.document.notFound");
        // by its address the item is still found: its page shows the state in its place
        BudgetProject hidden = db().inTransaction(em -> Services.on(em).projects().get(garden));
        assertThat(hidden.getVisibility().state()).isEqualTo(Visibility.State.PENDING);

        for (ModerationCase c : queue(MODERATOR)) {
            moderation(m -> m.keep(MODERATOR, c.getId(), null, NOW));
        }
        assertThat(projectTitles()).containsExactly("Un jardin partagé");
        assertThat(ideasOnBoard()).isEqualTo(1);
        assertThat(newsShown()).isEqualTo(1);
        assertThat(documentsListed()).isEqualTo(1);
    }

    @Test
    void aModeratorHidesWithAPublicReasonAndRejectsAProposal() {
        Comment comment = comment(BRUNO, "<p>Numéro de téléphone de mon voisin</p>");
        report(CHLOE, new ItemRef(ItemKind.COMMENT, comment.getId()), ReportReason.PERSONAL_DATA);
        report(CHLOE, new ItemRef(ItemKind.BUDGET_PROJECT, garden), ReportReason.OFF_TOPIC);
        List<ModerationCase> queue = queue(MODERATOR);
        ModerationCase onComment = queue.stream().filter(c -> c.getItem().kind() == ItemKind.COMMENT).findFirst().orElseThrow();
        ModerationCase onProject = queue.stream().filter(c -> c.getItem().kind() == ItemKind.BUDGET_PROJECT).findFirst()
                .orElseThrow();

        moderation(m -> m.hide(MODERATOR, onComment.getId(), "Données personnelles", NOW));
        refused(() -> moderation(m -> m.reject(MODERATOR, onComment.getId(), "Hors sujet", NOW)),
                ConflictException.class, "moderation.reject.notThisKind");
        moderation(m -> m.reject(AGENT_OF_NORD, onProject.getId(), "Ce n'est pas un projet d'investissement", NOW));

        assertThat(commentVisibility(comment.getId()))
                .isEqualTo(Visibility.hidden("Données personnelles"));
        BudgetProject rejected = db().inTransaction(em -> Services.on(em).projects().get(garden));
        assertThat(rejected.getStatus()).isEqualTo(ProjectStatus.REJECTED);
        assertThat(rejected.getReviewReason()).contains("Ce n'est pas un projet d'investissement");
        assertThat(projectTitles()).isEmpty();
        assertThat(count("select count(*) from moderation_reports where status = 'UPHELD'")).isEqualTo(2);
    }

    /** The authors hear of what a moderator decided (in the app and by mail): hidden, restored, rejected; not kept. */
    @Test
    void authorsAreToldOfHidingRestoringAndRejectingButNotOfKeeping() {
        Comment hidden = comment(BRUNO, "<p>Numéro de téléphone de mon voisin</p>");
        Comment kept = comment(DAVID, "<p>Un avis</p>");
        report(CHLOE, new ItemRef(ItemKind.COMMENT, hidden.getId()), ReportReason.PERSONAL_DATA);
        report(CHLOE, new ItemRef(ItemKind.COMMENT, kept.getId()), ReportReason.SPAM);
        report(CHLOE, new ItemRef(ItemKind.BUDGET_PROJECT, garden), ReportReason.OFF_TOPIC);
        List<ModerationCase> queue = queue(MODERATOR);
        java.util.function.Function<ItemRef, Long> caseOf = item -> queue.stream()
                .filter(c -> c.getItem().equals(item)).findFirst().orElseThrow().getId();
        long onHidden = caseOf.apply(new ItemRef(ItemKind.COMMENT, hidden.getId()));

        moderation(m -> m.hide(MODERATOR, onHidden, "Données personnelles", NOW));
        moderation(m -> m.restore(MODERATOR, onHidden, "Numéro retiré par l'auteur", NOW));
        moderation(m -> m.keep(MODERATOR, caseOf.apply(new ItemRef(ItemKind.COMMENT, kept.getId())), null, NOW));
        moderation(m -> m.reject(AGENT_OF_NORD, caseOf.apply(new ItemRef(ItemKind.BUDGET_PROJECT, garden)),
                "Hors du budget participatif", NOW));

        List<String> told = db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event)"
                + " from org.agora.notification.Notification n order by n.id", String.class).getResultList());
        assertThat(told).containsExactly("bruno moderation.hidden", "bruno moderation.restored",
                "alice moderation.rejected");
        assertThat(count("select count(*) from mails")).as("mailed: it is about their own contribution")
                .isEqualTo(3);
    }

    @Test
    void aReplyHeldForReviewTellsTheParentsAuthorOnceApprovedAndNotBefore() {
        Comment question = comment(CHLOE, "<p>Combien d'arbres ?</p>");
        db().inTransaction(em -> Services.on(em).budget().preModerate(OFFICE, callId, true));
        Comment answer = db().inTransaction(em -> Services.on(em).comments().reply(DAVID, "David", gardenTarget,
                question.getId(), "<p>Une vingtaine</p>", NOW));
        Comment refused = db().inTransaction(em -> Services.on(em).comments().reply(BRUNO, "Bruno", gardenTarget,
                question.getId(), "<p>Trop</p>", NOW));
        assertThat(repliesTold()).as("held: nobody sees it yet, the author of the question included").isEmpty();

        List<ModerationCase> waiting = queue(AGENT_OF_NORD);
        Function<Long, Long> caseOf = id -> waiting.stream()
                .filter(c -> c.getItem().equals(new ItemRef(ItemKind.COMMENT, id))).findFirst().orElseThrow().getId();
        moderation(m -> m.keep(AGENT_OF_NORD, caseOf.apply(answer.getId()), null, NOW.plusSeconds(60)));
        moderation(m -> m.hide(AGENT_OF_NORD, caseOf.apply(refused.getId()), "Hors sujet", NOW.plusSeconds(60)));

        assertThat(repliesTold()).containsExactly("chloe comment.reply");
    }

    private List<String> repliesTold() {
        return db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.event)"
                + " from org.agora.notification.Notification n where n.event = 'comment.reply' order by n.id",
                String.class).getResultList());
    }

    @Test
    void aProjectOnTheBallotIsHiddenNeitherByReportsNorByAModerator() {
        db().inTransaction(em -> Services.on(em).reviews().markFeasible(OFFICE, garden, null, null, day(35)));
        db().inTransaction(em -> Services.on(em).reviews().putOnBallot(OFFICE, garden, true, day(35)));
        ItemRef ref = new ItemRef(ItemKind.BUDGET_PROJECT, garden);
        for (Actor reporter : List.of(BRUNO, CHLOE, DAVID, resident("emma", NORD))) {
            report(reporter, ref, ReportReason.OFF_TOPIC);
        }
        ModerationCase open = onlyCase(MODERATOR);
        assertThat(open.getState()).as("the threshold hides no project of a ballot").isEqualTo(CaseState.OPEN);
        assertThat(open.getOpenReports()).isEqualTo(4);
        assertThat(projectTitles()).contains("Un jardin partagé");

        refused(() -> moderation(m -> m.hide(MODERATOR, open.getId(), "Hors sujet", NOW)), ConflictException.class,
                "moderation.hide.onBallot");
        assertThat(projectTitles()).contains("Un jardin partagé");
        // keeping it is still possible: the reports are dismissed
        assertThat(this.<ModerationCase>moderation(m -> m.keep(MODERATOR, open.getId(), null, NOW)).getState())
                .isEqualTo(CaseState.KEPT);
    }

    @Test
    void aHiddenProjectGoesOnNoBallotUntilShownAgain() {
        db().inTransaction(em -> Services.on(em).reviews().markFeasible(OFFICE, garden, null, null, day(35)));
        report(BRUNO, new ItemRef(ItemKind.BUDGET_PROJECT, garden), ReportReason.OFF_TOPIC);
        long caseId = onlyCase(MODERATOR).getId();
        moderation(m -> m.hide(MODERATOR, caseId, "Hors sujet", NOW));
        refused(() -> db().inTransaction(em -> Services.on(em).reviews().putOnBallot(OFFICE, garden, true, day(36))),
                ConflictException.class, "budget.review.hiddenNotOnBallot");
        moderation(m -> m.restore(MODERATOR, caseId, null, NOW));
        assertThat(db().inTransaction(em -> Services.on(em).reviews().putOnBallot(OFFICE, garden, true, day(36)))
                .isOnBallot()).isTrue();
    }

    @Test
    void aReportedNameHiddenLeavesWhatItsBearerWroteAndWillWriteUntilShownAgain() {
        Comment rude = db().inTransaction(em -> Services.on(em).comments().post(BRUNO, "Bruno Grossier",
                gardenTarget, "<p>Bonjour</p>", NOW));
        long item = db().inTransaction(em -> Services.on(em).profileNames().itemFor("bruno", rude.getAuthorName(),
                "budget/project.xhtml?id=" + garden + "#comment-" + rude.getId()));
        long again = db().inTransaction(em -> Services.on(em).profileNames().itemFor("bruno", "Bruno Grossier", null));
        assertThat(again).as("one item per person").isEqualTo(item);
        ItemRef name = new ItemRef(ItemKind.PROFILE_NAME, item);
        refused(() -> report(BRUNO, name, ReportReason.OFFENSIVE), NotAllowedException.class, "moderation.report.own");
        for (Actor reporter : List.of(ALICE, CHLOE, DAVID)) {
            report(reporter, name, ReportReason.OFFENSIVE);
        }
        ModerationCase held = onlyCase(MODERATOR);
        assertThat(held.getItem()).isEqualTo(name);
        assertThat(held.getExcerpt()).isEqualTo("Bruno Grossier");
        assertThat(authorNames()).containsExactly(org.agora.participation.ProfileNames.HIDDEN_NAME);
        assertThat(shownName("bruno", "Bruno Grossier")).isEqualTo(org.agora.participation.ProfileNames.HIDDEN_NAME);
        assertThat(queue(AGENT_OF_NORD)).as("a name is city-wide: for moderators").isEmpty();

        moderation(m -> m.restore(MODERATOR, held.getId(), "Nom changé", NOW));
        assertThat(shownName("bruno", "Bruno G.")).isEqualTo("Bruno G.");
        assertThat(shownName("alice", "Alice")).isEqualTo("Alice");
    }

    private List<String> authorNames() {
        List<?> names = db().inTransaction(em -> em.createNativeQuery("select author_name from comments order by id")
                .getResultList());
        return names.stream().map(String::valueOf).toList();
    }

    private String shownName(String username, String name) {
        return db().inTransaction(em -> Services.on(em).profileNames().shownName(username, name));
    }

    @Test
    void anAgentOfNordNeverSeesNorDecidesASudItem() {
        long sudProject = project(SOLENE, sudEnvelope, "Un kiosque");
        report(resident("sylvain", SUD), new ItemRef(ItemKind.BUDGET_PROJECT, sudProject), ReportReason.SPAM);
        ModerationCase sudCase = onlyCase(MODERATOR);

        assertThat(queue(AGENT_OF_NORD)).isEmpty();
        assertThat(queue(AGENT_OF_SUD)).hasSize(1);
        refused(() -> moderation(m -> m.caseFile(AGENT_OF_NORD, sudCase.getId())), NotAllowedException.class,
                "moderation.case.otherDistrict");
        refused(() -> moderation(m -> m.hide(AGENT_OF_NORD, sudCase.getId(), "Non", NOW)), NotAllowedException.class,
                "moderation.case.otherDistrict");
        refused(() -> moderation(m -> m.queue(ALICE, ModerationService.QueueFilter.AWAITING)), NotAllowedException.class,
                "moderation.queue.notAllowed");
        ModerationService.CaseFile file = moderation(m -> m.caseFile(AGENT_OF_SUD, sudCase.getId()));
        assertThat(file.reports()).hasSize(1);
        assertThat(file.item()).hasValueSatisfying(i -> assertThat(i.author()).isEqualTo("solene"));
        assertThat(onlyCase(MODERATOR).getState()).isEqualTo(CaseState.OPEN);
    }

    @Test
    void theQueueFiltersByKindDistrictReasonAndState() {
        Comment comment = comment(ALICE, "<p>Texte</p>");
        report(BRUNO, new ItemRef(ItemKind.COMMENT, comment.getId()), ReportReason.OFFENSIVE);
        report(BRUNO, new ItemRef(ItemKind.BUDGET_PROJECT, garden), ReportReason.SPAM);
        Function<ModerationService.QueueFilter, Integer> size = f -> moderation(m -> m.queue(MODERATOR, f)).size();

        assertThat(size.apply(new ModerationService.QueueFilter(Optional.of(ItemKind.COMMENT), Optional.empty(),
                Optional.empty(), Optional.empty()))).isEqualTo(1);
        assertThat(size.apply(new ModerationService.QueueFilter(Optional.empty(), Optional.of(NORD), Optional.empty(),
                Optional.empty()))).isEqualTo(2);
        assertThat(size.apply(new ModerationService.QueueFilter(Optional.empty(), Optional.of(SUD), Optional.empty(),
                Optional.empty()))).isZero();
        assertThat(size.apply(new ModerationService.QueueFilter(Optional.empty(), Optional.empty(),
                Optional.of(ReportReason.SPAM), Optional.empty()))).isEqualTo(1);
        assertThat(size.apply(new ModerationService.QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(CaseState.HIDDEN)))).isZero();
    }

    @Test
    void everyActAndReviewDecisionIsInTheAuditLog() {
        Comment comment = comment(ALICE, "<p>Texte</p>");
        ItemRef item = new ItemRef(ItemKind.COMMENT, comment.getId());
        moderation(1, m -> m.report(BRUNO, item, ReportReason.SPAM, null, NOW));
        long caseId = onlyCase(MODERATOR).getId();
        moderation(m -> m.hide(MODERATOR, caseId, "Publicité", NOW));
        moderation(m -> m.restore(MODERATOR, caseId, "Erreur", NOW));
        db().inTransaction(em -> Services.on(em).blocks().block(MODERATOR, "bruno", "Signalements abusifs", NOW));
        db().inTransaction(em -> {
            Services.on(em).blocks().unblock(MODERATOR, "bruno", "Excuses reçues", NOW);
            return null;
        });
        db().inTransaction(em -> Services.on(em).reviews().markNotFeasible(AGENT_OF_NORD, garden, "Trop cher",
                day(40)));

        List<AuditEntry> entries = audit(AuditLog.Filter.ALL);

        assertThat(entries).extracting(AuditEntry::getAction).containsExactly(AuditAction.REVIEW_NOT_FEASIBLE,
                AuditAction.UNBLOCK, AuditAction.BLOCK, AuditAction.RESTORE, AuditAction.HIDE, AuditAction.AUTO_HIDE);
        AuditEntry hide = entries.get(4);
        assertThat(hide.getActor()).isEqualTo("moderator");
        assertThat(hide.getSubjectKind()).isEqualTo("COMMENT");
        assertThat(hide.getSubject()).isEqualTo(String.valueOf(comment.getId()));
        assertThat(hide.getReason()).contains("Publicité");
        assertThat(hide.getBefore()).contains("PENDING");
        assertThat(hide.getAfter()).contains("HIDDEN");
        assertThat(hide.getDistrict()).contains(NORD);
        assertThat(entries.get(0).getBefore()).hasValueSatisfying(b -> assertThat(b).startsWith("SUBMITTED"));
        assertThat(entries.get(0).getAfter()).hasValueSatisfying(a -> assertThat(a).startsWith("NOT_FEASIBLE"));
        assertThat(entries.get(1).getReason()).contains("Excuses reçues");
        assertThat(audit(new AuditLog.Filter(Optional.of("moderator"), Optional.empty(), Optional.of("COMMENT"),
                Optional.empty(), Optional.empty()))).hasSize(2);
        refused(() -> db().inTransaction(em -> Services.on(em).audit().read(MODERATOR, AuditLog.Filter.ALL)),
                NotAllowedException.class, "moderation.audit.notAllowed");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheAuditLog() {
        db().inTransaction(em -> Services.on(em).blocks().block(MODERATOR, "bruno", "Spam", NOW));
        String before = db().contents();

        assertThatThrownBy(() -> db().inTransaction(em -> em.createNativeQuery(
                "update audit_log set reason = 'effacé', actor = 'personne'").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db().inTransaction(em -> em.createNativeQuery("delete from audit_log").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db().sql("delete from audit_log where actor = 'moderator'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");

        assertThat(db().contents()).isEqualTo(before);
        assertThat(audit(AuditLog.Filter.ALL)).singleElement().satisfies(e -> {
            assertThat(e.getReason()).contains("Spam");
            assertThat(e.getActor()).isEqualTo("moderator");
        });
    }

    @Test
    void aBlockedResidentNoLongerPostsReportsSupportsOrProposes() {
        Comment comment = comment(ALICE, "<p>Texte</p>");
        db().inTransaction(em -> Services.on(em).blocks().block(MODERATOR, "bruno", "Insultes répétées", NOW));
        Optional<String> why = db().inTransaction(em -> Services.on(em).blocks().blockedFor("bruno"));
        assertThat(why).contains("Insultes répétées");
        Actor blocked = BRUNO.blocked(why.orElseThrow());

        refused(() -> comment(blocked, "<p>Encore</p>"), NotAllowedException.class, Actor.BLOCKED);
        refused(() -> report(blocked, new ItemRef(ItemKind.COMMENT, comment.getId()), ReportReason.SPAM),
                NotAllowedException.class, Actor.BLOCKED);
        refused(() -> db().inTransaction(em -> {
            Services.on(em).projects().support(blocked, garden, NOW);
            return null;
        }), NotAllowedException.class, Actor.BLOCKED);
        refused(() -> project(blocked, envelope(NORD), "Un autre"), NotAllowedException.class, Actor.BLOCKED);
        refused(() -> db().inTransaction(em -> Services.on(em).ideas().post(blocked, council, "Idée", "Texte", NOW)),
                NotAllowedException.class, Actor.BLOCKED);
        assertThat(count("select count(*) from comments")).isEqualTo(1);
        assertThat(count("select count(*) from project_supports")).isZero();

        refused(() -> db().inTransaction(em -> Services.on(em).blocks().block(ALICE, "bruno", "x", NOW)),
                NotAllowedException.class, "moderation.block.notAllowed");
        refused(() -> db().inTransaction(em -> Services.on(em).blocks().block(MODERATOR, "bruno", "x", NOW)),
                ConflictException.class, "moderation.block.already");
        refused(() -> db().inTransaction(em -> {
            Services.on(em).blocks().unblock(MODERATOR, "bruno", " ", NOW);
            return null;
        }), InvalidInputException.class, "moderation.reason.required");
    }

    @Test
    void aPreModeratedCallHoldsProposalsAndCommentsUntilAModeratorApprovesAndCountsItsRejections() {
        refused(() -> db().inTransaction(em -> Services.on(em).budget().preModerate(ALICE, callId, true)),
                NotAllowedException.class, "budget.call.notAllowed");
        db().inTransaction(em -> Services.on(em).budget().preModerate(OFFICE, callId, true));

        long orchard = project(BRUNO, envelope(NORD), "Un verger");
        Comment question = comment(CHLOE, "<p>Combien d'arbres ?</p>");
        Comment insult = comment(DAVID, "<p>Quelle idée stupide</p>");

        assertThat(projectTitles()).containsExactly("Un jardin partagé");
        assertThat(commentCount()).isZero();
        assertThat(commentVisibility(question.getId())).isEqualTo(Visibility.PENDING_REVIEW);
        List<ModerationCase> waiting = queue(AGENT_OF_NORD);
        assertThat(waiting).hasSize(3).allSatisfy(c -> {
            assertThat(c.getState()).isEqualTo(CaseState.PENDING);
            assertThat(c.getOpenReports()).isZero();
            assertThat(c.getSpace()).contains("BUDGET_CALL:" + callId);
        });
        Function<ItemKind, Function<Long, Long>> caseOf = kind -> id -> waiting.stream()
                .filter(c -> c.getItem().equals(new ItemRef(kind, id))).findFirst().orElseThrow().getId();

        moderation(m -> m.keep(AGENT_OF_NORD, caseOf.apply(ItemKind.BUDGET_PROJECT).apply(orchard), null, NOW));
        moderation(m -> m.keep(AGENT_OF_NORD, caseOf.apply(ItemKind.COMMENT).apply(question.getId()), null, NOW));
        moderation(m -> m.hide(AGENT_OF_NORD, caseOf.apply(ItemKind.COMMENT).apply(insult.getId()), "Propos injurieux",
                NOW));

        assertThat(projectTitles()).containsExactly("Un jardin partagé", "Un verger");
        assertThat(commentCount()).isEqualTo(1);
        java.util.Map<String, Long> rejections = moderation(m -> m.rejections("BUDGET_CALL:" + callId));
        assertThat(rejections).containsExactly(java.util.Map.entry("Propos injurieux", 1L));
        assertThat(audit(new AuditLog.Filter(Optional.empty(), Optional.of(AuditAction.HOLD), Optional.empty(),
                Optional.empty(), Optional.empty()))).hasSize(3);

        db().inTransaction(em -> Services.on(em).budget().preModerate(OFFICE, callId, false));
        comment(CHLOE, "<p>Merci</p>");
        assertThat(commentCount()).isEqualTo(2);
    }

    @Test
    void aPreModeratedCouncilHoldsItsMembersIdeasAndCommentsButNotItsLeaders() {
        refused(() -> db().inTransaction(em -> Services.on(em).councils().preModerate(BRUNO, council, true)),
                NotAllowedException.class, "council.notLeader");
        db().inTransaction(em -> Services.on(em).councils().preModerate(AGENT_OF_NORD, council, true));

        long membersIdea = db().inTransaction(em -> Services.on(em).ideas().post(BRUNO, council, "Un composteur",
                "Au square", NOW)).getId();
        db().inTransaction(em -> Services.on(em).ideas().post(ALICE, council, "Une fête", "En juin", NOW));
        long post = db().inTransaction(em -> Services.on(em).councilNews().post(ALICE, council, "Réunion",
                "<p>Mardi</p>", false, NOW)).getId();
        CommentTarget onPost = CommentTarget.councilPost(post);
        db().inTransaction(em -> Services.on(em).comments().post(CHLOE, "Chloé", onPost, "<p>Je viendrai</p>", NOW));

        assertThat(ideasOnBoard()).isEqualTo(1); // the animator's
        Long comments = db().inTransaction(em -> Services.on(em).comments().count(onPost));
        assertThat(comments).isZero();
        List<ModerationCase> held = queue(AGENT_OF_NORD);
        assertThat(held).hasSize(2).allSatisfy(c -> assertThat(c.getSpace()).contains("COUNCIL:" + council));

        ModerationCase idea = held.stream().filter(c -> c.getItem().equals(new ItemRef(ItemKind.COUNCIL_IDEA,
                membersIdea))).findFirst().orElseThrow();
        moderation(m -> m.hide(AGENT_OF_NORD, idea.getId(), "Déjà proposé", NOW));
        java.util.Map<String, Long> rejections = moderation(m -> m.rejections("COUNCIL:" + council));
        assertThat(rejections).containsExactly(java.util.Map.entry("Déjà proposé", 1L));
    }
}
