package org.agora.budget.project;

import static org.agora.budget.call.PhasePlanTest.day;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * Builders of the budget rule tests, without a database: the people of the city in each role, a call of Nord, Sud and
 * the whole city on {@link PhasePlanTest#plan()} (submission from day 0, review from day 30, vote from day 70 to 85,
 * results from day 86), and projects at each stage of their review.
 */
public final class Budgets {

    public static final DistrictCode NORD = new DistrictCode("nord");
    public static final DistrictCode SUD = new DistrictCode("sud");

    public static final Actor OFFICE = staff("officeadmin", Role.OFFICE_ADMIN);
    public static final Actor AGENT_OF_NORD = agent("agent", NORD);
    public static final Actor AGENT_OF_SUD = agent("agent.sud", SUD);
    public static final Actor MODERATOR = staff("moderator", Role.MODERATOR);
    public static final Actor ANALYST = staff("analyst", Role.ANALYST);
    public static final Actor RESIDENT_OF_NORD = resident("alice", NORD, 1990);
    public static final Actor RESIDENT_OF_SUD = resident("bob", SUD, 1990);
    public static final Actor ANONYMOUS = Actor.anonymous();

    /** Every one of them, for the rules only the office or nobody passes. */
    public static final List<Actor> EVERYONE = List.of(OFFICE, AGENT_OF_NORD, AGENT_OF_SUD, MODERATOR, ANALYST,
            RESIDENT_OF_NORD, RESIDENT_OF_SUD, ANONYMOUS);

    public static final Instant IN_SUBMISSION = day(10);
    public static final Instant IN_REVIEW = day(40);
    public static final Instant BEFORE_VOTE = day(65);
    public static final Instant IN_VOTE = day(75);
    public static final Instant AFTER_VOTE = day(85);
    public static final Instant IN_RESULTS = day(90);

    private static long nextId = 1;

    private Budgets() {
    }

    public static Actor resident(String username, DistrictCode home, Integer birthYear) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.ofNullable(home), Set.of(),
                Optional.ofNullable(birthYear));
    }

    public static Actor agent(String username, DistrictCode... districts) {
        return new Actor(username, Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(districts));
    }

    public static Actor staff(String username, Role role) {
        return new Actor(username, Set.of(role), Optional.empty(), Set.of());
    }

    /** A call of 300,000 with no minimum age: 100,000 each for Nord, Sud and the whole city. */
    public static BudgetCall call() {
        return call(null);
    }

    public static BudgetCall call(Integer minimumAge) {
        BudgetCall call = new BudgetCall(new BudgetCallDraft("Budget participatif 2027", 2027, 300_000,
                List.of(new EnvelopeDraft("nord", 100_000), new EnvelopeDraft("sud", 100_000),
                        new EnvelopeDraft("", 100_000)),
                PhasePlanTest.plan(), new VotingRule.Approval(1, 5), TallyRule.GREEDY, minimumAge), "officeadmin");
        call.getEnvelopes().forEach(Budgets::stored);
        return call;
    }

    public static Envelope nord(BudgetCall call) {
        return call.findEnvelope(Optional.of(NORD)).orElseThrow();
    }

    public static Envelope cityWide(BudgetCall call) {
        return call.findEnvelope(Optional.empty()).orElseThrow();
    }

    /** A project submitted on day 1 by this author, waiting for review. */
    public static BudgetProject submitted(Envelope envelope, String author) {
        return stored(BudgetProject.submitted(envelope, new ProjectDraft("Un jardin partagé", "Des bacs et un composteur",
                envelope.getId(), "Place du marché", (BigDecimal) null, null, 20_000L, null), author, day(1)));
    }

    public static BudgetProject feasible(Envelope envelope, String author) {
        BudgetProject project = submitted(envelope, author);
        project.markFeasible(null, null);
        return project;
    }

    public static BudgetProject notFeasible(Envelope envelope, String author) {
        BudgetProject project = submitted(envelope, author);
        project.markNotFeasible("Le terrain n'appartient pas à la ville");
        return project;
    }

    /** A project merged into another of the same envelope, as a duplicate. */
    public static BudgetProject merged(Envelope envelope, String author) {
        BudgetProject project = submitted(envelope, author);
        project.mergeInto(submitted(envelope, "someone.else"));
        return project;
    }

    /** Gives the entity an id, as the database would on persisting it (merging compares projects and envelopes by id). */
    private static <T> T stored(T entity) {
        try {
            Field id = entity.getClass().getDeclaredField("id");
            id.setAccessible(true);
            id.set(entity, nextId++);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
