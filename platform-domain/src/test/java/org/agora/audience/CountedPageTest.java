package org.agora.audience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests are page views, under which page and capability; and which agents are programs. */
class CountedPageTest {

    @Test
    void aPageIsItsViewIdUnderTheCapabilityOfItsFolder() {
        assertThat(CountedPage.of("GET", "/consultations/view.xhtml"))
                .contains(new CountedPage("/consultations/view.xhtml", PageCapability.CONSULTATION));
        assertThat(CountedPage.of("GET", "/budget/project.xhtml"))
                .contains(new CountedPage("/budget/project.xhtml", PageCapability.BUDGET));
        assertThat(CountedPage.of("GET", "/budget/resident/ballot.xhtml"))
                .contains(new CountedPage("/budget/resident/ballot.xhtml", PageCapability.BUDGET));
        assertThat(CountedPage.of("GET", "/councils/member/manage.xhtml")).as("a council's leaders are residents")
                .contains(new CountedPage("/councils/member/manage.xhtml", PageCapability.COUNCIL));
        assertThat(CountedPage.of("GET", "/newsletters/view.xhtml").map(CountedPage::capability))
                .contains(PageCapability.NEWSLETTER);
        assertThat(CountedPage.of("GET", "/notifications/index.xhtml").map(CountedPage::capability))
                .contains(PageCapability.NOTIFICATION);
        assertThat(CountedPage.of("GET", "/me.xhtml").map(CountedPage::capability)).contains(PageCapability.ACCOUNT);
        assertThat(CountedPage.of("GET", "/privacy.xhtml").map(CountedPage::capability))
                .contains(PageCapability.INFORMATION);
    }

    @Test
    void theHomeAndAFoldersAddressAreTheirIndexPage() {
        assertThat(CountedPage.of("GET", "/")).contains(new CountedPage("/index.xhtml", PageCapability.HOME));
        assertThat(CountedPage.of("GET", "")).contains(new CountedPage("/index.xhtml", PageCapability.HOME));
        assertThat(CountedPage.of("GET", "/index.xhtml")).contains(new CountedPage("/index.xhtml", PageCapability.HOME));
        assertThat(CountedPage.of("GET", "/budget/"))
                .contains(new CountedPage("/budget/index.xhtml", PageCapability.BUDGET));
    }

    @Test
    void resourcesFilesTheApiHealthErrorsAndFormsSentAreNotPageViews() {
        for (String path : new String[] {"/api/districts", "/api/kpis.xhtml", "/jakarta.faces.resource/theme.css.xhtml",
                "/javax.faces.resource/x.js.xhtml", "/resources/js/project-map.js", "/webjars/leaflet/1.9.4/dist/leaflet.js",
                "/images/4503599627370497", "/health/ready", "/health", "/metrics", "/openapi", "/error/404.xhtml",
                "/councils/meeting.ics", "/me/data.json", "/reports/kpi.xlsx", "/signin", "/Callback", "/language"}) {
            assertThat(CountedPage.of("GET", path)).as(path).isEmpty();
        }
        assertThat(CountedPage.of("POST", "/consultations/answer.xhtml")).isEmpty();
        assertThat(CountedPage.of("HEAD", "/")).isEmpty();
    }

    @Test
    void theStaffsPagesAreNotTheAudience() {
        for (String path : new String[] {"/consultations/manage/index.xhtml", "/budget/manage/desk.xhtml",
                "/councils/manage/edit.xhtml", "/territory/admin/districts.xhtml", "/territory/manage/index.xhtml",
                "/moderation/queue.xhtml", "/reports/", "/reports/index.xhtml", "/participation/manage/register.xhtml",
                "/newsletters/manage/edit.xhtml", "/notifications/manage/mails.xhtml", "/Budget/MANAGE/desk.xhtml"}) {
            assertThat(CountedPage.of("GET", path)).as(path).isEmpty();
        }
    }

    @Test
    void unknownFoldersAndOddPathsAreNotCounted() {
        for (String path : new String[] {"/unknown.xhtml", "/wp-admin/index.xhtml", "/budget//project.xhtml",
                "/budget/../me.xhtml", "/budget/.hidden.xhtml", "budget/index.xhtml",
                "/budget/" + "x".repeat(200) + ".xhtml"}) {
            assertThat(CountedPage.of("GET", path)).as(path).isEmpty();
        }
    }

    @Test
    void crawlersCommandLineClientsHeadlessBrowsersAndNoAgentAtAllAreRobots() {
        for (String agent : new String[] {null, "", "  ", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5.0", "Wget/1.21", "python-requests/2.31",
                "Java-http-client/17.0.12", "okhttp/4.12", "Go-http-client/2.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
                "facebookexternalhit/1.1", "UptimeRobot/2.0", "Mozilla/5.0 (compatible; AhrefsBot/7.0)"}) {
            assertThat(Robots.isRobot(agent)).as(String.valueOf(agent)).isTrue();
        }
        for (String agent : new String[] {"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0"}) {
            assertThat(Robots.isRobot(agent)).as(agent).isFalse();
        }
    }
}
