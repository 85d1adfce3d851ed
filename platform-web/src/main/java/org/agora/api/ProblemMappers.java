package org.agora.api;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.agora.web.security.CurrentUser;
import org.agora.consultation.AnswersRefusedException;
import org.agora.shared.ConflictException;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.UnavailableException;
import org.agora.web.platform.Texts;

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
}
