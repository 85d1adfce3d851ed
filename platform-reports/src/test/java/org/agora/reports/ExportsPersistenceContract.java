package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.comment.CommentTarget;
import org.agora.consultation.Answer;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.Option;
import org.agora.consultation.Publication;
import org.agora.consultation.Question;
import org.agora.council.CouncilDraft;
import org.agora.council.MeetingDraft;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportJobs;
import org.agora.exports.ExportKind;
import org.agora.exports.ExportRunner;
import org.agora.exports.ExportStatus;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiService;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModerationCase;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports of March 2027 (issue 15) on a small data set made through the capabilities' services, every row worked
 * out by hand below; the files written by the real workers and writers, read back with POI and Commons CSV; run on H2
 * and PostgreSQL by the subclasses.
 *
 * <p>Nord: alice, bruno, chloe, gaston; Sud: david. In March:
 * <ul>
 *   <li>the consultation "Vélo à Nord" (cycles: Oui/Non; idea: free text, its texts published): alice answers both
 *       (3 March, her text approved), chloe both (10 March, her text not approved), gaston the first (11 March),
 *       bruno keeps a draft; closed, results published. "Parc à Sud": david answers (6 March);</li>
 *   <li>the budget call (vote 17-26 March, results from 27 March), Nord's ballot P1 "Un jardin partagé" and P2 "Des
 *       bancs au square": alice {P1} and gaston {P1, P2} online, bruno {P2} at the desk, chloe {P1} on paper;</li>
 *   <li>bruno (5 March, hidden by a moderator) and chloe (10 March) comment on "Vélo à Nord"; david comments on
 *       "Parc à Sud" (7 March) and deletes it;</li>
 *   <li>the council of Les Aubiers (Nord): a meeting on 13 March, chloe registered, seven present; one on 15 March
 *       cancelled; one in April.</li>
 * </ul>
 */
abstract class ExportsPersistenceContract extends DatabaseTest {

    static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z");
    static final KpiQuery CITY = KpiQuery.city(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31));
    static final Instant AFTER = day(40);
    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());
    static final Actor OTHER_ANALYST = new Actor("analyst2", Set.of(Role.ANALYST), Optional.empty(), Set.of());
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(SUD));
    static final Actor ALICE = resident("alice", NORD);
    static final Actor BRUNO = resident("bruno", NORD);
    static final Actor CHLOE = resident("chloe", NORD);
    static final Actor GASTON = resident("gaston", NORD);
    static final Actor DAVID = resident("david", SUD);

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock(AFTER);
    private final List<EntityManager> readers = new ArrayList<>();
    /** The entity managers the exports' read-ahead opened (one a table read), each to be closed by its reader. */
    private final List<EntityManager> readAhead = java.util.Collections.synchronizedList(new ArrayList<>());
    private long velo;
    private long parc;
    private long call;
    private long p1;
    private long p2;
    private long council;
    private long march13;
    private long march15;

    static Actor resident(String username, DistrictCode district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(district), Set.of(), Optional.of(1980));
    }

    static Instant day(int n) {
        return MARCH.plusSeconds(86_400L * n);
    }

    private <T> T with(Function<Services, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em)));
    }

    private long enlist(Actor person) {
        return with(s -> s.register().enlisted(person, Optional.of(person.username()), day(0))).getId();
    }

    @BeforeEach
    void marchInBelrive() {
        enlist(ALICE);
        long bruno = enlist(BRUNO);
        long chloe = enlist(CHLOE);
        enlist(GASTON);
        enlist(DAVID);

        // the consultations
        List<Question> questions = List.of(
                new Question.SingleChoice(Question.Common.of("cycles", "Faites-vous du vélo ?", false),
                        List.of(new Option("yes", "Oui"), new Option("no", "Non"))),
                new Question.FreeText(Question.Common.of("idea", "Une idée ?", false), false));
        velo = with(s -> s.consultations().create(AGENT_OF_NORD, new ConsultationDraft("Vélo à Nord", "Vos trajets.",
                null, "nord", day(1), day(20), false, false))).getId();
        with(s -> s.consultations().replaceQuestions(AGENT_OF_NORD, velo, questions));
        with(s -> s.consultations().choosePublication(AGENT_OF_NORD, velo, "idea", Publication.FIGURES_AND_TEXTS));
        with(s -> s.consultations().schedule(AGENT_OF_NORD, velo, day(0)));
        parc = with(s -> s.consultations().create(AGENT_OF_SUD, new ConsultationDraft("Parc à Sud", "Le parc.",
                null, "sud", day(1), day(20), false, false))).getId();
        with(s -> s.consultations().replaceQuestions(AGENT_OF_SUD, parc, questions.subList(0, 1)));
        with(s -> s.consultations().schedule(AGENT_OF_SUD, parc, day(0)));
        with(s -> s.consultations().applySchedule(day(1)));
        with(s -> s.responses().submit(ALICE, velo, Map.of("cycles", choice("yes"), "idea",
                new Answer.Text("Des arceaux")), day(2)));
        with(s -> s.responses().saveDraft(BRUNO, velo, Map.of("cycles", choice("no")), day(3)));
        with(s -> s.responses().submit(CHLOE, velo, Map.of("cycles", choice("no"), "idea",
                new Answer.Text("Mon voisin Paul Martin, 12 rue des Lilas")), day(9)));
        with(s -> s.responses().submit(GASTON, velo, Map.of("cycles", choice("yes")), day(10)));
        with(s -> s.responses().submit(DAVID, parc, Map.of("cycles", choice("yes")), day(5)));
        long aliceResponse = with(s -> s.responses().mine(ALICE, velo).orElseThrow().getId());
        with(s -> {
            s.responses().approveText(AGENT_OF_NORD, velo, aliceResponse, 1, true);
            return null;
        });

        // comments: bruno's hidden, david's deleted
        long brunos = with(s -> s.comments().post(BRUNO, "bruno", CommentTarget.consultation(velo), "Hors sujet", day(4)))
                .getId();
        with(s -> s.comments().post(CHLOE, "chloe", CommentTarget.consultation(velo), "Bonne question", day(9)));
        long davids = with(s -> s.comments().post(DAVID, "david", CommentTarget.consultation(parc), "Enfin", day(6)))
                .getId();
        with(s -> s.comments().delete(DAVID, davids, day(6).plusSeconds(600)));
        with(s -> s.moderation(3).report(ALICE, new ItemRef(ItemKind.COMMENT, brunos), ReportReason.OFF_TOPIC, null,
                day(5)));
        ModerationCase reported = with(s -> s.moderation(3).queue(MODERATOR, ModerationService.QueueFilter.AWAITING)).get(0);
        with(s -> s.moderation(3).hide(MODERATOR, reported.getId(), "Hors sujet", day(5).plusSeconds(3_600)));

        with(s -> s.consultations().applySchedule(day(21)));
        with(s -> s.consultations().publishResults(AGENT_OF_NORD, velo));

        // the budget call: Nord's ballot
        PhasePlan phases = new PhasePlan(new Period(day(0), day(10)), new Period(day(10), day(15)),
                new Period(day(16), day(25)), day(26), day(40));
        call = with(s -> s.budget().createCall(OFFICE, new BudgetCallDraft("Budget 2027", 2027, 200_000,
                List.of(new EnvelopeDraft("nord", 100_000), new EnvelopeDraft("sud", 100_000)), phases,
                new VotingRule.Knapsack(), TallyRule.GREEDY, null))).getId();
        long nord = with(s -> s.budget().getCall(call).findEnvelope(Optional.of(NORD)).orElseThrow().getId());
        p1 = with(s -> s.voting().addToBallot(AGENT_OF_NORD, nord, "Un jardin partagé", 20_000, day(12))).getId();
        p2 = with(s -> s.voting().addToBallot(AGENT_OF_NORD, nord, "Des bancs au square", 20_000, day(12))).getId();
        with(s -> {
            s.voting().cast(ALICE, nord, ballot(p1), day(17));
            s.voting().cast(GASTON, nord, ballot(p1, p2), day(17));
            return null;
        });
        with(s -> {
            s.voting().castAtDesk(AGENT_OF_NORD, bruno, nord, ballot(p2), day(18));
            s.voting().markPaperVoter(AGENT_OF_NORD, chloe, nord, day(18));
            return null;
        });
        with(s -> s.voting().addPaperBatch(AGENT_OF_NORD, nord, UUID.randomUUID().toString(), List.of(ballot(p1)),
                day(19)));
        with(s -> s.tally().tally(OFFICE, nord, day(27)));

        // the council of Les Aubiers
        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        council = with(s -> s.councils().create(AGENT_OF_NORD, aubiers, new CouncilDraft("Conseil des Aubiers",
                "<p>Bienvenue</p>", "conseil@belrive.example", false, List.of("alice")), day(0))).getId();
        march13 = with(s -> s.meetings().schedule(ALICE, council, meeting("Réunion de mars", day(12)), day(1))).getId();
        march15 = with(s -> s.meetings().schedule(ALICE, council, meeting("Réunion bis", day(14)), day(1))).getId();
        with(s -> s.meetings().schedule(ALICE, council, meeting("Réunion d'avril", day(35)), day(1)));
        with(s -> s.meetings().register(CHLOE, march13, "chloe", day(6)));
        with(s -> s.meetings().cancelMeeting(ALICE, march15, "Salle indisponible", day(13)));
        with(s -> s.meetings().publishMinutes(ALICE, march13, "Compte rendu", null, null, 7, day(13)));
    }

    @AfterEach
    void closeReaders() {
        readers.forEach(EntityManager::close);
        assertThat(readAhead).as("the read-ahead's entity managers, closed once their table was read (or failed)")
                .noneMatch(EntityManager::isOpen);
    }

    private static Answer choice(String option) {
        return new Answer.Choices(Set.of(option));
    }

    private static Ballot ballot(long... projects) {
        Set<ProjectId> chosen = new java.util.LinkedHashSet<>();
        for (long project : projects) {
            chosen.add(new ProjectId(String.valueOf(project)));
        }
        return new Ballot.Approval(chosen);
    }

    private static MeetingDraft meeting(String title, Instant at) {
        return new MeetingDraft(title, at, 90, "Salle des fêtes", null, "Ordre du jour", false, null);
    }

    // --- the raw tables, as read from the database ---

    private EntityManager reader() {
        EntityManager em = db().entityManager();
        readers.add(em);
        return em;
    }

    private List<List<Object>> rows(Actor actor, RawTable table, KpiQuery query, int threshold, int pageSize) {
        List<List<Object>> rows = new ArrayList<>();
        try {
            new RawData(reader(), threshold).read(actor, table, query, AFTER, pageSize, rows::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<List<Object>> rows(Actor actor, RawTable table, KpiQuery query) {
        return rows(actor, table, query, 5, RawData.PAGE_SIZE);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private List<List<Object>> expectedAnswers() {
        return List.of(
                row(velo, "Vélo à Nord", "nord", false, 1L, LocalDate.of(2027, 3, 3), "nord", "cycles", null, "yes", "Oui",
                        null, null, null),
                row(velo, "Vélo à Nord", "nord", false, 1L, LocalDate.of(2027, 3, 3), "nord", "idea", null, null, null,
                        null, null, "Des arceaux"),
                row(velo, "Vélo à Nord", "nord", false, 2L, LocalDate.of(2027, 3, 10), "nord", "cycles", null, "no", "Non",
                        null, null, null),
                // chloe's text is not approved: the public does not read it, nor does the export
                row(velo, "Vélo à Nord", "nord", false, 2L, LocalDate.of(2027, 3, 10), "nord", "idea", null, null, null,
                        null, null, null),
                row(velo, "Vélo à Nord", "nord", false, 3L, LocalDate.of(2027, 3, 11), "nord", "cycles", null, "yes", "Oui",
                        null, null, null),
                row(parc, "Parc à Sud", "sud", false, 1L, LocalDate.of(2027, 3, 6), "sud", "cycles", null, "yes", "Oui",
                        null, null, null));
    }

    @Test
    void theAnswersAreOneRowPerAnswerNumberedPerConsultationWithOnlyThePublicTexts() {
        assertThat(rows(ANALYST, RawTable.ANSWERS, CITY)).containsExactlyElementsOf(expectedAnswers());
    }

    @Test
    void pagesOfTwoGiveTheSameRowsInTheSameOrder() {
        // five answers in Nord: three pages of two, two and one, each query starting after the last row read
        List<List<Object>> paged = rows(AGENT_OF_NORD, RawTable.ANSWERS, CITY.inDistrict(NORD), 5, 2);
        assertThat(paged).hasSize(5).containsExactlyElementsOf(expectedAnswers().subList(0, 5));
        assertThat(rows(ANALYST, RawTable.ANSWERS, CITY, 5, 1)).containsExactlyElementsOf(expectedAnswers());
        assertThat(rows(ANALYST, RawTable.COMMENTS, CITY, 5, 1)).isEqualTo(rows(ANALYST, RawTable.COMMENTS, CITY));
        assertThat(rows(ANALYST, RawTable.MEETINGS, CITY, 5, 1)).isEqualTo(rows(ANALYST, RawTable.MEETINGS, CITY));
        RawData data = new RawData(reader(), 5);
        assertThat(data.count(ANALYST, RawTable.ANSWERS, CITY, AFTER)).isEqualTo(6);
        assertThat(data.count(AGENT_OF_NORD, RawTable.ANSWERS, CITY.inDistrict(NORD), AFTER)).isEqualTo(5);
        assertThat(data.count(ANALYST, RawTable.COMMENTS, CITY, AFTER)).isEqualTo(2);
        assertThat(data.count(ANALYST, RawTable.MEETINGS, CITY, AFTER)).isEqualTo(2);
    }

    @Test
    void ballotsArePerProjectAndChannelWithSmallChannelsMergedUntilNoFewVotersShow() {
        // online: alice {P1}, gaston {P1, P2}; desk: bruno {P2}; paper: chloe {P1}. At 5, every channel is too small:
        // all merged, which is the public result
        assertThat(rows(ANALYST, RawTable.BALLOTS, CITY)).containsExactly(
                row(call, "Budget 2027", 2027L, "nord", p1, "Un jardin partagé", "ONLINE+DESK+PAPER", 3L, 3L),
                row(call, "Budget 2027", 2027L, "nord", p2, "Des bancs au square", "ONLINE+DESK+PAPER", 2L, 2L));
        // at 2: the desk's and the paper's single ballots together (2), online (2) alone
        assertThat(rows(ANALYST, RawTable.BALLOTS, CITY, 2, 1000)).containsExactly(
                row(call, "Budget 2027", 2027L, "nord", p1, "Un jardin partagé", "ONLINE", 2L, 2L),
                row(call, "Budget 2027", 2027L, "nord", p1, "Un jardin partagé", "DESK+PAPER", 1L, 1L),
                row(call, "Budget 2027", 2027L, "nord", p2, "Des bancs au square", "ONLINE", 1L, 1L),
                row(call, "Budget 2027", 2027L, "nord", p2, "Des bancs au square", "DESK+PAPER", 1L, 1L));
        // at 1 every channel alone
        assertThat(rows(ANALYST, RawTable.BALLOTS, CITY, 1, 1000)).extracting(r -> r.get(4) + " " + r.get(6) + " " + r.get(7))
                .containsExactly(p1 + " ONLINE 2", p1 + " PAPER 1", p2 + " ONLINE 1", p2 + " DESK 1");
        // Sud's envelope got no ballot; before its results are public nothing of the call is given
        assertThat(rows(AGENT_OF_SUD, RawTable.BALLOTS, CITY.inDistrict(SUD))).isEmpty();
        List<List<Object>> beforeResults = new ArrayList<>();
        try {
            new RawData(reader(), 5).read(ANALYST, RawTable.BALLOTS, CITY, day(25), beforeResults::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(beforeResults).isEmpty();
    }

    @Test
    void commentsPerItemAndMeetingsWithTheirRegistrations() {
        assertThat(rows(ANALYST, RawTable.COMMENTS, CITY)).containsExactly(
                row("CONSULTATION", velo, "nord", 2L, 1L, 0L, LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 10)),
                row("CONSULTATION", parc, "sud", 1L, 0L, 1L, LocalDate.of(2027, 3, 7), LocalDate.of(2027, 3, 7)));
        assertThat(rows(ANALYST, RawTable.MEETINGS, CITY)).containsExactly(
                row(council, "Conseil des Aubiers", "nord", march13, LocalDate.of(2027, 3, 13), true, false, false, null,
                        1L, 0L, 7L),
                row(council, "Conseil des Aubiers", "nord", march15, LocalDate.of(2027, 3, 15), false, true, false, null,
                        0L, 0L, null));
        assertThat(rows(AGENT_OF_SUD, RawTable.MEETINGS, CITY.inDistrict(SUD))).isEmpty();
        assertThat(rows(AGENT_OF_SUD, RawTable.COMMENTS, CITY.inDistrict(SUD))).extracting(r -> r.get(1))
                .containsExactly(parc);
    }

    @Test
    void noRowNamesAPerson() {
        for (RawTable table : RawTable.values()) {
            for (List<Object> row : rows(ANALYST, table, CITY)) {
                assertThat(row.toString()).as(table + " " + row)
                        .doesNotContain("alice", "bruno", "chloe", "gaston", "david", "Paul Martin");
            }
        }
    }

    // --- the background exports ---

    /** Each call of the workers in a transaction of its own, as the container runs them. */
    private final class TransactionalJobs extends ExportJobs {

        private <T> T tx(Function<ExportJobs, T> work) {
            return db().inTransaction(em -> work.apply(jobs(em)));
        }

        @Override
        public Optional<ExportJob> claimNext(String runner, Instant now) {
            return tx(j -> j.claimNext(runner, now));
        }

        @Override
        public boolean progress(long id, String runner, long written, Long expected, Instant now) {
            return tx(j -> j.progress(id, runner, written, expected, now));
        }

        @Override
        public int heartbeat(Collection<Long> ids, String runner, Instant now) {
            return tx(j -> j.heartbeat(ids, runner, now));
        }

        @Override
        public boolean finish(long id, String runner, String fileName, long size, long rows, Instant now,
                              Duration retention) {
            return tx(j -> j.finish(id, runner, fileName, size, rows, now, retention));
        }

        @Override
        public boolean fail(long id, String runner, String error, Instant now) {
            return tx(j -> j.fail(id, runner, error, now));
        }

        @Override
        public List<Attempt> recoverStale(Instant now, Duration staleAfter, int maxAttempts) {
            return tx(j -> j.recoverStale(now, staleAfter, maxAttempts));
        }

        @Override
        public List<String> expire(Instant now) {
            return tx(j -> j.expire(now));
        }

        @Override
        public Set<String> filesInUse() {
            return tx(ExportJobs::filesInUse);
        }
    }

    private static ExportJobs jobs(EntityManager em) {
        return new ExportJobs(em, Services.on(em).notifications());
    }

    private ExportRunner runner(String name) {
        return runner(name, true);
    }

    private ExportRunner runner(String name, boolean readAheadOn) {
        EntityManager em = reader();
        // the figures are read in a transaction of their own, as the container's KpiService does
        KpiService kpis = new KpiService() {
            @Override
            public org.agora.kpi.KpiReport figures(Actor actor, KpiQuery query, Instant now) {
                return db().inTransaction(tx -> new KpiService(tx, 5).figures(actor, query, now));
            }
        };
        java.util.function.BiFunction<KpiQuery, KpiTexts, String> scope =
                (query, texts) -> query.district().map(d -> d.value()).orElse("Belrive");
        ExportFiles files = !readAheadOn ? new ExportFiles(kpis, new RawData(em, 5), Services.on(em).openData(), scope,
                clock) : new ExportFiles(kpis, new RawData(em, 5), Services.on(em).openData(), scope, clock,
                () -> {
                    // as in the application: an entity manager of the reader's own, closed once its table is read
                    EntityManager own = db().entityManager();
                    readAhead.add(own);
                    return new ExportFiles.OwnRawData(new RawData(own, 5), own::close);
                }, java.util.concurrent.Executors.defaultThreadFactory());
        return new ExportRunner(name, new TransactionalJobs(), files, directory, Duration.ofHours(24), clock);
    }

    private ExportJob queue(Actor actor, ExportKind kind, KpiQuery query) {
        return db().inTransaction(em -> jobs(em).queue(actor, kind, query, Locale.FRENCH, clock.instant()));
    }

    private ExportJob job(Actor actor, long id) {
        return db().inTransaction(em -> jobs(em).get(actor, id));
    }

    private Path fileOf(ExportJob job) {
        return directory.resolve(job.getFileName().orElseThrow());
    }

    private long jobCount() {
        return db().inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from export_jobs")
                .getSingleResult()).longValue());
    }

    @Test
    void theRawWorkbookHoldsTheKpiSheetsThenOneStreamedSheetPerTableReadBackWithPoi() throws IOException {
        long id = queue(ANALYST, ExportKind.RAW_WORKBOOK, CITY).getId();

        assertThat(runner("worker-1").runNext()).contains(id);

        ExportJob done = job(ANALYST, id);
        assertThat(done.getStatus()).isEqualTo(ExportStatus.DONE);
        assertThat(done.getRowsWritten()).isEqualTo(6 + 2 + 2 + 2);
        assertThat(done.getExpiresAt()).contains(AFTER.plus(Duration.ofHours(24)));
        assertThat(done.downloadName()).isEqualTo("agora-raw-city-2027-03-01_2027-03-31.xlsx");
        assertThat(done.getFileSize()).contains(Files.size(fileOf(done)));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(fileOf(done)))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Synthèse", "Semaines", "Consultations", "Questions", "Budget participatif",
                    "Modération", "Conseils", "Arrondissements", "Âges et arrondissements", "Audience et participation",
                    "Audience par semaine", "Pages", "Définitions",
                    "Données brutes", "Réponses (brut)", "Bulletins (brut)", "Commentaires (brut)", "Réunions (brut)");
            assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(3);
            assertThat(book.getSheet("Données brutes").getRow(2).getCell(1).getStringCellValue())
                    .contains("moins de 5 bulletins");

            XSSFSheet answers = book.getSheet("Réponses (brut)");
            assertThat(texts(answers.getRow(0))).containsExactly("N° consultation", "Consultation",
                    "Arrondissement de la consultation", "Anonyme", "Réponse", "Jour", "Arrondissement du répondant",
                    "Question", "Ligne", "Option", "Libellé", "Rang", "Nombre", "Texte");
            assertThat(answers.getPaneInformation().isFreezePane()).isTrue();
            assertThat(answers.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N7");
            assertThat(sheetRows(answers)).containsExactlyElementsOf(expectedAnswers());
            assertThat(answers.getRow(1).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");

            assertThat(sheetRows(book.getSheet("Bulletins (brut)"))).containsExactly(
                    row(call, "Budget 2027", 2027L, "nord", p1, "Un jardin partagé", "ONLINE+DESK+PAPER", 3L, 3L),
                    row(call, "Budget 2027", 2027L, "nord", p2, "Des bancs au square", "ONLINE+DESK+PAPER", 2L, 2L));
            assertThat(sheetRows(book.getSheet("Commentaires (brut)"))).isEqualTo(rows(ANALYST, RawTable.COMMENTS, CITY));
            assertThat(sheetRows(book.getSheet("Réunions (brut)"))).isEqualTo(rows(ANALYST, RawTable.MEETINGS, CITY));
        }
    }

    @Test
    void withoutReadAheadTheTablesAreTheSame() throws IOException {
        long ahead = queue(ANALYST, ExportKind.RAW_CSV, CITY).getId();
        runner("worker-1").runNext();
        long plain = queue(ANALYST, ExportKind.RAW_CSV, CITY).getId();
        runner("worker-2", false).runNext();

        Map<String, byte[]> read = unzip(Files.readAllBytes(fileOf(job(ANALYST, ahead))));
        Map<String, byte[]> readOnOneThread = unzip(Files.readAllBytes(fileOf(job(ANALYST, plain))));
        for (RawTable table : RawTable.values()) {
            String name = RawCsv.fileName(table);
            assertThat(new String(readOnOneThread.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(read.get(name), StandardCharsets.UTF_8)).contains("\n");
        }
        assertThat(job(ANALYST, plain).getRowsWritten()).isEqualTo(job(ANALYST, ahead).getRowsWritten());
    }

    @Test
    void anExportOfSomeTablesHoldsThoseAloneAndNoKpiSheet() throws IOException {
        long workbook = db().inTransaction(em -> jobs(em).queue(ANALYST, ExportKind.RAW_WORKBOOK, CITY,
                List.of(RawTable.ANSWERS), Locale.ENGLISH, AFTER)).getId();
        long csv = db().inTransaction(em -> jobs(em).queue(ANALYST, ExportKind.RAW_CSV, CITY,
                List.of(RawTable.MEETINGS, RawTable.ANSWERS), Locale.ENGLISH, AFTER)).getId();
        ExportRunner runner = runner("worker-1");
        runner.runNext();
        runner.runNext();

        ExportJob answersOnly = job(ANALYST, workbook);
        assertThat(answersOnly.downloadName()).isEqualTo("agora-raw-city-2027-03-01_2027-03-31-answers.xlsx");
        assertThat(answersOnly.getRowsWritten()).isEqualTo(6);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(fileOf(answersOnly)))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Raw data", "Answers (raw)");
            assertThat(sheetRows(book.getSheet("Answers (raw)"))).containsExactlyElementsOf(expectedAnswers());
        }
        ExportJob two = job(ANALYST, csv);
        assertThat(two.tables()).containsExactly(RawTable.ANSWERS, RawTable.MEETINGS);
        assertThat(unzip(Files.readAllBytes(fileOf(two))).keySet()).containsExactly("answers.csv", "meetings.csv");
    }

    @Test
    void aTableLongerThanASheetGoesOnInASecondSheet() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RawSource database = RawSource.of(new RawData(reader(), 5), ANALYST, CITY, AFTER);
        RawWorkbook.write(new XSSFWorkbook(), KpiTexts.in(Locale.ENGLISH), 5, database, List.of(RawTable.ANSWERS), out,
                ignored(), 4);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetRows(book.getSheet("Answers (raw)"))).containsExactlyElementsOf(expectedAnswers().subList(0, 4));
            assertThat(sheetRows(book.getSheet("Answers (raw) 2"))).containsExactlyElementsOf(expectedAnswers().subList(4, 6));
            assertThat(texts(book.getSheet("Answers (raw) 2").getRow(0))).startsWith("Consultation no.", "Consultation");
        }
    }

    @Test
    void theCsvZipHoldsTheSameTablesAsOpenDataAndThePabulibFileOfTheCountedVote() throws IOException {
        long id = queue(ANALYST, ExportKind.RAW_CSV, CITY).getId();

        runner("worker-1").runNext();

        ExportJob done = job(ANALYST, id);
        assertThat(done.getStatus()).isEqualTo(ExportStatus.DONE);
        assertThat(done.downloadName()).isEqualTo("agora-raw-csv-city-2027-03-01_2027-03-31.zip");
        Map<String, byte[]> files = unzip(Files.readAllBytes(fileOf(done)));
        assertThat(files.keySet()).containsExactly("answers.csv", "ballots.csv", "comments.csv", "meetings.csv",
                "pabulib/2027-call-" + call + "-nord.pb", "pabulib/2027-call-" + call + "-sud.pb");
        for (RawTable table : RawTable.values()) {
            List<CSVRecord> records = csv(files.get(table.fileName() + ".csv"));
            assertThat(records.get(0).toList()).isEqualTo(table.columns().stream().map(RawTable.Column::key).toList());
            List<List<String>> expected = rows(ANALYST, table, CITY).stream()
                    .map(r -> r.stream().map(RawCsv::text).toList()).toList();
            assertThat(records.subList(1, records.size())).extracting(CSVRecord::toList)
                    .containsExactlyElementsOf(expected);
        }
        List<CSVRecord> answers = csv(files.get("answers.csv"));
        assertThat(answers.get(2).toList()).containsExactly(String.valueOf(velo), "Vélo à Nord", "nord", "false", "1",
                "2027-03-03", "nord", "idea", "", "", "", "", "", "Des arceaux");
        String pabulib = new String(files.get("pabulib/2027-call-" + call + "-nord.pb"), StandardCharsets.UTF_8);
        assertThat(pabulib).contains("num_votes;4").contains("PROJECTS").contains("VOTES");
    }

    @Test
    void anAgentExportsTheirDistrictOnlyAndAnotherDistrictOrTheCityIsRefusedWithNothingQueued() throws IOException {
        assertThatThrownBy(() -> queue(AGENT_OF_NORD, ExportKind.RAW_CSV, CITY.inDistrict(SUD)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("kpi.notYourDistrict");
        assertThatThrownBy(() -> queue(AGENT_OF_NORD, ExportKind.RAW_WORKBOOK, CITY))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> queue(ALICE, ExportKind.RAW_WORKBOOK, CITY.inDistrict(NORD)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> queue(MODERATOR, ExportKind.KPI_WORKBOOK, CITY.inDistrict(NORD)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> queue(ANALYST, ExportKind.RAW_CSV, CITY.inDistrict(new DistrictCode("atlantide"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(jobCount()).isZero();
        assertThatThrownBy(() -> rows(AGENT_OF_NORD, RawTable.ANSWERS, CITY.inDistrict(SUD)))
                .isInstanceOf(NotAllowedException.class);

        long id = queue(AGENT_OF_NORD, ExportKind.RAW_CSV, CITY.inDistrict(NORD)).getId();
        runner("worker-1").runNext();
        Map<String, byte[]> files = unzip(Files.readAllBytes(fileOf(job(AGENT_OF_NORD, id))));
        assertThat(csv(files.get("answers.csv"))).hasSize(1 + 5).noneMatch(r -> r.toList().contains("Parc à Sud"));
        assertThat(files.keySet()).doesNotContain("pabulib/2027-call-" + call + "-sud.pb");
    }

    @Test
    void aJobLeftRunningByAKilledInstanceIsQueuedAgainAndWrittenFromScratch() throws IOException {
        long id = queue(ANALYST, ExportKind.RAW_WORKBOOK, CITY).getId();
        // an instance claims it, writes half a file, and is killed: its heartbeat stops
        ExportJob claimed = db().inTransaction(em -> jobs(em).claimNext("killed-instance", AFTER)).orElseThrow();
        Path partial = directory.resolve(ExportRunner.partialName(id, claimed.getAttempts()));
        Files.write(partial, new byte[] {'P', 'K', 3, 4, 0, 0});
        ExportRunner restarted = runner("restarted-instance");

        clock.set(AFTER.plusSeconds(30));
        assertThat(restarted.recover(Duration.ofMinutes(2), 3)).as("its heartbeat is recent: still running").isZero();
        assertThat(restarted.runNext()).isEmpty();

        clock.set(AFTER.plus(Duration.ofMinutes(3)));
        assertThat(restarted.recover(Duration.ofMinutes(2), 3)).isEqualTo(1);
        assertThat(partial).doesNotExist();
        assertThat(job(ANALYST, id).getStatus()).isEqualTo(ExportStatus.QUEUED);

        assertThat(restarted.runNext()).contains(id);
        ExportJob done = job(ANALYST, id);
        assertThat(done.getStatus()).isEqualTo(ExportStatus.DONE);
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getRunner()).contains("restarted-instance");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(fileOf(done)))) {
            assertThat(sheetRows(book.getSheet("Réponses (brut)"))).containsExactlyElementsOf(expectedAnswers());
        }
        try (var files = Files.list(directory)) {
            assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(done.getFileName().orElseThrow());
        }
        // the killed instance, were it to come back, holds nothing any more
        boolean stillHeld = db().inTransaction(em -> jobs(em).progress(id, "killed-instance", 10, 10L, AFTER));
        assertThat(stillHeld).isFalse();
    }

    @Test
    void aJobThatKeepsKillingItsInstanceIsGivenUpAfterItsLastAttempt() {
        long id = queue(ANALYST, ExportKind.RAW_CSV, CITY).getId();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant claimedAt = AFTER.plus(Duration.ofMinutes(10L * attempt));
            db().inTransaction(em -> jobs(em).claimNext("instance", claimedAt)).orElseThrow();
            clock.set(claimedAt.plus(Duration.ofMinutes(5)));
            runner("another").recover(Duration.ofMinutes(2), 3);
        }
        ExportJob given = job(ANALYST, id);
        assertThat(given.getStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(given.getError()).contains("stopped 3 times without finishing");
    }

    @Test
    void aFinishedFileExpiresItsFileDeletedAndTheJobMarkedExpired() throws IOException {
        long id = queue(ANALYST, ExportKind.KPI_WORKBOOK, CITY).getId();
        ExportRunner runner = runner("worker-1");
        runner.runNext();
        Path file = fileOf(job(ANALYST, id));
        assertThat(file).exists();
        Path orphan = Files.write(directory.resolve("export-999-1.part"), new byte[] {1});
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(AFTER.minus(Duration.ofHours(2))));

        clock.set(AFTER.plus(Duration.ofHours(23)));
        assertThat(runner.expire()).as("the orphan partial file of no job").isEqualTo(1);
        assertThat(file).exists();
        ExportJob ready = db().inTransaction(em -> jobs(em).ready(ANALYST, id));
        assertThat(ready.getStatus()).isEqualTo(ExportStatus.DONE);

        clock.set(AFTER.plus(Duration.ofHours(24)));
        assertThat(runner.expire()).isEqualTo(1);
        assertThat(file).doesNotExist();
        ExportJob expired = job(ANALYST, id);
        assertThat(expired.getStatus()).isEqualTo(ExportStatus.EXPIRED);
        assertThat(expired.getFileName()).isEmpty();
        assertThatThrownBy(() -> db().inTransaction(em -> jobs(em).ready(ANALYST, id)))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("export.expired");
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anotherPersonNeitherSeesTheJobNorItsFileAndTheOwnerIsTold() {
        long id = queue(ANALYST, ExportKind.KPI_WORKBOOK, CITY).getId();
        assertThatThrownBy(() -> db().inTransaction(em -> jobs(em).ready(ANALYST, id)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("export.notReady");
        runner("worker-1").runNext();

        ExportJob ready = db().inTransaction(em -> jobs(em).ready(ANALYST, id));
        assertThat(ready.getId()).isEqualTo(id);
        for (Actor other : List.of(OTHER_ANALYST, OFFICE, AGENT_OF_NORD)) {
            assertThatThrownBy(() -> job(other, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db().inTransaction(em -> jobs(em).ready(other, id)))
                    .isInstanceOf(NotFoundException.class).hasMessageStartingWith("export.notFound");
            List<ExportJob> theirs = db().inTransaction(em -> jobs(em).mine(other));
            assertThat(theirs).isEmpty();
        }
        assertThatThrownBy(() -> db().inTransaction(em -> jobs(em).mine(ALICE))).isInstanceOf(NotAllowedException.class);
        List<ExportJob> mine = db().inTransaction(em -> jobs(em).mine(ANALYST));
        assertThat(mine).extracting(ExportJob::getId).containsExactly(id);

        List<?> told = db().inTransaction(em -> em.createNativeQuery("select recipient, kind, event_key from notifications"
                + " where kind = 'EXPORT_READY'")
                .getResultList());
        assertThat(told).hasSize(1);
        assertThat((Object[]) told.get(0)).containsExactly("analyst", "EXPORT_READY", "export.ready");
    }

    @Test
    void aPersonHasAtMostThreeExportsInProgress() {
        queue(ANALYST, ExportKind.RAW_CSV, CITY);
        queue(ANALYST, ExportKind.RAW_CSV, CITY);
        queue(ANALYST, ExportKind.RAW_WORKBOOK, CITY);
        assertThatThrownBy(() -> queue(ANALYST, ExportKind.KPI_WORKBOOK, CITY))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("export.tooMany");
        queue(OTHER_ANALYST, ExportKind.KPI_WORKBOOK, CITY);

        runner("worker-1").runNext();
        assertThat(queue(ANALYST, ExportKind.KPI_WORKBOOK, CITY).getStatus()).isEqualTo(ExportStatus.QUEUED);
        assertThat(jobCount()).isEqualTo(5);
    }

    // --- reading files back ---

    private static ExportProducerProgress ignored() {
        return new ExportProducerProgress();
    }

    static final class ExportProducerProgress implements org.agora.exports.ExportProducer.Progress {
        @Override
        public void expected(long rows) {
        }

        @Override
        public void written(long rows) {
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    /** A sheet's data rows as the raw tables' values: whole numbers as longs, dates, booleans, blanks as nulls. */
    private static List<List<Object>> sheetRows(XSSFSheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        int columns = sheet.getRow(0).getLastCellNum();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                values.add(value(row.getCell(c)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return switch (cell.getCellType()) {
            case BOOLEAN -> cell.getBooleanCellValue();
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> "yyyy-mm-dd".equals(cell.getCellStyle().getDataFormatString())
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                    ? (Object) (long) cell.getNumericCellValue() : BigDecimal.valueOf(cell.getNumericCellValue());
            default -> throw new IllegalStateException("unexpected cell " + cell);
        };
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), entries.readAllBytes());
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
