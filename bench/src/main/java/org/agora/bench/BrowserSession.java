package org.agora.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as the drills need one: a cookie jar (the app's session, Keycloak's SSO cookies), redirects followed one by
 * one (each hop recorded, with the instance nginx names in X-Agora-Instance), and the OpenID Connect code flow through
 * Keycloak's real login form.
 */
final class BrowserSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** A page as the browser ends on it: its status, address, body and the hops that led there. */
    record Page(int status, URI uri, String body, List<String> hops, String instance, String error) {

        boolean ok() {
            return status == 200;
        }

        boolean signedIn() {
            return ok() && body.contains("/signout");
        }

        String describe() {
            return status < 0 ? "no answer from " + uri + " (" + error + ")" : status + " " + uri.getPath();
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new LoopbackIsSecure(cookies))
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Browsers take http://127.0.0.1 for a secure context and send it the cookies marked Secure (Keycloak marks its
     * login cookies so); the JDK's cookie manager only sends them over https.
     */
    private static final class LoopbackIsSecure extends java.net.CookieHandler {

        private final CookieManager manager;

        LoopbackIsSecure(CookieManager manager) {
            this.manager = manager;
        }

        @Override
        public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers)
                throws IOException {
            try {
                return manager.get(new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
                        uri.getQuery(), null), headers);
            } catch (java.net.URISyntaxException e) {
                return manager.get(uri, headers);
            }
        }

        @Override
        public void put(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
            manager.put(uri, headers);
        }
    }

    /** Opens an address and follows the redirects (at most 10), as a browser would. */
    Page open(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET(), new ArrayList<>());
    }

    /**
     * Signs in through the app's /signin: to Keycloak's login form, the credentials posted to it, back to the app's
     * callback and the page after it.
     */
    Page signIn(String base, String username, String password) {
        List<String> hops = new ArrayList<>();
        Page login = follow(HttpRequest.newBuilder(URI.create(base + "/signin")).GET(), hops);
        if (!login.ok()) {
            return login;
        }
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            return new Page(login.status(), login.uri(), login.body(), hops, login.instance(), "no Keycloak login form");
        }
        String action = form.group(1).replace("&amp;", "&");
        String credentials = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return follow(HttpRequest.newBuilder(URI.create(action)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(credentials)), hops);
    }

    /** The app's session cookie (JSESSIONID), or null. */
    String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page follow(HttpRequest.Builder first, List<String> hops) {
        HttpRequest request = first.timeout(Duration.ofSeconds(30)).header("Accept", "text/html")
                .header("Accept-Language", "fr").build();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return new Page(-1, request.uri(), "", hops, null, e.getClass().getSimpleName() + " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String instance = response.headers().firstValue("X-Agora-Instance").orElse(null);
            hops.add(response.statusCode() + " " + request.uri() + (instance == null ? "" : " [" + instance + "]"));
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Page(response.statusCode(), request.uri(), response.body(), hops, instance, null);
            }
            request = HttpRequest.newBuilder(request.uri().resolve(location.get())).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").header("Accept-Language", "fr").GET().build();
        }
        throw new IllegalStateException("more than 10 redirects: " + hops);
    }
}
