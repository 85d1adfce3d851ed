package org.agora.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import org.agora.api.Problem;
import org.agora.web.platform.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entrance for both kinds of callers. Requests to {@code /api} are authenticated by the Keycloak access
 * token they carry as {@code Authorization: Bearer} (API clients, scripts) and never get a login redirect (401
 * instead); everything else (browsers on the pages) goes through the container's OpenID Connect mechanism.
 * Jakarta Security 3 allows one mechanism per application, hence this wrapper.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AgoraAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /**
     * The API's only changes made without a token: a mail's unsubscribe link (its token proves whose link it is) and
     * Keycloak's word that a session ended (its signed logout token proves it).
     */
    private static final Set<String> OPEN_WRITES = Set.of("/api/notifications/unsubscribe",
            "/api/backchannel-logout");
    /** The flat claim of realm roles (a protocol mapper of the realm's client). */
    static final String GROUPS_CLAIM = "groups";
    /** The claim naming the caller (as in the OpenID Connect definition, {@link SecurityConfiguration}). */
    static final String CALLER_NAME_CLAIM = "preferred_username";

    @Inject
    BeanManager beans;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    KeycloakReachability keycloak;

    @Inject
    EndedKeycloakSessions endedSessions;

    @Inject
    jakarta.security.enterprise.identitystore.openid.OpenIdContext openIdContext;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "agora.http.max-body-megabytes", defaultValue = "25")
    long maxBodyMegabytes;

    private volatile HttpAuthenticationMechanism openIdConnect;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (request.getContentLengthLong() > maxBodyBytes()) {
            // refused before the caller is known and before any byte of it is read: nobody, signed in or not, makes
            // the platform buffer a body larger than the largest upload it takes
            return tooLarge(response, context);
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            // a body sent in chunks announces no length to check: refused before it is read (411), as browsers and
            // the API's clients send a length (and a proxy in front buffers a body and gives it one)
            return lengthRequired(response, context);
        }
        if (isApi(request)) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return bearer(authorization.substring(BEARER.length()).trim(), response, context);
            }
            return context.isProtected() || anonymousWrite(request) ? unauthorized(response, context)
                    : context.doNothing();
        }
        if (!returnFromKeycloak(request)) {
            if (signedIn(request)) {
                // the session's verified identity token, read once for what follows
                var identity = openIdContext.getIdentityToken();
                TokenClaims claims = TokenClaims.ofVerified(identity == null ? "" : identity.getToken());
                if (endedSessions.ended(claims.single("sid").orElse(null))) {
                    // signed out at Keycloak (back-channel logout): this browser's session ends too, and the browser
                    // asks for the page again, with no session (this request's session-scoped beans live until it
                    // ends): a visitor's page, or Keycloak's login for a protected one; what a form sent is not taken
                    request.getSession().invalidate();
                    String query = request.getQueryString();
                    return context.redirect(request.getRequestURI() + (query == null || !"GET".equals(request.getMethod())
                            ? "" : "?" + query));
                }
                if (tokensValid() || !keycloak.reachable()) {
                    // the session's caller and groups, from its verified identity token, given to the container on
                    // every request: the mechanism itself gives back the caller alone when the session has one, and
                    // under concurrent sessions a signed-in person was then now and then refused a page of their role
                    // (the authorization matrix's side-by-side pass: 4 pages in 2,400). With Keycloak away the
                    // session's tokens cannot be refreshed (the mechanism would fail the request): the person stays
                    // signed in as their session says until Keycloak answers again. Expired tokens with Keycloak
                    // there: the mechanism refreshes them, below
                    return context.notifyContainerAboutLogin(claims.single(CALLER_NAME_CLAIM).orElseThrow(),
                            new HashSet<>(claims.list(GROUPS_CLAIM)));
                }
            } else if (context.isProtected() && !keycloak.reachable()) {
                // the mechanism would send the browser to Keycloak's login page, which does not answer: a clear
                // page from the platform instead (public pages and signed-in sessions carry on)
                return signInUnavailable(request, response);
            }
        }
        if (context.isProtected() && "GET".equals(request.getMethod())) {
            CallbackServlet.rememberPageAskedFor(request);
        }
        return openIdConnect().validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return isApi(request)
                ? HttpAuthenticationMechanism.super.secureResponse(request, response, context)
                : openIdConnect().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isApi(request)) {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        } else {
            openIdConnect().cleanSubject(request, response, context);
        }
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        Optional<JWTClaimsSet> claims = bearerTokens.verify(token);
        if (claims.isEmpty()) {
            return unauthorized(response, context);
        }
        BearerPrincipal principal = new BearerPrincipal(new TokenClaims(claims.get()));
        context.getRequest().setAttribute(BearerPrincipal.class.getName(), principal);
        return context.notifyContainerAboutLogin(principal, new HashSet<>(groups(claims.get())));
    }

    private static List<String> groups(JWTClaimsSet claims) {
        try {
            List<String> groups = claims.getStringListClaim(GROUPS_CLAIM);
            return groups == null ? List.of() : groups;
        } catch (ParseException e) {
            return List.of();
        }
    }

    /**
     * A change asked of the API without a token: refused (401) before its body is read, whatever the endpoint, except
     * the one an unsigned mail link makes (unsubscribing, authenticated by the link's own signed token). Without it an
     * endpoint that reads its body before it asks who calls would answer a visitor 400 (what the body lacks).
     */
    private static boolean anonymousWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"))
                && !OPEN_WRITES.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The largest request body taken, in bytes: {@code agora.http.max-body-megabytes} (25 MB by default). */
    long maxBodyBytes() {
        return maxBodyMegabytes * 1024L * 1024L;
    }

    private static AuthenticationStatus lengthRequired(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("Connection", "close");
        return refused(response, Problem.of(Texts.preferred(context.getRequest()), 411, "api.body.lengthRequired", null));
    }

    private static AuthenticationStatus tooLarge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("Connection", "close");
        return refused(response, Problem.of(Texts.preferred(context.getRequest()), 413, "api.body.tooLarge", null));
    }

    /** 401 with a problem JSON body in the caller's language, as every other API refusal. */
    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"agora\"");
        return refused(response, Problem.of(Texts.preferred(context.getRequest()), HttpServletResponse.SC_UNAUTHORIZED,
                "api.signInRequired", null));
    }

    /** Answers with the problem, as JSON, and ends the request there. */
    private static AuthenticationStatus refused(HttpServletResponse response, Problem problem) {
        try {
            problem.writeTo(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Keycloak sending the browser back to the redirect address with a code to exchange (the mechanism's own
     * business). Read from the path, not the parameters: reading them here would decode a form's body before the
     * page sets its character encoding.
     */
    private static boolean returnFromKeycloak(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).equals("/Callback");
    }

    /** Whether the session's access and identity tokens are both still valid (none to refresh). */
    private boolean tokensValid() {
        var access = openIdContext.getAccessToken();
        var identity = openIdContext.getIdentityToken();
        return access != null && !access.isExpired() && identity != null && !identity.isExpired();
    }

    /** Whether this browser's session holds a sign-in: the OpenID Connect context of the session has a subject. */
    private boolean signedIn(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return false;
        }
        try {
            return openIdContext.getSubject() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AuthenticationStatus signInUnavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            SignInUnavailable.write(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private HttpAuthenticationMechanism openIdConnect() {
        if (openIdConnect == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> !AgoraAuthenticationMechanism.class.isAssignableFrom(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No OpenID Connect mechanism defined: "
                            + beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)));
            openIdConnect = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
        }
        return openIdConnect;
    }

}
