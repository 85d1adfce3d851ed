package org.agora.api;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.consultation.AnswersRefusedException;
import org.agora.shared.ConflictException;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.UnavailableException;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/** Turns refusals into problem JSON with the right status, translated by the caller's Accept-Language. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static Locale locale(HttpHeaders headers) {
        return Texts.preferred(headers.getAcceptableLanguages());
    }

    @Provider
    public static class DomainProblems implements ExceptionMapper<DomainException> {

        @Context
        HttpHeaders headers;

        @Inject
        CurrentUser currentUser;

        @Override
        public Response toResponse(DomainException e) {
            int status = status(e);
            Locale locale = locale(headers);
            Problem problem = Problem.of(locale, status, e.messageKey(), e.field().orElse(null), e.arguments());
            if (e instanceof AnswersRefusedException refused) {
                problem = problem.withErrors(refused.problems().stream()
                        .map(p -> new Problem.Item(p.questionId(), Texts.format(locale, p.messageKey(),
                                p.arguments().toArray())))
                        .toList());
            }
            Response response = problem.toResponse();
            if (status == 401) {
                return Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"agora\"").build();
            }
            return response;
        }

        private int status(DomainException e) {
            if (e instanceof NotFoundException) {
                return 404;
            }
            if (e instanceof ConflictException) {
                return 409;
            }
            if (e instanceof UnavailableException) {
                return 503; // the server's configuration, not the request: the operators must act
            }
            if (e instanceof NotAllowedException) {
                return currentUser.actor().isSignedIn() ? 403 : 401;
            }
            return 400;
        }
    }

    /** A body that is not JSON, or not the expected shape (a word where a number goes): 400, nothing stored. */
    abstract static class MalformedBody<E extends Throwable> implements ExceptionMapper<E> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(E e) {
            // a refusal of the API's own reading (a text with a control character, a body nested too deep) says why
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof DomainException refusal) {
                    return Problem.of(locale(headers), 400, refusal.messageKey(), refusal.field().orElse(null),
                            refusal.arguments()).toResponse();
                }
            }
            return Problem.of(locale(headers), 400, "api.malformed", null).toResponse();
        }
    }

    @Provider
    public static class UnmappableJson extends MalformedBody<JsonbException> {
    }

    @Provider
    public static class UnparsableJson extends MalformedBody<JsonParsingException> {
    }

    @Provider
    public static class UnreadableBody extends MalformedBody<ProcessingException> {
    }

    /**
     * Whatever else goes wrong answers in problem JSON too. An address, method or media type the API does not have
     * keeps its status (404, 405, 415...) and headers; anything unexpected is a 500 whose detail gives a reference to
     * find in the server's log, never the exception's own text.
     */
    @Provider
    public static class OtherProblems implements ExceptionMapper<Exception> {

        private static final Logger LOG = Logger.getLogger(OtherProblems.class.getName());

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Exception e) {
            Locale locale = locale(headers);
            if (e instanceof WebApplicationException http && http.getResponse().getStatus() < 500) {
                Response refused = http.getResponse();
                int status = refused.getStatus();
                String key = switch (status) {
                    case 404 -> "api.noSuchResource";
                    case 405 -> "api.methodNotAllowed";
                    case 406, 415 -> "api.mediaType";
                    default -> "api.requestRefused";
                };
                Response.ResponseBuilder problem = Response.fromResponse(
                        Problem.of(locale, status, key, null, status).toResponse());
                refused.getHeaders().forEach((name, values) -> {
                    if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                            && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                        values.forEach(value -> problem.header(name, value));
                    }
                });
                return problem.build();
            }
            return serverError(locale, e);
        }

        /**
         * A failure of the server, not of the request: 503 with {@code Retry-After} while the database is unreachable
         * (the request may be sent again in a moment), otherwise 500 with a reference to find in the log.
         */
        static Response serverError(Locale locale, Throwable e) {
            if (DatabaseUnavailable.uncertainCommit(e)) {
                // the commit was sent and its outcome is unknown: the change may be stored, so "nothing was saved"
                // would be wrong (a ballot sent again then answers 409, already voted)
                LOG.log(Level.WARNING, "API request answered 503: the commit's outcome is unknown ({0})", e.toString());
                return Response.fromResponse(Problem.of(locale, 503, "api.commitUncertain", null).toResponse())
                        .header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            if (DatabaseUnavailable.causes(e)) {
                LOG.log(Level.WARNING, "API request refused: the database is unreachable ({0})", e.toString());
                return Response.fromResponse(Problem.of(locale, 503, "api.databaseUnavailable", null).toResponse())
                        .header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "API request failed, reference " + reference, e);
            return Problem.of(locale, 500, "api.unexpected", null, reference).toResponse();
        }
    }

    /** Seconds a client is told to wait before sending again a request the database's absence refused. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * A transaction that could not commit (the database went away between the last statement and the commit): a
     * problem like any other failure. Without this mapper Jersey's own one for {@code TransactionalException} throws
     * it on, and the container answers its HTML error page.
     */
    @Provider
    public static class FailedTransactions implements ExceptionMapper<TransactionalException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TransactionalException e) {
            return OtherProblems.serverError(locale(headers), e);
        }
    }
}
