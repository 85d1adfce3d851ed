package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.it.AuthorizationMatrix.Caller;
import org.agora.it.AuthorizationMatrix.Row;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Accessibility (RGAA 4 / WCAG 2.1 AA): axe-core in headless Chromium on every page of the application as every
 * caller the authorization matrix serves it to (the visitor, a resident, the district agent at home and elsewhere,
 * the moderator, the office, the analyst), failing on any serious or critical violation, each named with its rule,
 * its help and the first element concerned. The pages are the matrix's: a new page has its line there (the build
 * fails otherwise), so it is checked here for each role that may open it. A page opened by several callers is checked
 * again only when what they are shown differs (its elements, their roles, labels and classes; not the words of its
 * items), outside its header, or when the header is one not checked yet: axe reads nothing else.
 */
abstract class AccessibilityTests {

    /**
     * The pages whose line in the matrix serves no caller with the fixture's item (the follow-up of a project not
     * selected), opened at an address that shows them: the follow-up of a winner of an imported election.
     */
    private static final Map<String, String> SHOWN_ELSEWHERE = Map.of(
            "/budget/followup.xhtml", "/budget/followup.xhtml?project={winner}");

    /** The callers in the order they are asked: the least privileged first. */
    private static final List<Caller> CALLERS = List.of(Caller.VISITOR, Caller.RESIDENT, Caller.AGENT,
            Caller.AGENT_ELSEWHERE, Caller.MODERATOR, Caller.OFFICE, Caller.ANALYST);

    /**
     * What axe reads of a page, as two short digests: of its header (the menus of the person signed in, the same on
     * every page but for the current one), and of the rest of the page with its address. Each is made of every
     * element's name, its attributes that speak to assistive technologies or style it (the words of titles and names
     * of items left out), and whether it holds text.
     */
    private static final String SHAPES = """
            const names = ['role', 'type', 'class', 'for', 'href', 'tabindex', 'lang', 'scope', 'headers', 'disabled',
                           'hidden', 'required', 'alt', 'title', 'placeholder', 'name'];
            const digest = roots => {
                let hash = 2166136261;
                const add = s => { for (let i = 0; i < s.length; i++) { hash ^= s.charCodeAt(i); hash = Math.imul(hash, 16777619); } };
                const walk = element => {
                    add('<' + element.tagName);
                    for (const a of element.attributes) {
                        if ((a.name.startsWith('aria-') && a.name !== 'aria-current') || a.name === 'id' || names.includes(a.name)) {
                            add(' ' + a.name + '=' + (a.name === 'class' || a.name === 'role' || a.name === 'type'
                                ? a.value : a.value.length === 0 ? '' : '*'));
                        }
                    }
                    for (const child of element.childNodes) {
                        if (child.nodeType === 3 && child.textContent.trim().length > 0) { add('#'); }
                    }
                    for (const child of element.children) { walk(child); }
                    add('>');
                };
                roots.forEach(walk);
                return String(hash >>> 0);
            };
            const header = document.querySelector('header');
            return [document.location.pathname + ' ' + digest([...document.body.children].filter(e => e !== header)),
                    'header ' + digest(header ? [header] : [])];
            """;

    @Test
    void everyPageOfEveryRoleHasNoSeriousViolation() throws Exception {
        long start = System.nanoTime();
        AuthorizationFixture fixture = AuthorizationFixture.shared();
        String winner = String.valueOf(followedUpWinner());
        long made = System.nanoTime();
        List<Row> pages = AuthorizationMatrix.rows().stream()
                .filter(row -> row.reads() && row.target().path().endsWith(".xhtml")).toList();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        List<String> unopened = new ArrayList<>();
        Set<String> shapesChecked = new HashSet<>();
        int views = 0;
        int axeRuns = 0;
        // one browser, signed in as each person in turn (the visitor first): Nord's agent asking about Sud's items is
        // the same person as at home
        try (Browser browser = new Browser()) {
            DemoUser signedIn = null;
            for (Caller caller : CALLERS) {
                if (caller.user != null && caller.user != signedIn) {
                    browser.signIn(caller.user);
                    signedIn = caller.user;
                }
                for (Row row : pages) {
                    String address = row.address();
                    if (CALLERS.stream().noneMatch(row::served)) {
                        String elsewhere = SHOWN_ELSEWHERE.get(row.target().path());
                        if (elsewhere == null) {
                            if (caller == Caller.VISITOR) {
                                unopened.add(row.address() + " (line " + row.line() + ")");
                            }
                            continue;
                        }
                        address = elsewhere.replace("{winner}", winner);
                    } else if (!row.served(caller)) {
                        continue;
                    }
                    String opened = fixture.resolve(address, caller.district);
                    browser.open(opened);
                    views++;
                    @SuppressWarnings("unchecked")
                    List<String> shapes = (List<String>) browser.driver().executeScript(SHAPES);
                    // both added: a new header is checked once, on the first page that shows it
                    if (shapesChecked.add(shapes.get(0)) | shapesChecked.add(shapes.get(1))) {
                        axeRuns++;
                        List<String> found = Axe.seriousViolations(browser);
                        if (!found.isEmpty()) {
                            violations.put(opened + " as " + caller, found);
                        }
                    }
                }
            }
        }
        System.out.printf("Accessibility: %d pages, %d page views by %d callers, %d checked by axe (the others the same"
                + " shapes as one checked); fixture %d ms, pages %d ms%n", pages.size(), views, CALLERS.size(), axeRuns,
                (made - start) / 1_000_000, (System.nanoTime() - made) / 1_000_000);
        assertThat(unopened).as("pages no caller opens with the fixture's items: give them an address in"
                + " SHOWN_ELSEWHERE").isEmpty();
        assertThat(views).as("page views").isGreaterThan(pages.size());
        assertThat(violations).as("serious or critical violations").isEmpty();
    }

    /**
     * A winner of a past election imported from Pabulib (Toulouse 2019), its follow-up started with an update, as the
     * office would: its follow-up page is then everyone's to read.
     */
    private static long followedUpWinner() throws Exception {
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        String pabulib;
        try (java.io.InputStream in = AccessibilityTests.class.getResourceAsStream("/pabulib/France_Toulouse_2019.pb")) {
            pabulib = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Api.Reply imported = office.post("/api/budget/calls/import", jakarta.json.Json.createObjectBuilder()
                .add("name", BudgetScenarios.uniqueName("Toulouse")).add("year", 2019).add("pabulib", pabulib).build()
                .toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long winner = Api.anonymous().get("/api/budget/envelopes/" + imported.json().getJsonNumber("id") + "/results")
                .json().getJsonArray("winners").getJsonNumber(0).longValue();
        Api.Reply started = office.put("/api/budget/projects/" + winner + "/followup/status",
                "{\"status\": \"IN_PROGRESS\", \"progress\": 20}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Api.Reply update = office.post("/api/budget/projects/" + winner + "/followup/updates",
                "{\"text\": \"Les travaux ont commencé.\"}");
        assertThat(update.status()).as(update.body()).isIn(200, 201);
        assertThat(status("/budget/followup.xhtml?project=" + winner)).as("the follow-up shown to a visitor")
                .isEqualTo(200);
        return winner;
    }

    private static int status(String address) throws Exception {
        HttpResponse<Void> response = Platform.http().send(HttpRequest.newBuilder(URI.create(Platform.APP + address))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
