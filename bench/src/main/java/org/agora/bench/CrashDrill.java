package org.agora.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app killed (kill -9) while it writes a raw-data export and after a resident saved a questionnaire's draft,
 * then started again: the export is queued again by the restarted app (its heartbeat stopped), written from scratch
 * and complete, its partial file gone; the draft is still the resident's; nothing is left half done.
 */
final class CrashDrill {

    /** The demo's open, named (not anonymous) consultation: Belrive by bike. */
    private static final long CONSULTATION = 1;
    private static final String DRAFT = "{\"answers\": {\"cycles\": [\"daily\"], \"improvements\": [\"lanes\", \"repair\"],"
            + " \"safety\": 2, \"idea\": \"Une piste le long des quais, brouillon du drill\"}}";

    private final FaultDrills d;
    private final long answers = Long.getLong("faults.export-answers", 400_000);

    CrashDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        System.setProperty("bench.answers", Long.toString(answers));
        System.setProperty("bench.ballots", "2000");
        long seedStart = System.nanoTime();
        new ExportBench().seed();
        FaultDrills.figure("seeded %,d consultation answers in %s (so that the export runs long enough to be killed)",
                answers, FaultDrills.seconds(System.nanoTime() - seedStart));

        // the draft, acknowledged before the crash
        String resident = d.token("resident", "Resident-2026");
        Http.Reply saved = d.http.json("PUT", d.app + "/api/consultations/" + CONSULTATION + "/draft", resident, DRAFT);
        d.check(saved.status() == 200, "crash: a resident's draft of consultation %d saved before the crash (HTTP %d)",
                CONSULTATION, saved.status());
        Object draftBefore = saved.json().get("answers");

        // an export, killed while its file is being written
        String analyst = d.token("analyst", "Analyst-2026");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String body = "{\"kind\": \"RAW_CSV\", \"from\": \"" + today.minusDays(120) + "\", \"to\": \"" + today
                + "\", \"tables\": [\"answers\"], \"language\": \"en\"}";
        long id = d.http.json("POST", d.app + "/api/exports", analyst, body).expect(202, "export queued").json()
                .getJsonNumber("id").longValue();
        Path files = d.work.resolve("exports-files");
        Path part = files.resolve("export-" + id + "-1.part");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(part) && Files.size(part) > 100_000) && System.nanoTime() < deadline) {
            JsonObject job = d.http.get(d.app + "/api/exports/" + id, analyst).expect(200, "export").json();
            if (!List.of("QUEUED", "RUNNING").contains(job.getString("status"))) {
                throw new IllegalStateException("the export ended before it could be killed: " + job
                        + " (raise FAULTS_EXPORT_ANSWERS)");
            }
            Thread.sleep(50);
        }
        long partBytes = Files.size(part);
        d.ctl("app-kill", "a");
        long killedAt = System.nanoTime();
        String statusAtKill = status(id);
        d.check("RUNNING".equals(statusAtKill) && partBytes > 0, "crash: the app killed (kill -9) mid-export: job %d"
                + " %s in the database, %,d bytes of its partial file written", id, statusAtKill, partBytes);

        d.ctl("app-start", "a");
        long restarted = System.nanoTime() - killedAt;
        analyst = d.token("analyst", "Analyst-2026");
        JsonObject job = null;
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            job = d.http.get(d.app + "/api/exports/" + id, analyst).expect(200, "export").json();
            if (!List.of("QUEUED", "RUNNING").contains(job.getString("status"))) {
                break;
            }
            Thread.sleep(1000);
        }
        long done = System.nanoTime() - killedAt;
        long attempts = d.db.number("select attempts from export_jobs where id = ?", id);
        d.check(job != null && "DONE".equals(job.getString("status")), "crash: the export restarted and completed"
                + " after the app came back: %s, attempt %d, %s after the kill (the app ready after %s; a job without"
                + " heartbeat for 2 minutes is queued again)", job == null ? "?" : job.getString("status"), attempts,
                FaultDrills.seconds(done), FaultDrills.seconds(restarted));
        if (job != null && "DONE".equals(job.getString("status"))) {
            long rows = job.getJsonNumber("rowsWritten").longValue();
            Path file = d.work.resolve("crash-export-" + id + ".zip");
            HttpResponse<Path> download = d.http.client().send(Http.request(d.app + job.getString("file"), analyst)
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
            long counted = ExportBench.csvRows(file);
            Files.deleteIfExists(file);
            d.check(download.statusCode() == 200 && counted == rows && rows >= answers, "crash: the restarted export's"
                    + " file is whole: %,d rows in the CSV, %,d counted by the job, %,d answers seeded", counted, rows,
                    answers);
        }
        List<String> leftovers = leftovers(files);
        d.check(leftovers.isEmpty(), "crash: no partial file left in the exports' directory %s", leftovers);

        // the draft after the crash
        resident = d.token("resident", "Resident-2026");
        Http.Reply mine = d.http.get(d.app + "/api/consultations/" + CONSULTATION + "/response", resident);
        boolean same = mine.status() == 200 && "DRAFT".equals(mine.json().getString("status"))
                && mine.json().get("answers").equals(draftBefore);
        d.check(same, "crash: the resident's draft is still there after the crash, answer for answer (HTTP %d, %s)",
                mine.status(), mine.status() == 200 ? mine.json().getString("status") : mine.body());
        long drafts = d.db.number("select count(*) from responses where consultation_id = ? and respondent = 'resident'",
                CONSULTATION);
        d.check(drafts == 1, "crash: one response row for the resident (%d)", drafts);
        Http.Reply again = d.http.json("PUT", d.app + "/api/consultations/" + CONSULTATION + "/draft", resident, DRAFT);
        d.check(again.status() == 200, "crash: the draft can be saved again on the restarted app (HTTP %d)",
                again.status());
    }

    private String status(long id) throws Exception {
        try (var c = d.db.connect(); var st = c.prepareStatement("select status from export_jobs where id = ?")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String> leftovers(Path files) throws IOException {
        try (Stream<Path> all = Files.list(files)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }
}
