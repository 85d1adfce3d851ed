package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages' Content-Security-Policy for scripts: each page answers with one policy whose scripts are the platform's
 * files and those carrying a nonce of its own (a new one for each page), and its HTML has no script the policy would
 * refuse; in Chromium, a script or a handler injected into a page does not run, while one carrying the page's nonce
 * does. The journeys' browsers fail their test when the policy refused anything ({@link Browser#close()}).
 */
abstract class ContentSecurityPolicyTests {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/accessibility.xhtml", "/privacy.xhtml",
            "/budget/index.xhtml", "/consultations/index.xhtml", "/councils/index.xhtml",
            "/newsletters/index.xhtml", "/terms.xhtml");

    private static final List<String> OFFICE_PAGES = List.of("/", "/me.xhtml", "/notifications/index.xhtml",
            "/notifications/preferences.xhtml", "/notifications/manage/mails.xhtml", "/budget/manage/index.xhtml",
            "/consultations/manage/index.xhtml", "/councils/member/mine.xhtml", "/moderation/queue.xhtml",
            "/moderation/audit.xhtml", "/moderation/blocks.xhtml", "/newsletters/manage/index.xhtml",
            "/participation/manage/register.xhtml", "/reports/index.xhtml", "/territory/admin/districts.xhtml",
            "/territory/admin/themes.xhtml", "/territory/manage/index.xhtml");

    private static final List<String> RESIDENT_PAGES = List.of("/me.xhtml", "/budget/resident/mine.xhtml",
            "/councils/member/mine.xhtml", "/notifications/index.xhtml");

    private static final Pattern SCRIPT_SOURCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'$");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    /** Visitors' pages, an office admin's and a resident's: one policy each, a nonce of their own, no inline script. */
    @Test
    void everyPageHasOnePolicyWithANonceOfItsOwnAndNoScriptItWouldRefuse() throws Exception {
        for (String path : PUBLIC_PAGES) {
            assertPolicy(path, null);
        }
        String office = HttpSignIn.cookies(DemoUser.OFFICE_ADMIN);
        for (String path : OFFICE_PAGES) {
            assertPolicy(path, office);
        }
        String resident = HttpSignIn.cookies(DemoUser.RESIDENT);
        for (String path : RESIDENT_PAGES) {
            assertPolicy(path, resident);
        }
    }

    /** A page not found is a Faces page too; the API and the files keep the policy without scripts. */
    @Test
    void theErrorPagesHaveTheNonceAndTheApiKeepsItsPolicy() throws Exception {
        HttpResponse<String> missing = get("/no-such-page.xhtml", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("frame-ancestors 'none'").containsPattern(SCRIPT_SOURCE);

        HttpResponse<String> api = get("/api/districts", null);
        assertThat(api.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .startsWith("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; img-src 'self'")
                .doesNotContain("script-src");
    }

    /**
     * In Chromium, on a signed-in page: a script element and an onclick attribute added to the page (as an injected
     * piece of HTML would) do not run and are reported; a script carrying the page's nonce runs (the test can tell).
     */
    @Test
    void anInjectedScriptOrHandlerDoesNotRunAndOneWithThePagesNonceDoes() {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.RESIDENT);
            assertThat(browser.policyViolations()).as("the home page's own scripts").isEmpty();
            browser.driver().executeScript("""
                    window.agoraRefused = [];
                    document.addEventListener('securitypolicyviolation', function (e) {
                        window.agoraRefused.push(e.violatedDirective);
                    });
                    var injected = document.createElement('script');
                    injected.textContent = 'window.agoraInjected = true;';
                    document.body.appendChild(injected);
                    var button = document.createElement('button');
                    button.setAttribute('onclick', 'window.agoraClicked = true;');
                    document.body.appendChild(button);
                    button.click();
                    var nonced = document.createElement('script');
                    nonced.nonce = document.querySelector('script[nonce]').nonce;
                    nonced.textContent = 'window.agoraNonced = true;';
                    document.body.appendChild(nonced);
                    """);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> ((Number) browser.driver()
                    .executeScript("return window.agoraRefused.length;")).intValue() >= 2);

            Object ran = browser.driver().executeScript("""
                    return {injected: window.agoraInjected === true, clicked: window.agoraClicked === true,
                            nonced: window.agoraNonced === true, refused: window.agoraRefused};
                    """);
            Map<?, ?> outcome = (Map<?, ?>) ran;
            assertThat(outcome.get("injected")).as("the injected script ran").isEqualTo(false);
            assertThat(outcome.get("clicked")).as("the injected onclick ran").isEqualTo(false);
            assertThat(outcome.get("nonced")).as("the script with the page's nonce ran").isEqualTo(true);
            assertThat((List<?>) outcome.get("refused")).hasSize(2)
                    .allSatisfy(directive -> assertThat(directive.toString()).startsWith("script-src"));
            // the console reports both, which is how the journeys' browsers notice a refusal
            assertThat(browser.policyViolations()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(message -> assertThat(message).containsPattern("inline (script|event handler)")
                            .contains("Content Security Policy directive 'script-src"));
        }
    }

    private static void assertPolicy(String path, String cookies) throws Exception {
        HttpResponse<String> first = get(path, cookies);
        HttpResponse<String> second = get(path, cookies);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        String nonce = nonce(path, first);
        assertThat(nonce(path, second)).as(path + ": a nonce for each page").isNotEqualTo(nonce);

        String html = first.body();
        Matcher script = SCRIPT_TAG.matcher(html);
        int inline = 0;
        while (script.find()) {
            String attributes = script.group(1);
            if (!attributes.contains("src=")) {
                inline++;
                assertThat(attributes).as(path + ": an inline script").contains("nonce=\"" + nonce + "\"");
            }
        }
        assertThat(inline).as(path + ": PrimeFaces' own scripts, nonce'd").isPositive();
        assertThat(HANDLER.matcher(html).results().map(MatchResult::group).toList()).as(path + ": on* attributes")
                .isEmpty();
        assertThat(html).as(path).doesNotContain("javascript:");
    }

    private static String nonce(String path, HttpResponse<String> page) {
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertThat(policies).as(path + ": one policy").hasSize(1);
        String policy = policies.get(0);
        assertThat(policy).as(path).startsWith("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; img-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("strict-dynamic");
        Matcher source = SCRIPT_SOURCE.matcher(policy);
        assertThat(source.find()).as(path + ": " + policy).isTrue();
        return source.group(1);
    }

    private static HttpResponse<String> get(String path, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.APP + path))
                .header("Accept-Language", "fr").GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return Platform.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
