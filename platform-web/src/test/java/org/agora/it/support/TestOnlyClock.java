package org.agora.it.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Moves a date of the test's own data into the past, as time would: the integration tests end a vote or start a
 * meeting this way instead of sleeping until it happens. It exists only in the test deployment
 * ({@link org.agora.it.Deployments}); the application's API refuses such changes, as it should, and the real WAR has
 * no such resource.
 */
@Path("test-only")
@RequestScoped
@Transactional
public class TestOnlyClock {

    @PersistenceContext(unitName = "agora")
    EntityManager em;

    /**
     * The call's calendar moves back as a whole, so that its vote ended two seconds ago: what came after the vote (the
     * results, the follow-up) stays as far after it as it was.
     */
    @POST
    @Path("budget-calls/{id}/vote-ended")
    public Response voteEnded(@PathParam("id") long callId) {
        String shift = " - (vote_end - (current_timestamp - interval '2' second))";
        return updated(em.createNativeQuery("update budget_calls set"
                + " submission_start = submission_start" + shift + ", submission_end = submission_end" + shift + ","
                + " review_start = review_start" + shift + ", review_end = review_end" + shift + ","
                + " vote_start = vote_start" + shift + ", vote_end = vote_end" + shift + ","
                + " results_from = results_from" + shift + ", implementation_from = implementation_from" + shift
                + " where id = ?1").setParameter(1, callId).executeUpdate());
    }

    /** The meeting started a second ago. */
    @POST
    @Path("meetings/{id}/started")
    public Response meetingStarted(@PathParam("id") long meetingId) {
        return updated(em.createNativeQuery("update council_meetings set starts_at = current_timestamp - interval '1' second"
                + " where id = ?1").setParameter(1, meetingId).executeUpdate());
    }

    private static Response updated(int rows) {
        return rows == 1 ? Response.noContent().build() : Response.status(Response.Status.NOT_FOUND).build();
    }
}
