package org.agora.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agora.it.Platform.DemoUser;

/**
 * A browser session made without a browser: the platform's sign-in over plain HTTP, through Keycloak's own login
 * page (its form read and posted as a browser would) and the platform's OpenID Connect callback, the terms accepted
 * at a first sign-in. For tests that need a signed-in session's cookies, not the pages' behaviour (the
 * authorization matrix): a tenth of a browser's cost.
 */
final class HttpSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern TERMS_FORM = Pattern.compile("<form[^>]*id=\"terms-form\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
    private static final Pattern LOGIN_ERROR = Pattern.compile("id=\"input-error");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private HttpSignIn() {
    }

    /** Signs the demo user in; returns the session's cookies, as a {@code Cookie} header's value. */
    static String cookies(DemoUser user) {
        return cookies(user.username, user.password);
    }

    static String cookies(String username, String password) {
        return session(username, password).stream().filter(c -> c.getPath() == null || !c.getPath().startsWith("/realms/"))
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** Signs in; returns every cookie the sign-in left, the platform's session and Keycloak's own. */
    static java.util.List<java.net.HttpCookie> session(String username, String password) {
        CookieManager jar = new LoopbackCookies();
        HttpClient http = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = get(http, URI.create(Platform.APP + "/signin"));
        page = login(http, page, username, password, answer -> answer.uri().toString().startsWith(Platform.APP));
        if (page.uri().getPath().endsWith("/terms.xhtml")) {
            acceptTerms(http, page);
        }
        return jar.getCookieStore().getCookies();
    }

    /**
     * The user's tokens as the platform gets them (the authorization code flow of its client, agora-web): Keycloak's
     * login form posted, the code taken from the redirect to the platform (not followed), exchanged with the client's
     * secret. The web client takes no password grant: a test gets its API tokens the way the platform does.
     */
    static jakarta.json.JsonObject tokens(String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String redirect = Platform.APP + "/test-callback";
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(authorization("openid", redirect))
                .header("Accept-Language", "fr").GET().build());
        page = login(http, page, username, password, answer -> answer.statusCode() == 302);
        String location = page.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(redirect) || !code.find()) {
            throw new IllegalStateException("Keycloak sent " + username + " to " + location);
        }
        HttpResponse<String> answer = post(http, URI.create(Platform.KEYCLOAK + "/realms/agora/protocol/openid-connect/token"),
                Map.of("grant_type", "authorization_code", "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                        "redirect_uri", redirect, "client_id", "agora-web", "client_secret", "agora-dev-secret"));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the code of " + username + ": " + answer.body());
        }
        return Json.parse(answer.body());
    }

    /**
     * Posts the username and password on Keycloak's login form (the page given) until Keycloak lets the person
     * through ({@code through}); returns its answer. Keycloak refuses a sign-in while another of the same user is under
     * way (the other suite's): the form is posted again a few times.
     */
    private static HttpResponse<String> login(HttpClient http, HttpResponse<String> page, String username,
                                              String password, java.util.function.Predicate<HttpResponse<String>> through) {
        for (int attempt = 0; ; attempt++) {
            Matcher form = LOGIN_FORM.matcher(page.body());
            if (!form.find()) {
                throw new IllegalStateException("no Keycloak login form at " + page.uri() + ": " + page.statusCode());
            }
            page = post(http, URI.create(unescape(attribute(form.group(), "action"))),
                    Map.of("username", username, "password", password, "credentialId", ""));
            if (through.test(page)) {
                return page;
            }
            if (attempt == Platform.SIGN_IN_ATTEMPTS || !LOGIN_ERROR.matcher(page.body()).find()) {
                throw new IllegalStateException("Keycloak did not sign " + username + " in (" + page.statusCode() + ")");
            }
            pause(attempt);
        }
    }

    /** Keycloak's authorization address for the platform's client, asking these scopes, back to this address. */
    static URI authorization(String scope, String redirect) {
        return URI.create(Platform.KEYCLOAK + "/realms/agora/protocol/openid-connect/auth?client_id=agora-web"
                + "&response_type=code&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=" + java.util.UUID.randomUUID() + "&nonce=" + java.util.UUID.randomUUID());
    }

    /**
     * A cookie jar that sends Secure cookies over plain HTTP on the loopback, as browsers do for 127.0.0.1 (a
     * "potentially trustworthy" origin): Keycloak marks its sign-in cookies Secure, and Java's jar keeps them for HTTPS.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                throws IOException {
            if ("http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost())) {
                uri = URI.create("https" + uri.toString().substring("http".length()));
            }
            return super.get(uri, headers);
        }
    }

    /** Ticks "I agree" and accepts, posting the terms form with its hidden fields (the view's state among them). */
    private static void acceptTerms(HttpClient http, HttpResponse<String> page) {
        Matcher form = TERMS_FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("no terms form at " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(1));
        while (input.find()) {
            String type = attribute(input.group(), "type");
            if ("hidden".equals(type)) {
                fields.put(unescape(attribute(input.group(), "name")), unescape(attribute(input.group(), "value")));
            }
        }
        // the page's nonce, which PrimeFaces' script adds to the form in a browser: a postback without it is refused
        fields.put("primefaces.nonce", nonce(page));
        fields.put("terms-form:agreed", "on");
        fields.put("terms-form:accept", "");
        String action = unescape(attribute(form.group(), "action"));
        HttpResponse<String> accepted = post(http, page.uri().resolve(action), fields);
        if (accepted.uri().getPath().endsWith("/terms.xhtml")) {
            throw new IllegalStateException("the terms were not accepted: " + accepted.statusCode());
        }
    }

    /** The nonce of a page's scripts, from its Content-Security-Policy. */
    static String nonce(HttpResponse<?> page) {
        String policy = page.headers().firstValue("Content-Security-Policy")
                .orElseThrow(() -> new IllegalStateException("no Content-Security-Policy at " + page.uri()));
        Matcher nonce = NONCE.matcher(policy);
        if (!nonce.find()) {
            throw new IllegalStateException("no nonce in the policy of " + page.uri() + ": " + policy);
        }
        return nonce.group(1);
    }

    private static String attribute(String tag, String name) {
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            if (attribute.group(1).equals(name)) {
                return attribute.group(2);
            }
        }
        return null;
    }

    private static String unescape(String html) {
        return html == null ? "" : html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }

    private static HttpResponse<String> get(HttpClient http, URI address) {
        return send(http, HttpRequest.newBuilder(address).header("Accept-Language", "fr").GET().build());
    }

    private static HttpResponse<String> post(HttpClient http, URI address, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(http, HttpRequest.newBuilder(address).header("Accept-Language", "fr")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
