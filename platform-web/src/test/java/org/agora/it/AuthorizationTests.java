package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.it.AuthorizationMatrix.Caller;
import org.agora.it.AuthorizationMatrix.Row;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix checked against the running application: each caller asks for each address with the
 * items of the fixture (Nord's, or Sud's for Nord's agent asking elsewhere). Every read is asked of every caller;
 * a write is asked only of the callers it must refuse (nothing may happen: the answer is 401, 403 or 404), its
 * allowed callers being the feature tests' subject; its body is an empty JSON object (or array, for an endpoint taking
 * a list), so that a refusal cannot come from the body's shape. Pages and files are asked with the caller's session (signed in over HTTP),
 * the API with their access token. With {@code -Dagora.test.matrix.observe=FILE} every cell is asked (writes too,
 * least privileged callers first) and the answers are written to FILE in the matrix's format, to review.
 */
abstract class AuthorizationTests {

    @Test
    void everyPageFileAndEndpointServesOrRefusesEachCallerAsTheMatrixSays() throws Exception {
        String observe = System.getProperty("agora.test.matrix.observe");
        long start = System.nanoTime();
        // observing asks the served writes too, which change the items: a fixture of its own then
        AuthorizationFixture fixture = observe == null ? AuthorizationFixture.shared() : AuthorizationFixture.make();
        long made = System.nanoTime();
        Map<Caller, String> sessions = sessions();
        long signedIn = System.nanoTime();
        Set<Targets.Target> arrays = Targets.takingArrays();
        List<Row> rows = new ArrayList<>(AuthorizationMatrix.rows());
        // reads first, then writes, deletions and the sign-out last: what a served write does cannot hide a read
        rows.sort(Comparator.comparingInt(AuthorizationTests::order));
        List<Caller> callers = new ArrayList<>(List.of(Caller.VISITOR, Caller.RESIDENT, Caller.ANALYST,
                Caller.AGENT_ELSEWHERE, Caller.MODERATOR, Caller.AGENT, Caller.OFFICE));

        Context context = new Context(fixture, sessions, Targets.takingArrays(), observe != null);
        List<Answer> answers = new ArrayList<>();
        // one row after the other, least privileged callers first: a served write (asked when observing) changes
        // what follows; the page reads are then asked again with the callers side by side
        for (Row row : rows) {
            for (Caller caller : callers) {
                context.ask(row, caller).ifPresent(answers::add);
            }
        }
        if (context.everyCell()) {
            write(Path.of(observe), answers);
        }
        List<String> wrong = answers.stream()
                .filter(a -> a.served() == '!' || (!context.everyCell() && a.served() != a.expected()))
                .map(Answer::toString).toList();
        long sequential = System.nanoTime();
        List<String> wrongSideBySide = context.everyCell() ? List.of() : sideBySide(context, rows, callers);
        System.out.printf("Authorization matrix: %d addresses, %d requests; fixture %d ms, sign-ins %d ms, requests %d ms,"
                        + " pages side by side %d ms%n", rows.size(), answers.size(), (made - start) / 1_000_000,
                (signedIn - made) / 1_000_000, (sequential - signedIn) / 1_000_000, (System.nanoTime() - sequential) / 1_000_000);
        assertThat(wrong).as("answers that differ from " + AuthorizationMatrix.RESOURCE).isEmpty();
        assertThat(wrongSideBySide).as("answers that differ from " + AuthorizationMatrix.RESOURCE
                + " when the callers ask the pages at the same time").isEmpty();
    }

    /**
     * The callers' sessions side by side: every caller asks every page read at once with the others, as
     * people using the platform at the same time do; each answer must still be the matrix's (a session served with
     * another's rights, or refused its own, would show here and not one caller at a time).
     */
    private static List<String> sideBySide(Context context, List<Row> rows, List<Caller> callers) throws Exception {
        List<Row> pages = rows.stream().filter(r -> r.reads() && !r.api()).toList();
        int rounds = Integer.getInteger("agora.test.matrix.rounds", 1); // more, to chase a rare wrong answer
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers.size());
        try {
            List<java.util.concurrent.Future<List<Answer>>> asked = new ArrayList<>();
            for (Caller caller : callers) {
                asked.add(pool.submit(() -> {
                    List<Answer> mine = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        for (Row row : pages) {
                            context.ask(row, caller).ifPresent(mine::add);
                        }
                    }
                    return mine;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (var answers : asked) {
                answers.get().stream().filter(a -> a.served() != a.expected()).map(Answer::toString).forEach(wrong::add);
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One caller's answer at one address. */
    private record Answer(Row row, Caller caller, String address, int status, String location, char served) {

        char expected() {
            return row.cells().charAt(caller.ordinal());
        }

        @Override
        public String toString() {
            return row.method() + " " + address + " as " + caller + ": expected " + expected() + ", answered " + status
                    + (location.isEmpty() ? "" : " to " + location) + " (line " + row.line() + ")";
        }
    }

    /** What every request needs: the fixture, the sessions, the bodies' shapes, and whether every cell is asked. */
    private record Context(AuthorizationFixture fixture, Map<Caller, String> sessions, Set<Targets.Target> arrays,
                           boolean everyCell) {

        Optional<Answer> ask(Row row, Caller caller) {
            if (!everyCell && !row.reads() && row.served(caller)) {
                return Optional.empty();
            }
            if (everyCell && row.method().equals("DELETE") && row.address().equals("/api/me") && caller.user != null) {
                return Optional.empty(); // a served deletion would delete a demo account
            }
            String address = fixture.resolve(row.address(), caller.district);
            try {
                HttpResponse<Void> response = send(row, address, caller, sessions.get(caller),
                        arrays.contains(row.target()) ? "[]" : "{}");
                return Optional.of(new Answer(row, caller, address, response.statusCode(),
                        response.headers().firstValue("Location").orElse(""), served(row, response)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int order(Row row) {
        if (row.address().equals("/signout")) {
            return 3;
        }
        return switch (row.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    /** Each signed-in caller's session (signed in through Keycloak's page, the terms accepted), as cookies. */
    private static Map<Caller, String> sessions() {
        Map<Caller, String> sessions = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller.user == null) {
                continue;
            }
            String same = sessions.entrySet().stream().filter(e -> e.getKey().user == caller.user)
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (same != null) {
                sessions.put(caller, same);
                continue;
            }
            sessions.put(caller, HttpSignIn.cookies(caller.user));
        }
        return sessions;
    }

    private static HttpResponse<Void> send(Row row, String address, Caller caller, String session, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.APP + address))
                .header("Accept-Language", "fr");
        if (caller.user != null) {
            if (row.api()) {
                request.header("Authorization", "Bearer " + Platform.token(caller.user));
            } else {
                request.header("Cookie", session);
            }
        }
        if (row.reads()) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return Platform.http().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * {@code +} when the caller was served (an answer past the guard, a refusal of the input included), {@code -}
     * when refused or sent to sign in, {@code !} for a server error.
     */
    private static char served(Row row, HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return '!';
        }
        if (status == 401 || status == 403 || status == 404) {
            return '-';
        }
        if (!row.api() && status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("");
            return location.contains("/protocol/openid-connect/auth") ? '-' : '+';
        }
        return '+';
    }

    /** The observed cells in the matrix's format ({@code ?} where nothing was asked), to review and copy. */
    private static void write(Path file, List<Answer> answers) {
        Map<Row, Map<Caller, Character>> observed = new LinkedHashMap<>();
        answers.forEach(a -> observed.computeIfAbsent(a.row(), r -> new EnumMap<>(Caller.class)).put(a.caller(), a.served()));
        StringBuilder text = new StringBuilder();
        for (Row row : AuthorizationMatrix.rows()) {
            Map<Caller, Character> cells = observed.getOrDefault(row, Map.of());
            text.append(String.format("%-7s %-62s", row.method(), row.address()));
            for (Caller caller : Caller.values()) {
                text.append(' ').append(cells.getOrDefault(caller, '?'));
            }
            text.append('\n');
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
