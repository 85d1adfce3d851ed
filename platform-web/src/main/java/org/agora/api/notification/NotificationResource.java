package org.agora.api.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agora.notification.Mail;
import org.agora.notification.MailQueue;
import org.agora.notification.MailStatus;
import org.agora.notification.Notification;
import org.agora.notification.NotificationKind;
import org.agora.notification.NotificationPreferences;
import org.agora.notification.NotificationService;
import org.agora.notification.NotificationTexts;
import org.agora.notification.UnsubscribeLinks;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The notification centre of the token's person: their notifications (texts in the caller's Accept-Language), the
 * unread count, marking read, their preferences; and the one-click unsubscribe of the mails' List-Unsubscribe
 * header (RFC 8058: a POST, no sign-in, the signed token is the authority). Another person's notification is a 404.
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private static final NotificationTexts TEXTS = new NotificationTexts();

    public record NotificationJson(long id, String kind, String event, String text, String link, Instant createdAt,
                                   boolean read) {
    }

    public record CentreJson(long unread, long total, List<NotificationJson> notifications) {
    }

    public record UnreadJson(long unread) {
    }

    public record MarkedJson(int marked) {
    }

    public record ChoiceJson(boolean inApp, boolean byEmail) {
    }

    /** {@code followedThemes}: the ids of the themes followed; absent in a PUT, they stay as they are. */
    public record PreferencesJson(String language, Map<String, ChoiceJson> choices, List<Long> followedThemes) {
    }

    public record UnsubscribedJson(String person, NotificationKind kind) {
    }

    /** A mail of the outbox as the office sees it: whom, what, where it stands and why it failed. */
    public record MailJson(long id, String recipient, String kind, String event, String status, int attempts,
                           Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, String lastError) {
    }

    public record OutboxJson(long pending, long failed, List<MailJson> mails) {
    }

    @Inject
    NotificationService notifications;

    @Inject
    MailQueue queue;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "My notifications, newest first (first, max up to 100), with the unread count")
    @SecurityRequirement(name = "keycloak")
    public CentreJson list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        List<NotificationJson> page = notifications.list(currentUser.actor(), first, max).stream().map(this::json).toList();
        return new CentreJson(notifications.unreadCount(currentUser.actor()), notifications.count(currentUser.actor()), page);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of my notifications are unread (one count)")
    @SecurityRequirement(name = "keycloak")
    public UnreadJson unread() {
        notifications.list(currentUser.actor(), 0, 1); // 401 for nobody, as the other calls
        return new UnreadJson(notifications.unreadCount(currentUser.actor()));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Marks one of my notifications read (404 for anyone else's)")
    @SecurityRequirement(name = "keycloak")
    public NotificationJson markRead(@PathParam("id") long id) {
        return json(notifications.markRead(currentUser.actor(), id, Instant.now()));
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Marks all my notifications read; how many were unread")
    @SecurityRequirement(name = "keycloak")
    public MarkedJson markAllRead() {
        return new MarkedJson(notifications.markAllRead(currentUser.actor(), Instant.now()));
    }

    @GET
    @Path("preferences")
    @Operation(summary = "My choices per kind of event (in the app, by e-mail) and the language of my mails")
    @SecurityRequirement(name = "keycloak")
    public PreferencesJson preferences() {
        return json(notifications.preferences(currentUser.actor()));
    }

    @PUT
    @Path("preferences")
    @Operation(summary = "Saves my choices for the kinds given (the others keep theirs), the language (fr or en) and,"
            + " when given, the themes I follow; NEWSLETTER is by e-mail only, off until I opt in")
    @APIResponse(responseCode = "400", description = "An unknown language or kind; nothing stored")
    @SecurityRequirement(name = "keycloak")
    public PreferencesJson choose(PreferencesJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        Map<NotificationKind, NotificationKind.Choice> chosen = new EnumMap<>(NotificationKind.class);
        if (request.choices() != null) {
            request.choices().forEach((kind, c) -> chosen.put(kind(kind), c == null ? null
                    : new NotificationKind.Choice(c.inApp(), c.byEmail())));
            if (chosen.containsValue(null)) {
                throw new InvalidInputException("choices", "notification.preferences.kindUnknown");
            }
        }
        String language = request.language() != null ? request.language()
                : notifications.preferences(currentUser.actor()).getLanguage().code();
        java.util.Optional<java.util.Set<Long>> themes = java.util.Optional.ofNullable(request.followedThemes())
                .map(ids -> ids.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return json(notifications.choose(currentUser.actor(), chosen, language, themes));
    }

    @GET
    @Path("outbox")
    @Operation(summary = "For the office: the mails not sent yet and those given up, newest first, with their last error")
    @SecurityRequirement(name = "keycloak")
    public OutboxJson outbox(@QueryParam("max") @DefaultValue("200") int max) {
        List<MailJson> mails = queue.unsent(currentUser.actor(), Math.max(1, Math.min(max, 500))).stream()
                .map(NotificationResource::json).toList();
        return new OutboxJson(queue.count(currentUser.actor(), MailStatus.PENDING),
                queue.count(currentUser.actor(), MailStatus.FAILED), mails);
    }

    @POST
    @Path("outbox/{id}/retry")
    @Operation(summary = "For the office: sends a failed mail again (its attempts counted afresh)")
    @SecurityRequirement(name = "keycloak")
    public MailJson retry(@PathParam("id") long id) {
        return json(queue.retry(currentUser.actor(), id, Instant.now()));
    }

    @POST
    @Path("unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Operation(summary = "One-click unsubscribe (RFC 8058) of a mail's link: no sign-in, the signed token names the"
            + " person and the kind of mails to stop")
    @APIResponse(responseCode = "400", description = "A forged, altered or malformed token; nothing changed")
    public UnsubscribedJson unsubscribe(@QueryParam("token") String token) {
        UnsubscribeLinks.Subject subject = notifications.unsubscribe(token);
        return new UnsubscribedJson(subject.person(), subject.kind());
    }

    @GET
    @Path("unsubscribe")
    @Operation(summary = "The unsubscribe link opened in a browser: sent on to the unsubscribe page")
    @APIResponse(responseCode = "303", description = "To /notifications/unsubscribe.xhtml with the same token")
    public Response unsubscribePage(@QueryParam("token") String token, @Context UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().replacePath(uri.getBaseUri().getPath().replaceAll("api/?$", ""))
                .path("notifications/unsubscribe.xhtml").queryParam("token", token == null ? "" : token).build()).build();
    }

    private NotificationJson json(Notification n) {
        return new NotificationJson(n.getId(), n.getKind().name(), n.getEvent(),
                TEXTS.inApp(locale(), n.getEvent(), n.getArguments()), n.getLink().orElse(null), n.getCreatedAt(), n.isRead());
    }

    private static MailJson json(Mail m) {
        return new MailJson(m.getId(), m.getRecipient(), m.getKind().name(), m.getEvent(), m.getStatus().name(),
                m.getAttempts(), m.getCreatedAt(), m.getLastAttemptAt().orElse(null),
                m.getStatus() == MailStatus.PENDING ? m.getNextAttemptAt() : null, m.getLastError().orElse(null));
    }

    private static PreferencesJson json(NotificationPreferences p) {
        Map<String, ChoiceJson> choices = new java.util.LinkedHashMap<>();
        p.allChoices().forEach((kind, c) -> choices.put(kind.name(), new ChoiceJson(c.inApp(), c.byEmail())));
        return new PreferencesJson(p.getLanguage().code(), choices, p.getFollowedThemes().stream().sorted().toList());
    }

    private static NotificationKind kind(String name) {
        try {
            return NotificationKind.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("choices", "notification.preferences.kindUnknown");
        }
    }

    private Locale locale() {
        return Texts.preferred(headers.getAcceptableLanguages());
    }
}
