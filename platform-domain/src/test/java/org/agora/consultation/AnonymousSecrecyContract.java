package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.agora.shared.Actor;
import org.agora.shared.DomainException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attacker who holds a copy of the database (a backup taken while the consultation was open, another after it
 * closed, the dump's row order, the physical order of rows) and knows when each person answered (the app's access
 * logs, the WAL's commit times) tries every join they can to name the author of each anonymous response. Sixty
 * named residents answer with distinct answers; each strategy may name the right person for no more responses
 * than chance allows (zipping two unrelated orders of 60 names one right on average; 9 or more happens about once
 * in a million runs).
 */
abstract class AnonymousSecrecyContract extends DatabaseTest {

    static final int RESIDENTS = 60;
    static final int CHANCE = 8;
    static final Instant OPENED = ResponsePersistenceContract.OPENED;
    static final Instant CLOSED = ConsultationPersistenceContract.NOW.plus(19, ChronoUnit.DAYS);

    /** What the attacker learns and what really happened. */
    private long consultationId;
    private final Map<String, String> markerOf = new LinkedHashMap<>(); // username -> their unique street answer
    private final Map<String, Instant> answeredAt = new LinkedHashMap<>(); // what the logs say
    private final Map<String, String> draftsSeenInBackup = new HashMap<>(); // username -> marker, from a backup

    protected abstract boolean postgres();

    /** The attacker reads the rows in their physical order: the test starts on new storage, as a fresh database. */
    @Override
    protected boolean needsNewStorage() {
        return true;
    }

    ResponseService responseService(EntityManager em) {
        return Services.on(em).sealedWith(SealsForTests.SEAL).responses();
    }

    ConsultationService consultationService(EntityManager em) {
        return Services.on(em).sealedWith(SealsForTests.SEAL).consultations();
    }

    private <T> T responses(Function<ResponseService, T> work) {
        return db().inTransaction(em -> work.apply(responseService(em)));
    }

    private <T> T consultations(Function<ConsultationService, T> work) {
        return db().inTransaction(em -> work.apply(consultationService(em)));
    }

    /** Runs plain SQL as the attacker would, on a raw connection. */
    private <T> T raw(SqlWork<T> work) {
        return db().inTransaction(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @BeforeEach
    void sixtyResidentsAnswerAnAnonymousConsultation() {
        ConsultationDraft draft = ConsultationPersistenceContract.draft("nord");
        ConsultationDraft anonymous = new ConsultationDraft(draft.title(), draft.description(), null, "nord",
                draft.opensAt(), draft.closesAt(), true, false);
        Actor agent = ConsultationPersistenceContract.AGENT_OF_NORD;
        consultationId = consultations(c -> c.create(agent, anonymous)).getId();
        consultations(c -> c.replaceQuestions(agent, consultationId, ConsultationPersistenceContract.ALL_TYPES));
        consultations(c -> c.schedule(agent, consultationId, ConsultationPersistenceContract.NOW));
        consultations(c -> c.applySchedule(OPENED));

        Random random = new Random(12);
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            lengths.add(i * 70); // answer sizes from nothing to 4,130 characters, in an order unrelated to time
        }
        Collections.shuffle(lengths, random);
        for (int i = 0; i < RESIDENTS; i++) {
            Actor resident = ResponsePersistenceContract.resident("habitant" + i, "nord");
            String marker = "Rue numéro " + i + " bis";
            Map<String, Answer> answers = ResponsePersistenceContract.fullAnswers();
            answers.put("street", new Answer.Text(marker));
            answers.put("idea", new Answer.Text("Idée " + i + " " + "v".repeat(lengths.get(i))));
            answers.put("safety", new Answer.Number(BigDecimal.valueOf(1 + random.nextInt(5))));
            answers.put("trips", new Answer.Number(BigDecimal.valueOf(random.nextInt(121))));
            markerOf.put(resident.username(), marker);
            Instant at = OPENED.plus(Duration.ofHours(4L * i + 1));
            answeredAt.put(resident.username(), at);
            if (i % 3 == 0) {
                tryToSaveADraft(resident, answers, at.minus(Duration.ofMinutes(30)));
                backupSeesDrafts();
            }
            responses(r -> r.submit(resident, consultationId, answers, at));
        }
    }

    private void tryToSaveADraft(Actor resident, Map<String, Answer> answers, Instant at) {
        try {
            responses(r -> r.saveDraft(resident, consultationId, answers, at));
        } catch (DomainException refused) {
            // an anonymous consultation may keep no draft on the server: the browser keeps it
        }
    }

    /** A nightly backup taken while drafts exist: every row naming a person, with the answers beside it. */
    private void backupSeesDrafts() {
        raw(connection -> {
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select r.respondent, a.text_value from responses r"
                         + " join response_answers a on a.response_id = r.id"
                         + " where r.respondent is not null and a.question_code = 'street'"
                         + " and r.consultation_id = " + consultationId)) {
                while (rows.next()) {
                    draftsSeenInBackup.put(rows.getString(1), rows.getString(2));
                }
            }
            return null;
        });
    }

    private void close() {
        consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, consultationId, CLOSED));
    }

    private int rightGuesses(Map<String, String> guesses) {
        return (int) guesses.entrySet().stream().filter(g -> g.getValue() != null
                && g.getValue().equals(markerOf.get(g.getKey()))).count();
    }

    /** The has-answered marks in the order the attacker sees them stored (rows on disk, or H2's row keys). */
    private List<String> marksInStoredOrder() {
        String order = postgres() ? "ctid" : "_ROWID_";
        return strings("select respondent from consultation_participations where consultation_id = " + consultationId
                + " order by " + order);
    }

    /** The street answer of each response (its "content"), responses in the given order. */
    private List<String> responsesContentIn(String order) {
        return strings("select a.text_value from responses r join response_answers a on a.response_id = r.id"
                + " where a.question_code = 'street' and r.consultation_id = " + consultationId + " order by " + order);
    }

    private List<String> strings(String sql) {
        return raw(connection -> {
            List<String> values = new ArrayList<>();
            try (Statement st = connection.createStatement(); ResultSet rows = st.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    private static Map<String, String> zip(List<String> people, List<String> contents) {
        Map<String, String> guesses = new HashMap<>();
        for (int i = 0; i < Math.min(people.size(), contents.size()); i++) {
            guesses.put(people.get(i), contents.get(i));
        }
        return guesses;
    }

    @Test
    void theMarkSharesItsTransactionWithNoReadableAnswer() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "xmin is PostgreSQL's");
        Map<String, String> guesses = new HashMap<>();
        guesses.putAll(sameTransaction()); // a backup while open
        close();
        sameTransaction().forEach(guesses::putIfAbsent); // and one after closing

        assertThat(rightGuesses(guesses)).isLessThanOrEqualTo(CHANCE);
    }

    /**
     * For each mark, every row of every table written by the same transaction (same xmin); a street answer read
     * in any of them, directly or through the response it belongs to, names the person.
     */
    private Map<String, String> sameTransaction() {
        return raw(connection -> {
            Map<String, String> byXmin = new HashMap<>();
            List<String> tables = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select table_name from information_schema.tables"
                         + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, String> streetOfResponse = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select response_id, text_value from response_answers"
                         + " where question_code = 'street'")) {
                while (rows.next()) {
                    streetOfResponse.put(rows.getString(1), rows.getString(2));
                }
            }
            for (String table : tables) {
                try (Statement st = connection.createStatement();
                     ResultSet rows = st.executeQuery("select xmin::text, row_to_json(t)::text from " + table + " t")) {
                    while (rows.next()) {
                        String json = rows.getString(2);
                        String found = markerOf.values().stream().filter(json::contains).findFirst().orElse(null);
                        if (found == null && table.equals("responses")) {
                            String id = json.replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
                            found = streetOfResponse.get(id);
                        }
                        if (found != null) {
                            byXmin.putIfAbsent(rows.getString(1), found);
                        }
                    }
                }
            }
            Map<String, String> guesses = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select xmin::text, respondent from consultation_participations")) {
                while (rows.next()) {
                    guesses.put(rows.getString(2), byXmin.get(rows.getString(1)));
                }
            }
            return guesses;
        });
    }

    @Test
    void theOrderOfRowsOnDiskLinksNoOne() {
        close();
        String physical = postgres() ? "r.ctid, a.ctid" : "r._ROWID_, a._ROWID_";

        assertThat(rightGuesses(zip(marksInStoredOrder(), responsesContentIn(physical)))).isLessThanOrEqualTo(CHANCE);
    }

    @Test
    void theOrderOfAPgDumpLinksNoOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "pg_dump is PostgreSQL's");
        close();
        List<String> marks = copyOut("consultation_participations").stream()
                .filter(line -> line.startsWith(consultationId + "\t")).map(line -> line.split("\t")[1]).toList();
        List<String> responseIds = copyOut("responses").stream()
                .filter(line -> line.split("\t")[1].equals(String.valueOf(consultationId)))
                .map(line -> line.split("\t")[0]).toList();
        Map<String, String> streetOfResponse = new HashMap<>();
        List<String> streetsInDumpOrder = new ArrayList<>();
        for (String line : copyOut("response_answers")) {
            String[] columns = line.split("\t");
            if (columns[2].equals("street")) {
                streetOfResponse.put(columns[0], columns[7]);
                streetsInDumpOrder.add(columns[7]);
            }
        }
        List<String> contents = responseIds.stream().map(streetOfResponse::get).toList();

        assertThat(rightGuesses(zip(marks, contents))).isLessThanOrEqualTo(CHANCE);
        assertThat(rightGuesses(zip(marks, streetsInDumpOrder.stream().filter(markerOf::containsValue).toList())))
                .isLessThanOrEqualTo(CHANCE);
    }

    /** The lines pg_dump would write for a table: COPY ... TO STDOUT, in its order. */
    private List<String> copyOut(String table) {
        return raw(connection -> {
            StringWriter out = new StringWriter();
            try {
                new org.postgresql.copy.CopyManager(connection.unwrap(org.postgresql.core.BaseConnection.class))
                        .copyOut("COPY " + table + " TO STDOUT", out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString().lines().toList();
        });
    }

    @Test
    void responseIdsFollowNoOrderOfAnswering() {
        close();

        assertThat(rightGuesses(zip(marksInStoredOrder(), responsesContentIn("r.id")))).isLessThanOrEqualTo(CHANCE);
    }

    @Test
    void storedTimesLinkNoOneEvenWithTheLogsOfWhoAnsweredWhen() {
        close();
        List<String> peopleByTime = answeredAt.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
        List<String> contentsByTime = responsesContentIn("r.submitted_at, r.saved_at, r.id");
        List<String> times = strings("select distinct submitted_at from responses where consultation_id = " + consultationId);

        assertThat(rightGuesses(zip(peopleByTime, contentsByTime))).isLessThanOrEqualTo(CHANCE);
        assertThat(times).as("every anonymous response carries the same time").hasSize(1);
    }

    @Test
    void noBackupEverHoldsADraftWithAName() {
        close();

        assertThat(rightGuesses(draftsSeenInBackup)).isLessThanOrEqualTo(CHANCE);
        assertThat(draftsSeenInBackup).isEmpty();
    }

    @Test
    void theSizeOfWhatTheMarkWroteLinksNoOne() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "xmin is PostgreSQL's");
        // while open: the size of every row written with each mark, largest first
        Map<String, Long> sizeByXmin = raw(connection -> {
            Map<String, Long> sizes = new HashMap<>();
            List<String> tables = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select table_name from information_schema.tables"
                         + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                         + " and table_name <> 'consultation_participations'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement st = connection.createStatement();
                     ResultSet rows = st.executeQuery("select xmin::text, octet_length(t::text) from " + table + " t")) {
                    while (rows.next()) {
                        sizes.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    }
                }
            }
            return sizes;
        });
        Map<String, Long> sizeOfPerson = new HashMap<>();
        raw(connection -> {
            try (Statement st = connection.createStatement();
                 ResultSet rows = st.executeQuery("select xmin::text, respondent from consultation_participations")) {
                while (rows.next()) {
                    sizeOfPerson.put(rows.getString(2), sizeByXmin.getOrDefault(rows.getString(1), 0L));
                }
            }
            return null;
        });
        close();
        List<String> peopleBySize = marksInStoredOrder().stream()
                .sorted(Comparator.comparing(sizeOfPerson::get)).toList(); // stable: ties keep the stored order
        List<String> contentsBySize = responsesContentIn("(select sum(octet_length(coalesce(b.text_value, '')))"
                + " from response_answers b where b.response_id = r.id), r.ctid");

        assertThat(rightGuesses(zip(peopleBySize, contentsBySize))).isLessThanOrEqualTo(CHANCE);
    }

    @Test
    void everySealedResponseHasTheSameLengthWhateverItSays() {
        assertThat(strings("select distinct octet_length(sealed) from sealed_responses where consultation_id = "
                + consultationId)).hasSize(1);
        assertThat(strings("select count(*) from sealed_responses")).containsExactly(String.valueOf(RESIDENTS));
    }

    @Test
    void everyResponseIsCountedOnceTheConsultationCloses() {
        close();

        List<String> streets = responsesContentIn("r.id");
        assertThat(streets).containsExactlyInAnyOrderElementsOf(markerOf.values());
        assertThat(strings("select count(*) from responses where respondent is not null")).containsExactly("0");
        ConsultationResults results = responses(r -> ConsultationResults.tally(
                consultations(c -> c.get(consultationId)).getQuestionnaire(), r.submitted(consultationId)));
        assertThat(results.responses()).isEqualTo(RESIDENTS);
    }
}
