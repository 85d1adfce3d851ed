package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Accessibility (RGAA 4 / WCAG 2.1 AA): axe-core in headless Chromium on the pages of each role, failing on any
 * serious or critical violation, each named with its rule, its help and the first element concerned.
 */
abstract class AccessibilityTests {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/consultations/index.xhtml", "/budget/index.xhtml",
            "/councils/index.xhtml", "/newsletters/index.xhtml", "/privacy.xhtml", "/terms.xhtml",
            "/accessibility.xhtml");

    private static Map<String, List<String>> check(Browser browser, List<String> pages) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String page : pages) {
            browser.open(page);
            List<String> violations = Axe.seriousViolations(browser);
            if (!violations.isEmpty()) {
                found.put(page, violations);
            }
        }
        return found;
    }

    @Test
    void thePublicPagesHaveNoSeriousViolation() {
        try (Browser visitor = new Browser()) {
            assertThat(check(visitor, PUBLIC_PAGES)).isEmpty();
        }
    }

    /** One page with content of each capability: the demo data's first consultation, call, council and meeting. */
    @Test
    void thePagesOfEachCapabilityHaveNoSeriousViolation() {
        long consultation = firstId(Api.anonymous().get("/api/consultations").array());
        long call = firstId(Api.anonymous().get("/api/budget/calls").array());
        long council = firstId(Api.anonymous().get("/api/councils").array());
        long meeting = firstId(Api.anonymous().get("/api/councils/" + council + "/meetings").array());
        try (Browser visitor = new Browser()) {
            assertThat(check(visitor, List.of("/consultations/view.xhtml?id=" + consultation,
                    "/budget/call.xhtml?id=" + call, "/budget/projects.xhtml?call=" + call,
                    "/councils/view.xhtml?id=" + council, "/councils/meeting.xhtml?id=" + meeting))).isEmpty();
        }
    }

    private static long firstId(jakarta.json.JsonArray items) {
        return items.getValuesAs(jakarta.json.JsonObject.class).get(0).getJsonNumber("id").longValue();
    }

    @Test
    void aResidentsPagesHaveNoSeriousViolation() {
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            assertThat(check(resident, List.of("/me.xhtml", "/notifications/index.xhtml",
                    "/notifications/preferences.xhtml", "/councils/member/mine.xhtml", "/budget/resident/mine.xhtml")))
                    .isEmpty();
        }
    }

    @Test
    void theStaffPagesHaveNoSeriousViolation() {
        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            assertThat(check(office, List.of("/consultations/manage/index.xhtml", "/moderation/queue.xhtml",
                    "/moderation/audit.xhtml", "/reports/index.xhtml", "/participation/manage/register.xhtml",
                    "/newsletters/manage/index.xhtml", "/participation/manage/retention.xhtml")))
                    .isEmpty();
        }
    }
}
