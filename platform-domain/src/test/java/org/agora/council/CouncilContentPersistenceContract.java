package org.agora.council;

import static org.agora.council.Councils.AGENT_OF_NORD;
import static org.agora.council.Councils.AGENT_OF_SUD;
import static org.agora.council.Councils.ANIMATOR;
import static org.agora.council.Councils.ANONYMOUS;
import static org.agora.council.Councils.NOW;
import static org.agora.council.Councils.OTHER_RESIDENT;
import static org.agora.council.Councils.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.media.DocumentFile;
import org.agora.media.TestDocuments;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DomainException;
import org.agora.comment.CommentService;
import org.agora.comment.CommentTarget;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A council's documents, news and ideas against a real database; run on H2 and PostgreSQL by the subclasses: a
 * document that is not what its name says and an oversized one are refused with nothing stored, members-only
 * content is hidden from others (lists, ids, files), one support per member even at the same moment.
 */
abstract class CouncilContentPersistenceContract extends DatabaseTest {

    private static final Actor NEIGHBOUR = Councils.resident("voisin", "nord");

    private long council;

    @BeforeEach
    void councilWithTwoMembers() {
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        council = councils(c -> c.create(AGENT_OF_NORD, aubiers, Councils.draft(false), NOW)).getId();
        councils(c -> c.join(RESIDENT, council, "Camille Martin", NOW));
        councils(c -> c.join(NEIGHBOUR, council, "Dominique", NOW));
    }

    private <T> T councils(Function<CouncilService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).councils()));
    }

    private <T> T documents(Function<CouncilDocumentService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).councilDocuments()));
    }

    private <T> T news(Function<CouncilNewsService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).councilNews()));
    }

    private <T> T ideas(Function<IdeaService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).ideas()));
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private List<CouncilDocument> visibleDocuments(Actor actor) {
        return documents(d -> d.visible(actor, council));
    }

    private Optional<CouncilDocument> foundDocument(Actor actor, long id) {
        return documents(d -> d.find(actor, id));
    }

    private List<NewsPost> visibleNews(Actor actor) {
        return news(n -> n.visible(actor, council));
    }

    private long supports(long idea) {
        return ideas(i -> i.supports(idea));
    }

    private boolean supported(Actor actor, long idea) {
        return ideas(i -> i.hasSupported(actor, idea));
    }

    private List<IdeaService.IdeaLine> board(Actor actor, IdeaService.Order order) {
        return ideas(i -> i.board(actor, council, order));
    }

    private static void refused(ThrowingCallable action, Class<? extends DomainException> type, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(type, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private long publish(Actor by, String title, boolean membersOnly, String fileName, byte[] bytes) {
        return documents(d -> d.publish(by, council, title, membersOnly, fileName, bytes, NOW)).getId();
    }

    // --- documents ---

    @Test
    void leadersPublishDocumentsWhichAreDownloadedByteForByte() {
        byte[] docx = TestDocuments.docx("Ordre du jour");
        long id = publish(ANIMATOR, "Ordre du jour de mars", false, "ordre-du-jour.docx", docx);

        CouncilDocument read = documents(d -> d.get(ANONYMOUS, id));
        assertThat(read.getTitle()).isEqualTo("Ordre du jour de mars");
        assertThat(read.getFileName()).isEqualTo("ordre-du-jour.docx");
        assertThat(read.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(read.getByteSize()).isEqualTo(docx.length);
        assertThat(read.getPublishedBy()).isEqualTo("animator");
        assertThat(documents(d -> d.file(ANONYMOUS, id)).getBytes()).isEqualTo(docx);

        refused(() -> publish(RESIDENT, "Tract", false, "tract.pdf", TestDocuments.pdf()), NotAllowedException.class,
                "council.notLeader");
        refused(() -> publish(AGENT_OF_SUD, "Tract", false, "tract.pdf", TestDocuments.pdf()), NotAllowedException.class,
                "council.notLeader");
        assertThat(count("select count(*) from council_documents")).isEqualTo(1);
        assertThat(count("select count(*) from documents")).isEqualTo(1);
    }

    @Test
    void aDocumentThatIsNotWhatItsNameSaysIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> publish(ANIMATOR, "Compte rendu", false, "compte-rendu.pdf",
                TestDocuments.text("juste du texte")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.document.notWhatItsNameSays");
                    assertThat(e.field()).contains("file");
                });
        refused(() -> publish(ANIMATOR, "Budget", false, "budget.pdf", TestDocuments.xlsx()), InvalidInputException.class,
                "media.document.wrongExtension");
        assertThat(count("select count(*) from council_documents")).isZero();
        assertThat(count("select count(*) from documents")).isZero();
    }

    @Test
    void anOversizedDocumentIsRefusedAndNothingIsStored() {
        byte[] tooLarge = TestDocuments.pdfOfSize(DocumentFile.DEFAULT_MAX_MEGABYTES * 1024 * 1024 + 1);
        assertThatThrownBy(() -> publish(ANIMATOR, "Plan", false, "plan.pdf", tooLarge))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.document.tooLarge");
                    assertThat(e.arguments()).containsExactly(10);
                });
        assertThat(count("select count(*) from documents")).isZero();
    }

    @Test
    void aDocumentWithoutTitleIsRefusedAndItsFileIsNotStored() {
        assertThatThrownBy(() -> publish(ANIMATOR, "  ", false, "plan.pdf", TestDocuments.pdf()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("title"));
        assertThat(count("select count(*) from documents")).isZero();
    }

    @Test
    void membersOnlyDocumentsAreHiddenFromOthersInListsByIdAndAsFiles() {
        long open = publish(ANIMATOR, "Affiche de la fête", false, "affiche.png", org.agora.media.TestImages.png(20, 20));
        long closed = publish(AGENT_OF_NORD, "Liste des bénévoles", true, "benevoles.xlsx", TestDocuments.xlsx());

        for (Actor outsider : List.of(ANONYMOUS, OTHER_RESIDENT, AGENT_OF_SUD)) {
            assertThat(visibleDocuments(outsider)).extracting(CouncilDocument::getId).containsExactly(open);
            assertThat(foundDocument(outsider, closed)).isEmpty();
            refused(() -> documents(d -> d.file(outsider, closed)), NotFoundException.class, "council.document.notFound");
        }
        for (Actor insider : List.of(RESIDENT, ANIMATOR, AGENT_OF_NORD)) {
            assertThat(visibleDocuments(insider)).extracting(CouncilDocument::getId)
                    .containsExactly(closed, open);
            assertThat(documents(d -> d.file(insider, closed)).getBytes()).isNotEmpty();
        }

        councils(c -> c.leave(RESIDENT, council, NOW));
        assertThat(foundDocument(RESIDENT, closed)).isEmpty();
    }

    @Test
    void removingADocumentRemovesItsFile() {
        long id = publish(ANIMATOR, "Plan", false, "plan.pdf", TestDocuments.pdf());
        refused(() -> documents(d -> {
            d.remove(RESIDENT, id);
            return null;
        }), NotAllowedException.class, "council.notLeader");

        documents(d -> {
            d.remove(AGENT_OF_NORD, id);
            return null;
        });

        assertThat(count("select count(*) from council_documents")).isZero();
        assertThat(count("select count(*) from documents")).isZero();
        refused(() -> documents(d -> d.get(ANIMATOR, id)), NotFoundException.class, "council.document.notFound");
    }

    // --- news ---

    @Test
    void newsIsSanitizedNewestFirstAndMembersOnlyPostsAreHiddenFromOthers() {
        long first = news(n -> n.post(ANIMATOR, council, "Fête de quartier", "<p>Le 12 juin<script>x()</script></p>",
                false, NOW)).getId();
        long second = news(n -> n.post(AGENT_OF_NORD, council, "Réunion des bénévoles", "<p>Pour les membres</p>",
                true, NOW.plus(Duration.ofHours(1)))).getId();

        assertThat(news(n -> n.get(ANONYMOUS, first)).getBody()).isEqualTo("<p>Le 12 juin</p>");
        assertThat(visibleNews(ANONYMOUS)).extracting(NewsPost::getId).containsExactly(first);
        assertThat(visibleNews(OTHER_RESIDENT)).extracting(NewsPost::getId).containsExactly(first);
        refused(() -> news(n -> n.get(OTHER_RESIDENT, second)), NotFoundException.class, "council.news.notFound");
        assertThat(visibleNews(RESIDENT)).extracting(NewsPost::getId).containsExactly(second, first);

        refused(() -> news(n -> n.post(RESIDENT, council, "Titre", "<p>Texte</p>", false, NOW)),
                NotAllowedException.class, "council.notLeader");
        refused(() -> news(n -> n.post(ANIMATOR, council, "Titre", "", false, NOW)), InvalidInputException.class,
                "validation.required");
        assertThat(count("select count(*) from council_news")).isEqualTo(2);

        news(n -> {
            n.remove(ANIMATOR, second);
            return null;
        });
        assertThat(visibleNews(RESIDENT)).extracting(NewsPost::getId).containsExactly(first);
    }

    @Test
    void membersAndLeadersDiscussNewsAndIdeasOthersOnlyRead() {
        long open = news(n -> n.post(ANIMATOR, council, "Fête de quartier", "<p>Le 12 juin</p>", false, NOW)).getId();
        long closed = news(n -> n.post(ANIMATOR, council, "Bénévoles", "<p>Pour les membres</p>", true, NOW)).getId();
        long idea = ideas(i -> i.post(RESIDENT, council, "Des bancs", "Place du marché", NOW)).getId();

        comments(c -> c.post(RESIDENT, "Camille Martin", CommentTarget.councilPost(open), "<p>J'y serai</p>", NOW));
        comments(c -> c.post(AGENT_OF_NORD, "Mairie", CommentTarget.councilIdea(idea), "<p>À l'étude</p>", NOW));
        refused(() -> comments(c -> c.post(OTHER_RESIDENT, "Sam", CommentTarget.councilPost(open), "<p>Et moi ?</p>", NOW)),
                NotAllowedException.class, "council.comments.membersOnly");
        refused(() -> comments(c -> c.post(OTHER_RESIDENT, "Sam", CommentTarget.councilIdea(idea), "<p>Bof</p>", NOW)),
                NotAllowedException.class, "council.comments.membersOnly");
        refused(() -> comments(c -> c.post(OTHER_RESIDENT, "Sam", CommentTarget.councilPost(closed), "<p>Vu</p>", NOW)),
                NotFoundException.class, "comment.target.notFound");

        assertThat(commentCount(CommentTarget.councilPost(open))).isEqualTo(1L);
        assertThat(commentCount(CommentTarget.councilIdea(idea))).isEqualTo(1L);
        assertThat(whyNotComment(OTHER_RESIDENT, CommentTarget.councilIdea(idea))).contains("council.comments.membersOnly");
        assertThat(whyNotComment(NEIGHBOUR, CommentTarget.councilIdea(idea))).isEmpty();
        assertThat(count("select count(*) from comments")).isEqualTo(2);
    }

    private long commentCount(CommentTarget target) {
        return comments(c -> c.count(target));
    }

    private Optional<String> whyNotComment(Actor actor, CommentTarget target) {
        return comments(c -> c.whyNotComment(actor, target, NOW));
    }

    private <T> T comments(Function<CommentService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).comments()));
    }

    // --- ideas ---

    @Test
    void membersPostIdeasAndSupportOthersIdeasOnce() {
        Idea idea = ideas(i -> i.post(RESIDENT, council, "Un composteur", "Dans le square des Lilas", NOW));
        assertThat(idea.getAuthorName()).isEqualTo("Camille Martin");
        refused(() -> ideas(i -> i.post(OTHER_RESIDENT, council, "Idée", "Texte", NOW)), NotAllowedException.class,
                "council.idea.membersOnly");
        refused(() -> ideas(i -> i.post(ANONYMOUS, council, "Idée", "Texte", NOW)), NotAllowedException.class,
                "council.idea.signIn");

        ideas(i -> {
            i.support(NEIGHBOUR, idea.getId(), NOW);
            return null;
        });
        refused(() -> ideas(i -> {
            i.support(NEIGHBOUR, idea.getId(), NOW);
            return null;
        }), ConflictException.class, "council.idea.alreadySupported");
        refused(() -> ideas(i -> {
            i.support(RESIDENT, idea.getId(), NOW);
            return null;
        }), NotAllowedException.class, "council.idea.ownIdea");
        refused(() -> ideas(i -> {
            i.support(OTHER_RESIDENT, idea.getId(), NOW);
            return null;
        }), NotAllowedException.class, "council.idea.supportMembersOnly");

        assertThat(supports(idea.getId())).isEqualTo(1);
        assertThat(supported(NEIGHBOUR, idea.getId())).isTrue();

        ideas(i -> {
            i.withdrawSupport(NEIGHBOUR, idea.getId());
            return null;
        });
        assertThat(supports(idea.getId())).isZero();
    }

    @Test
    void theDatabaseTakesOneSupportPerMemberEvenWithoutTheApplicationsCheck() throws SQLException {
        long idea = ideas(i -> i.post(RESIDENT, council, "Un composteur", "Dans le square", NOW)).getId();
        String insert = "INSERT INTO council_idea_supports (idea_id, supporter, supported_at) VALUES (" + idea
                + ", 'voisin', CURRENT_TIMESTAMP)";
        db().sql(insert);
        assertThatThrownBy(() -> db().sql(insert)).isInstanceOf(SQLException.class);
        assertThat(count("select count(*) from council_idea_supports")).isEqualTo(1);
    }

    @Test
    void twoSupportsAtTheSameMomentCountOnce() throws Exception {
        long idea = ideas(i -> i.post(RESIDENT, council, "Un composteur", "Dans le square", NOW)).getId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                Callable<String> click = () -> {
                    start.await();
                    try {
                        ideas(i -> {
                            i.support(NEIGHBOUR, idea, NOW);
                            return null;
                        });
                        return "supported";
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
            assertThat(results).containsExactlyInAnyOrder("supported", "council.idea.alreadySupported");
        } finally {
            pool.shutdownNow();
        }
        assertThat(supports(idea)).isEqualTo(1);
    }

    @Test
    void theBoardIsSortedBySupportsThenNewestOrNewestFirst() {
        Actor third = Councils.resident("troisieme", "nord");
        councils(c -> c.join(third, council, "Sacha", NOW));
        long old = ideas(i -> i.post(RESIDENT, council, "Des bancs", "Devant l'école", NOW)).getId();
        long popular = ideas(i -> i.post(RESIDENT, council, "Un composteur", "Au square", NOW.plusSeconds(60))).getId();
        long recent = ideas(i -> i.post(NEIGHBOUR, council, "Une fête", "En juin", NOW.plusSeconds(120))).getId();
        ideas(i -> {
            i.support(NEIGHBOUR, popular, NOW);
            i.support(third, popular, NOW);
            i.support(third, recent, NOW);
            return null;
        });

        List<IdeaService.IdeaLine> bySupports = board(third, IdeaService.Order.SUPPORTS);
        assertThat(bySupports).extracting(line -> line.idea().getId()).containsExactly(popular, recent, old);
        assertThat(bySupports).extracting(IdeaService.IdeaLine::supports).containsExactly(2L, 1L, 0L);
        assertThat(bySupports).extracting(IdeaService.IdeaLine::supportedByMe).containsExactly(true, true, false);
        assertThat(board(ANONYMOUS, IdeaService.Order.NEWEST))
                .extracting(line -> line.idea().getId()).containsExactly(recent, popular, old);
    }

    @Test
    void leadersCloseAnIdeaWithAnAnswerAfterWhichItTakesNoSupport() {
        long idea = ideas(i -> i.post(RESIDENT, council, "Des bancs", "Devant l'école", NOW)).getId();
        refused(() -> ideas(i -> i.close(NEIGHBOUR, idea, "Non", NOW)), NotAllowedException.class, "council.notLeader");
        refused(() -> ideas(i -> i.close(ANIMATOR, idea, " ", NOW)), InvalidInputException.class, "validation.required");

        ideas(i -> i.close(ANIMATOR, idea, "Deux bancs en mai.", NOW));

        Idea closed = ideas(i -> i.get(idea));
        assertThat(closed.getStatus()).isEqualTo(IdeaStatus.CLOSED);
        assertThat(closed.getAnswer()).contains("Deux bancs en mai.");
        refused(() -> ideas(i -> {
            i.support(NEIGHBOUR, idea, NOW);
            return null;
        }), NotAllowedException.class, "council.idea.closed");
        refused(() -> ideas(i -> i.close(AGENT_OF_NORD, idea, "Encore", NOW)), ConflictException.class,
                "council.idea.alreadyClosed");
    }
}
